/**
 * The stack of layers, bottom-up: a layer imports only layers below it, and only through their `index.ts`.
 * (import-linter's "layers" contract, for this repository.) The README draws the same stack.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** Bottom-up; layers on one line share a rank and may not import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ["core"],
  ["linalg"],
  ["optim"],
  ["measures"],
  ["data"],
  ["validation"],
  ["features"],
  ["models"],
  ["moments"],
  ["optimise"],
  ["decisions"],
  ["stress", "backtest"],
  ["report"],
  ["workbook"],
  ["sweep"],
  ["cli"],
];

const SRC = join(__dirname, "..", "src");
const rank = new Map(LAYERS.flatMap((names, r) => names.map((n) => [n, r] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|cts|mts)$/.test(name) ? [path] : [];
  });
}

/** Every relative module specifier of a file: static imports and exports, `import type`, dynamic `import()`. */
export function relativeImports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  const patterns = [/\bfrom\s+["'](\.[^"']*)["']/g, /\bimport\s*\(\s*["'](\.[^"']*)["']\s*\)/g, /^\s*import\s+["'](\.[^"']*)["']/gm];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]!);
  return found;
}

function layerOf(file: string): string | undefined {
  const parts = relative(SRC, file).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : undefined;
}

/** The imports of one file (`file` under src/) that break the stack: a higher or same-rank layer, or another layer's internals. */
export function violationsOf(file: string, text: string): string[] {
  const from = layerOf(file);
  if (from === undefined) return []; // src/index.ts: the namespaces of every layer
  const out: string[] = [];
  for (const spec of relativeImports(text)) {
    const target = normalize(join(dirname(file), spec));
    const to = layerOf(target) ?? "(root)";
    if (to === from) continue;
    const where = `${relative(SRC, file)} imports ${spec}`;
    if (!rank.has(to)) out.push(`${where}: ${to} is not a layer`);
    else if (rank.get(to)! >= rank.get(from)!) out.push(`${where}: ${to} is not below ${from}`);
    else if (!/^index(\.ts)?$/.test(relative(join(SRC, to), target))) out.push(`${where}: import ${to}'s index.ts, not its internals`);
  }
  return out;
}

describe("the stack of layers", () => {
  it("names every folder of src/ as a layer", () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory()).sort();
    expect(folders).toEqual([...rank.keys()].sort());
  });

  it("has no upward import and no import of another layer's internals", () => {
    expect(sourceFiles(SRC).flatMap((f) => violationsOf(f, readFileSync(f, "utf8")))).toEqual([]);
  });

  it("catches an upward import, a same-rank import, a deep import and a dynamic one", () => {
    const at = (layer: string): string => join(SRC, layer, "x.ts");
    expect(violationsOf(at("measures"), 'import { maxSharpe } from "../optimise/index";')).toEqual(["measures/x.ts imports ../optimise/index: optimise is not below measures"]);
    expect(violationsOf(at("stress"), 'import type { BacktestResult } from "../backtest/index";')).toHaveLength(1);
    expect(violationsOf(at("optimise"), 'import { cholesky } from "../linalg/cholesky";')).toEqual(["optimise/x.ts imports ../linalg/cholesky: import linalg's index.ts, not its internals"]);
    expect(violationsOf(at("cli"), 'const m = await import("../backtest/run-backtest");')).toHaveLength(1);
    expect(violationsOf(at("optimise"), 'import { cholesky } from "../linalg/index";\n// import { x } from "../report/index"')).toEqual([]);
    expect(violationsOf(join(SRC, "index.ts"), 'export * as cli from "./cli/main";')).toEqual([]);
  });
});
