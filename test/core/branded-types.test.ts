// Weights, expected returns and covariances cannot be confused: swapped arguments are compile errors in a
// notebook cell. Proved with the TypeScript compiler on cells that import the built package by its name,
// with tslab's options (module resolution "node10", not strict) and with strict options.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/index";
import { ensureLibraryBuilt } from "../../src/workbook/library-build";

const dir = packagePath("build", "type-tests");
const header = [
  'import { riskModels, expectedReturns } from "allocation-workbook/moments";',
  'import { maxSharpe, minVolatility, efficientFrontier } from "allocation-workbook/optimise";',
  'import { portfolioPerformance } from "allocation-workbook/measures";',
  'import { generateMarket } from "allocation-workbook/data";',
  "const prices = generateMarket({ years: 2 }).prices;",
  "const mu = expectedReturns.meanHistoricalReturn(prices);",
  "const cov = riskModels.sampleCovariance(prices);",
  "const w = maxSharpe(mu, cov);",
].join("\n");

/** The compiler's errors for one cell, as `TSnnnn message` lines. */
function errorsOf(cell: string, strict: boolean): string[] {
  const file = join(dir, `cell-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, `${header}\n${cell}\nexport {};\n`);
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    strict,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ["node"],
    typeRoots: [packagePath("node_modules", "@types")],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

describe("branded labelled types (compile time)", () => {
  beforeAll(() => {
    ensureLibraryBuilt();
    mkdirSync(dir, { recursive: true });
  }, 300_000);

  for (const strict of [false, true]) {
    describe(strict ? "strict" : "tslab's options (not strict)", () => {
      it("accepts the right order, and plain { labels, values } objects", () => {
        expect(errorsOf("portfolioPerformance(w, mu, cov);\nminVolatility(cov);\nefficientFrontier(mu, cov);", strict)).toEqual([]);
        expect(errorsOf('maxSharpe({ labels: ["A"], values: Float64Array.of(0.1) }, { labels: ["A"], values: Float64Array.of(0.04) });', strict)).toEqual([]);
      });

      it("refuses a covariance where expected returns belong: maxSharpe(cov, mu)", () => {
        const errors = errorsOf("maxSharpe(cov, mu);", strict);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors[0]).toMatch(/^TS2345 Argument of type '(LabelledMatrix|PsdRepairedMatrix)' is not assignable to parameter of type 'ExpectedReturns'.*Type '"matrix"( | undefined)?' is not assignable/);
      });

      it("refuses expected returns where a covariance belongs: minVolatility(mu)", () => {
        expect(errorsOf("minVolatility(mu);", strict)[0]).toMatch(/^TS2345 Argument of type 'ExpectedReturns' is not assignable to parameter of type 'LabelledMatrix'/);
      });

      it("refuses expected returns where weights belong, and weights where expected returns belong", () => {
        const errors = errorsOf("portfolioPerformance(mu, w, cov);", strict);
        expect(errors[0]).toMatch(/^TS2345 Argument of type 'ExpectedReturns' is not assignable to parameter of type 'Weights'/);
      });
    });
  }
});
