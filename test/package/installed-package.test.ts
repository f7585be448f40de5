// The package as a user gets it: `npm pack`, installed with npm into an empty folder, then used from plain Node
// (ESM), from TypeScript (tsx, and tsc against the installed declarations), from the `workbook` command, and by a
// notebook whose kernel resolves `allocation-workbook` in that folder's node_modules.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { ensureLibraryBuilt } from "../../src/workbook/library-build";
import { formatFailure, runNotebook } from "../../src/workbook/run-notebook";
import { SMALL_PARAMETERS } from "../notebooks/small-parameters";

const root = packagePath();
const work = mkdtempSync(join(tmpdir(), "workbook-install-"));
const app = join(work, "app");
let tarball = "";
let files: string[] = [];

function run(cmd: string, args: readonly string[], cwd: string, timeout = 240_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: "utf8", timeout, env: { ...process.env, npm_config_loglevel: "error", npm_config_fund: "false", npm_config_audit: "false" } });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  expect(r.status, `${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

beforeAll(() => {
  ensureLibraryBuilt();
  const packed = ok(run("npm", ["pack", "--json", "--pack-destination", work], root), "npm pack");
  const [info] = JSON.parse(packed) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  files = info!.files.map((f) => f.path);
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "my-research", version: "1.0.0", private: true, type: "module" }, null, 2));
  // --prefer-offline: the dependencies come from npm's cache when the checkout's own install put them there.
  ok(run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], app, 540_000), "npm install of the tarball");
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the installable package", () => {
  it("packs the built library, its declarations and the command, and no tests or notebooks", () => {
    for (const f of ["dist/index.js", "dist/index.d.ts", "dist/index.d.ts.map", "dist/optimise/index.js", "dist/cli/main.js", "bin/workbook.js", "package.json", "README.md"]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^(test|notebooks|build|bench|docs|\.ci|scripts)\//.test(f) || f.endsWith(".ipynb"))).toEqual([]);
  });

  it("imports from plain Node as an ES module", () => {
    writeFileSync(
      join(app, "plain.mjs"),
      [
        'import { optimise } from "allocation-workbook";',
        "const w = optimise.minVolatility({ labels: ['A', 'B'], values: [0.04, 0, 0, 0.01] });",
        "console.log(JSON.stringify({ A: w.values[0], B: w.values[1] }));",
      ].join("\n"),
    );
    const out = ok(run(process.execPath, ["plain.mjs"], app), "node plain.mjs");
    const w = JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
    // Two uncorrelated assets: the minimum-variance weights are proportional to 1/σ² (0.2, 0.8).
    expect(w.A).toBeCloseTo(0.2, 6);
    expect(w.B).toBeCloseTo(0.8, 6);
  });

  it("imports from TypeScript through tsx, and type-checks against the installed declarations", () => {
    writeFileSync(
      join(app, "typed.ts"),
      [
        'import { core, optimise, moments } from "allocation-workbook";',
        'import type { Portfolio } from "allocation-workbook/optimise";',
        "const prices = core.frame({ dates: ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'],",
        "  tickers: ['A', 'B'], values: new Float64Array([100, 50, 101, 50.5, 103, 50.2, 102, 51, 104, 51.3]) });",
        "const p: Portfolio = optimise.portfolios.minVolatility(moments.prior(prices));",
        "const total: number = p.weights.sum();",
        "console.log(total.toFixed(6));",
      ].join("\n"),
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: true, types: [] }, files: ["typed.ts"] }),
    );
    expect(ok(run(join(app, "node_modules", ".bin", "tsx"), ["typed.ts"], app), "tsx typed.ts").trim()).toBe("1.000000");
    ok(run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], app), "tsc against the installed declarations");
    // And a mistake is a compile error for the user too: a covariance where expected returns belong.
    writeFileSync(join(app, "typed.ts"), ['import { optimise, moments } from "allocation-workbook";', "declare const prior: moments.Prior;", "optimise.maxSharpe(prior.covariance, prior.expectedReturns);"].join("\n"));
    const wrong = run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], app);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/typed\.ts\(3,/);
  });

  it("runs `npx workbook optimize` on a CSV of prices", () => {
    copyFileSync(join(root, "test", "fixtures", "risk", "riskfolio", "prices.csv"), join(app, "prices.csv"));
    const out = ok(run("npx", ["--no-install", "workbook", "optimize", "--prices", "prices.csv", "--method", "min-volatility", "--json"], app), "npx workbook optimize");
    const result = JSON.parse(out) as { weights: Record<string, number>; performance: { volatility: number } };
    expect(Object.values(result.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(result.performance.volatility).toBeGreaterThan(0);
    expect(run("npx", ["--no-install", "workbook", "--version"], app).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("runs a notebook against the installed package", async () => {
    const nb = join(root, "notebooks", "09-risk-measures.ipynb");
    const outputDir = join(work, "executed");
    const run9 = await runNotebook({ name: "09-risk-measures", number: "09", path: nb }, { parameters: SMALL_PARAMETERS["09-risk-measures"], outputDir, cellTimeoutSeconds: 300, kernelCwd: app });
    expect(run9.ok, formatFailure(run9)).toBe(true);
    expect(readdirSync(join(app, "node_modules", "allocation-workbook"))).toContain("dist");
  }, 300_000);
});
