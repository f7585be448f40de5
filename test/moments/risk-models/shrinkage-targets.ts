/**
 * Test helper: the sample matrix and the target of each shrinkage estimator, annualised, computed directly from
 * their definitions, to check that a shrunk matrix is δ·F + (1 − δ)·S and lies between S and F.
 */
import { expect } from "vitest";
import type { DateTable } from "../../../src/core/frame";
import { returnsFromPrices } from "../../../src/core/returns-from-prices";
import { pairwiseCovariance } from "../../../src/moments/risk-models/pairwise-covariance";
import { shrinkageReturns } from "../../../src/moments/risk-models/shrinkage-returns";
import type { ShrunkCovariance } from "../../../src/moments/risk-models/shrunk-covariance";

export type Target = "constantVariance" | "singleFactor" | "constantCorrelation";

/** `{ sample, target }`, row-major `n × n`, annualised with `frequency`. */
export function sampleAndTarget(prices: DateTable, target: Target, frequency = 252): { sample: Float64Array; target: Float64Array } {
  const { centred: x, nRows: t, nColumns: n } = shrinkageReturns(prices, "test");
  const moment = (a: number, b: number) => {
    let s = 0;
    for (let i = 0; i < t; i++) s += x[a * t + i]! * x[b * t + i]!;
    return s / t;
  };
  const sample = new Float64Array(n * n);
  const f = new Float64Array(n * n);
  if (target === "constantCorrelation") {
    const s = pairwiseCovariance(returnsFromPrices(prices)).values;
    const sd = Array.from({ length: n }, (_, i) => Math.sqrt(s[i * n + i]!));
    let sum = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) sum += s[i * n + j]! / (sd[i]! * sd[j]!);
    const rBar = sum / (n * (n - 1));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        sample[i * n + j] = s[i * n + j]! * frequency;
        f[i * n + j] = (i === j ? s[i * n + i]! : rBar * sd[i]! * sd[j]!) * frequency;
      }
    }
    return { sample, target: f };
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sample[i * n + j] = moment(i, j) * frequency;
  if (target === "constantVariance") {
    let trace = 0;
    for (let i = 0; i < n; i++) trace += sample[i * n + i]!;
    for (let i = 0; i < n; i++) f[i * n + i] = trace / n;
    return { sample, target: f };
  }
  const market = Array.from({ length: t }, (_, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += x[j * t + i]!;
    return s / n;
  });
  const meanMarket = market.reduce((s, v) => s + v, 0) / t;
  const varMarket = market.reduce((s, v) => s + (v - meanMarket) ** 2, 0) / t;
  const beta = Array.from({ length: n }, (_, j) => market.reduce((s, v, i) => s + x[j * t + i]! * (v - meanMarket), 0) / t);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) f[i * n + j] = (i === j ? moment(i, i) : (beta[i]! * beta[j]!) / varMarket) * frequency;
  }
  return { sample, target: f };
}

/** Asserts 0 ≤ δ ≤ 1, S_shrunk = δF + (1 − δ)S, and that every entry lies between the sample's and the target's. */
export function expectBetweenSampleAndTarget(shrunk: ShrunkCovariance, prices: DateTable, target: Target): void {
  const { sample, target: f } = sampleAndTarget(prices, target);
  const delta = shrunk.shrinkage;
  expect(delta).toBeGreaterThanOrEqual(0);
  expect(delta).toBeLessThanOrEqual(1);
  expect(shrunk.repaired).toBe(false);
  let scale = 0;
  for (const v of sample) scale = Math.max(scale, Math.abs(v));
  const slack = 1e-12 * scale;
  for (let k = 0; k < sample.length; k++) {
    const value = shrunk.values[k]!;
    expect(Math.abs(value - (delta * f[k]! + (1 - delta) * sample[k]!))).toBeLessThan(slack);
    expect(value).toBeGreaterThanOrEqual(Math.min(sample[k]!, f[k]!) - slack);
    expect(value).toBeLessThanOrEqual(Math.max(sample[k]!, f[k]!) + slack);
  }
}
