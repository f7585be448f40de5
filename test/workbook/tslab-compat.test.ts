// tslab compiles src/ to CommonJS with its own module loader: these rules keep the library loadable in notebooks.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { cellSource, listNotebooks, readNotebook } from "../../src/workbook/notebook-file";
import { ensureLibraryBuilt } from "../../src/workbook/library-build";

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

const files = tsFiles(packagePath("src"));
const SPECIFIER = /(?:from|import)\s*\(?\s*["'](\.{1,2}(?:\/[^"']*)?)["']/g;

describe("src/ under tslab", () => {
  it("never uses import.meta (a syntax error in CommonJS)", () => {
    const offenders = files.filter((f) => /\bimport\.meta\b/.test(readFileSync(f, "utf8").replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "")));
    expect(offenders.map((f) => relative(packagePath(), f))).toEqual([]);
  });

  it("imports folders through their index file (tslab does not resolve a folder to its index)", () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(SPECIFIER)) {
        const target = join(dirname(f), m[1]!);
        let isDir = false;
        try {
          isDir = statSync(target).isDirectory();
        } catch {
          isDir = false;
        }
        if (isDir) offenders.push(`${relative(packagePath(), f)}: "${m[1]}" → "${m[1]}/index"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("the package's declarations under tslab", () => {
  // Every cell re-checks the program: a public type naming a large package's types loads its declarations into every
  // kernel (DuckDB's are 160 files; TensorFlow.js's and danfo.js's took the import cell from 0.8 to 2.3 s).
  it("name no type of DuckDB, TensorFlow.js or danfo.js in any declaration a barrel reaches", () => {
    ensureLibraryBuilt();
    const dist = packagePath("dist");
    const barrels = [join(dist, "index.d.ts"), ...readdirSync(dist).map((d) => join(dist, d, "index.d.ts")).filter((f) => existsSync(f))];
    const heavy = /^(@duckdb\/node-api|@tensorflow\/.+|danfojs(-node)?)$/;
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      // preProcessFile reads import declarations, re-exports and import("…") types, never comments
      for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
        if (heavy.test(specifier)) offenders.push(`${relative(packagePath(), file)}: ${specifier}`);
        if (!specifier.startsWith(".")) continue;
        const target = join(dirname(file), specifier);
        const next = [`${target}.d.ts`, join(target, "index.d.ts")].find((f) => existsSync(f));
        if (next !== undefined) visit(next);
      }
    };
    barrels.forEach(visit);
    expect(seen.size).toBeGreaterThan(300); // the barrels reach the library's declarations
    expect(offenders).toEqual([]);
  }, 300_000);
});

describe("notebooks under tslab", () => {
  it("use no shorthand properties for variables of earlier cells (tslab does not rewrite them)", () => {
    const offenders: string[] = [];
    for (const entry of listNotebooks(packagePath("notebooks"))) {
      const declaredEarlier = new Set<string>();
      readNotebook(entry.path).cells.forEach((cell, i) => {
        if (cell.cell_type !== "code") return;
        const file = ts.createSourceFile("cell.ts", cellSource(cell), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
          if (ts.isShorthandPropertyAssignment(node) && declaredEarlier.has(node.name.text)) {
            offenders.push(`${entry.name} cell ${i + 1}: { ${node.name.text} } → { ${node.name.text}: ${node.name.text} }`);
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
        for (const stmt of file.statements) {
          if (ts.isVariableStatement(stmt)) {
            for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) declaredEarlier.add(d.name.text);
          } else if (ts.isFunctionDeclaration(stmt) && stmt.name) declaredEarlier.add(stmt.name.text);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});
