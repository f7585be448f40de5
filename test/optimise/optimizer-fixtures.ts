/**
 * Test helpers: the known answers of test/fixtures/allocation/optimizers/expected.json (made by make_expected.py
 * with cvxopt and scipy), the inputs they were computed from, and shared checks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { DateTable, LabelledMatrix, LabelledVector } from "../../src/core/frame";
import { meanHistoricalReturn } from "../../src/moments/expected-returns/mean-historical-return";
import { returnsFromPrices } from "../../src/core/returns-from-prices";
import { sampleCovariance } from "../../src/moments/risk-models/sample-covariance";
import { FIXTURE_DIR, readPricesCsv } from "./helpers/fixtures";

type Vector = number[];

/** The shape of optimizers/expected.json. */
export interface OptimizerExpected {
  readonly riskFreeRate: number;
  readonly fixture: {
    tickers: string[];
    maxSharpe: Vector;
    maxSharpeBounded: { bounds: [number, number]; weights: Vector };
    maxSharpeL2: { gamma: number; weights: Vector };
    maxSharpeShort: { bounds: [number, number]; weights: Vector };
    minVolatilityL2: { gamma: number; weights: Vector };
    maxQuadraticUtility: { delta1: Vector; delta5: Vector; marketNeutral: Vector };
    efficientReturn: { target: number; weights: Vector; marketNeutralTarget: number; marketNeutral: Vector };
    efficientRisk: { target: number; weights: Vector; marketNeutralTarget: number; marketNeutral: Vector };
    maxReturn: number;
    frontier: { points: number; targets: Vector; weights: Vector[] };
    equalRiskContribution: Vector;
  };
  readonly cvar: {
    nScenarios: number;
    minCvar: { beta: number; weights: Vector; cvar: number };
    minCvarBounded: { beta: number; bounds: [number, number]; weights: Vector; cvar: number };
    efficientReturn: { target: number; weights: Vector; cvar: number };
    efficientRisk: { target: number; weights: Vector; expectedReturn: number };
  };
  readonly hrp: Record<"fromReturns" | "fromCovariance", { weights: Vector; linkage: Vector[]; order: number[] }>;
  readonly synthetic: {
    tickers: string[];
    mu: Vector;
    cov: Vector[];
    sectors: { sectorOf: Record<string, string>; caps: Record<string, number>; floors: Record<string, number> };
    currentWeights: Vector;
    maxTurnover: number;
    maxSharpe: Vector;
    maxSharpeSectors: Vector;
    maxSharpeTurnover: Vector;
    minVolatilitySectors: Vector;
    minVolatilityTurnover: Vector;
    efficientReturnSectors: { target: number; weights: Vector };
    efficientRisk: { target: number; weights: Vector; l2Gamma: number; l2: Vector; minVolatility: number };
    riskBudgets: Vector;
    riskBudgeting: Vector;
    equalRiskContribution: Vector;
  };
}

export const expected: OptimizerExpected = JSON.parse(readFileSync(join(FIXTURE_DIR, "optimizers", "expected.json"), "utf8")) as OptimizerExpected;

/** The main fixture's prices, daily returns, annual mean historical return and sample covariance. */
export const prices: DateTable = readPricesCsv("prices.csv");
export const returns: DateTable = returnsFromPrices(prices);
export const mu: LabelledVector = meanHistoricalReturn(prices);
export const cov: LabelledMatrix = sampleCovariance(prices);

/** The synthetic 12-asset universe. */
export const synthetic = {
  mu: { labels: expected.synthetic.tickers, values: Float64Array.from(expected.synthetic.mu) } as LabelledVector,
  cov: { labels: expected.synthetic.tickers, values: Float64Array.from(expected.synthetic.cov.flat()) } as LabelledMatrix,
  currentWeights: { labels: expected.synthetic.tickers, values: Float64Array.from(expected.synthetic.currentWeights) } as LabelledVector,
};

/** Asserts that weights match a reference to `tolerance` (default 1e-6) entry by entry. */
export function expectWeights(actual: LabelledVector | ArrayLike<number>, reference: ArrayLike<number>, tolerance = 1e-6): void {
  const values = ArrayBuffer.isView(actual) || Array.isArray(actual) ? (actual as ArrayLike<number>) : (actual as LabelledVector).values;
  expect(values.length).toBe(reference.length);
  let worst = 0;
  for (let i = 0; i < reference.length; i++) worst = Math.max(worst, Math.abs(values[i]! - reference[i]!));
  expect(worst).toBeLessThan(tolerance);
}

export const sum = (w: ArrayLike<number>) => Array.from(w).reduce((s, x) => s + x, 0);

export function variance(c: LabelledMatrix, w: ArrayLike<number>): number {
  const n = c.labels.length;
  let v = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += w[i]! * c.values[i * n + j]! * w[j]!;
  return v;
}

export function expectedReturn(m: LabelledVector, w: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < m.values.length; i++) r += m.values[i]! * w[i]!;
  return r;
}

/** Deep-copies labelled inputs so a test can check they were not modified. */
export function snapshot<T extends { labels: readonly string[]; values: Float64Array }>(x: T): { labels: string[]; values: Float64Array } {
  return { labels: [...x.labels], values: Float64Array.from(x.values) };
}

/** Labels T0…T(n−1). */
export const labelsOf = (n: number) => Array.from({ length: n }, (_, i) => `T${i}`);
