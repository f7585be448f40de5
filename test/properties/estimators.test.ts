/**
 * Properties of the estimators on thousands of generated price tables and matrices (fixed seeds): every covariance
 * estimate is symmetric and positive semidefinite after repair (eigenvalues ≥ −1e-10·trace); shrinkage lies between
 * the sample matrix and its target; prices and returns round-trip; a geometric mean return is exact on steady growth.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedReturns, returnsFromPrices, riskModels } from "../../src/moments/index";
import { hrp } from "../../src/optimise/index";
import * as linearAlgebra from "../../src/linalg/index";
import { InputError } from "../../src/core/errors";
import type { DateTable, LabelledMatrix } from "../../src/core/frame";
import { createRng } from "../../src/core/random";
import { sampleAndTarget, type Target } from "../moments/risk-models/shrinkage-targets";
import { isoDates, priceTable, sum, tickers } from "./helpers/arbitraries";
import { check, checkClose } from "./helpers/check";

/** Symmetric (exactly) and eigenvalues ≥ −1e-10·trace. */
function expectSymmetricPsd(m: LabelledMatrix): void {
  const n = m.labels.length;
  check(m.values.length === n * n, () => `${m.values.length} values for ${n} labels`);
  let trace = 0;
  for (let i = 0; i < n; i++) {
    trace += m.values[i * n + i]!;
    for (let j = 0; j < n; j++) {
      check(Number.isFinite(m.values[i * n + j]!), () => `entry (${i}, ${j}) is ${m.values[i * n + j]}`);
      check(m.values[i * n + j] === m.values[j * n + i], () => `entries (${i}, ${j}) and (${j}, ${i}) differ`);
    }
  }
  const { values } = linearAlgebra.symmetricEigen(m.values, n);
  check(values[0]! >= -1e-10 * Math.max(trace, Number.MIN_VALUE), () => `smallest eigenvalue ${values[0]} < −1e-10 · trace ${trace}`);
}

/** Runs an estimator; a typed refusal for too little overlapping data is a correct outcome, anything else fails. */
function estimateOrRefuse<T>(estimate: () => T): T | undefined {
  try {
    return estimate();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect(["TOO_FEW_OBSERVATIONS", "TOO_FEW_OVERLAPPING_OBSERVATIONS", "UNDEFINED_CORRELATION", "ZERO_VARIANCE", "NOT_POSITIVE_SEMIDEFINITE"]).toContain((e as InputError).code);
    return undefined;
  }
}

describe("covariance estimates are symmetric and positive semidefinite after repair", () => {
  it("sample covariance and semicovariance, with gaps and late listings (3,000 tables)", () => {
    let repaired = 0;
    fc.assert(
      fc.property(priceTable({ maxAssets: 7, maxDates: 40 }), fc.boolean(), (prices, logReturns) => {
        const sample = estimateOrRefuse(() => riskModels.sampleCovariance(prices, { logReturns }));
        if (sample) {
          expectSymmetricPsd(sample);
          if (sample.repaired) repaired++;
        }
        const semi = estimateOrRefuse(() => riskModels.semicovariance(prices));
        if (semi) expectSymmetricPsd(semi);
      }),
      { numRuns: 3_000, seed: 7_001 },
    );
    expect(repaired).toBeGreaterThan(0); // the gaps do produce indefinite pairwise matrices, and they are repaired
  });

  it("exponential covariance and the four shrinkage estimators (2,000 complete tables)", () => {
    fc.assert(
      fc.property(priceTable({ maxAssets: 7, gaps: false }), fc.integer({ min: 2, max: 60 }), (prices, span) => {
        expectSymmetricPsd(riskModels.exponentialCovariance(prices, { span }));
        expectSymmetricPsd(riskModels.ledoitWolfConstantVariance(prices));
        expectSymmetricPsd(riskModels.ledoitWolfSingleFactor(prices));
        expectSymmetricPsd(riskModels.ledoitWolfConstantCorrelation(prices));
        expectSymmetricPsd(riskModels.oracleApproximatingShrinkage(prices));
      }),
      { numRuns: 2_000, seed: 7_002 },
    );
  });

  it("fixNonpositiveSemidefinite repairs any symmetric matrix, and leaves a semidefinite one as it was (5,000 matrices)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (n, seed, definite) => {
        const rng = createRng(seed);
        const values = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j <= i; j++) {
            const x = rng.uniform(-1, 1);
            values[i * n + j] = x;
            values[j * n + i] = x;
          }
        }
        if (definite) for (let i = 0; i < n; i++) values[i * n + i] = values[i * n + i]! + n + 1; // diagonally dominant
        const fixed = riskModels.fixNonpositiveSemidefinite({ labels: tickers(n), values });
        expectSymmetricPsd(fixed);
        if (definite) {
          expect(fixed.repaired).toBe(false);
          expect(fixed.values).toEqual(values);
        }
        if (fixed.repaired) expect(fixed.minEigenvalue!).toBeLessThan(0);
      }),
      { numRuns: 5_000, seed: 7_003 },
    );
  });
});

describe("shrinkage lies between the sample covariance and its target", () => {
  const estimators: [Target, (p: DateTable) => ReturnType<typeof riskModels.ledoitWolfConstantVariance>][] = [
    ["constantVariance", (p) => riskModels.ledoitWolfConstantVariance(p)],
    ["singleFactor", (p) => riskModels.ledoitWolfSingleFactor(p)],
    ["constantCorrelation", (p) => riskModels.ledoitWolfConstantCorrelation(p)],
    ["constantVariance", (p) => riskModels.oracleApproximatingShrinkage(p)],
  ];
  it("δ ∈ [0, 1] and every entry is δ·F + (1 − δ)·S, between S and F (4 × 1,000 complete tables)", () => {
    fc.assert(
      fc.property(priceTable({ minAssets: 2, maxAssets: 6, minDates: 6, maxDates: 50, gaps: false }), fc.integer({ min: 0, max: 3 }), (prices, k) => {
        const [target, estimate] = estimators[k]!;
        const shrunk = estimate(prices);
        const { sample, target: f } = sampleAndTarget(prices, target);
        const delta = shrunk.shrinkage;
        check(delta >= 0 && delta <= 1, () => `shrinkage ${delta} is outside [0, 1]`);
        check(!shrunk.repaired, () => "a shrunk matrix needed repair");
        let scale = 0;
        for (const v of sample) scale = Math.max(scale, Math.abs(v));
        const slack = 1e-12 * scale;
        for (let e = 0; e < sample.length; e++) {
          const value = shrunk.values[e]!;
          checkClose(value, delta * f[e]! + (1 - delta) * sample[e]!, slack, `entry ${e} against δ·F + (1 − δ)·S`);
          check(value >= Math.min(sample[e]!, f[e]!) - slack && value <= Math.max(sample[e]!, f[e]!) + slack, () => `entry ${e} (${value}) is not between S and F`);
        }
      }),
      { numRuns: 4_000, seed: 7_004 },
    );
  });
});

describe("returns and prices round-trip", () => {
  it("compounding the returns from each column's first price rebuilds the prices (simple and log; 3,000 tables)", () => {
    fc.assert(
      fc.property(priceTable({ maxAssets: 6, maxDates: 50, gaps: false }), fc.boolean(), (prices, logReturns) => {
        const returns = returnsFromPrices(prices, { logReturns });
        const n = prices.tickers.length;
        expect(returns.tickers).toEqual(prices.tickers);
        expect(returns.dates).toEqual(prices.dates.slice(1));
        for (let j = 0; j < n; j++) {
          let first = 0;
          while (Number.isNaN(prices.values[first * n + j]!)) first++;
          let p = prices.values[first * n + j]!;
          for (let i = first + 1; i < prices.dates.length; i++) {
            const r = returns.values[(i - 1) * n + j]!;
            p = logReturns ? p * Math.exp(r) : p * (1 + r);
            checkClose(p / prices.values[i * n + j]!, 1, 1e-12, `rebuilt price of ${prices.tickers[j]} on ${prices.dates[i]} over the original`);
          }
        }
      }),
      { numRuns: 3_000, seed: 7_005 },
    );
  });

  it("a gap stays a gap: a missing price gives missing returns on both sides, never a made-up one (3,000 tables)", () => {
    fc.assert(
      fc.property(priceTable({ maxAssets: 6, maxDates: 40 }), (prices) => {
        const returns = returnsFromPrices(prices);
        const n = prices.tickers.length;
        const rowOf = new Map(returns.dates.map((d, k) => [d, k]));
        for (let i = 1; i < prices.dates.length; i++) {
          const k = rowOf.get(prices.dates[i]!);
          for (let j = 0; j < n; j++) {
            const before = prices.values[(i - 1) * n + j]!;
            const now = prices.values[i * n + j]!;
            const expected = now / before - 1;
            const where = () => `${prices.tickers[j]} on ${prices.dates[i]}`;
            if (k === undefined) check(Number.isNaN(expected), () => `row ${prices.dates[i]} was dropped but ${where()} has a return`);
            else if (Number.isNaN(expected)) check(Number.isNaN(returns.values[k * n + j]!), () => `${where()}: a return across a gap`);
            else check(returns.values[k * n + j] === expected, () => `${where()}: return ${returns.values[k * n + j]}, expected ${expected}`);
          }
        }
      }),
      { numRuns: 3_000, seed: 7_006 },
    );
  });

  it("the geometric mean return of steady growth g per day is (1 + g)^252 − 1 (2,000 cases)", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.01, max: 0.01, noNaN: true }), fc.integer({ min: 3, max: 300 }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (g, t, p0) => {
        const prices: DateTable = { dates: isoDates(t), tickers: ["G"], values: Float64Array.from({ length: t }, (_, i) => p0 * (1 + g) ** i) };
        const mu = expectedReturns.meanHistoricalReturn(prices).values[0]!;
        const expected = (1 + g) ** 252 - 1;
        expect(Math.abs(mu - expected)).toBeLessThan(1e-9 * (1 + Math.abs(expected)));
      }),
      { numRuns: 2_000, seed: 7_007 },
    );
  });
});

describe("HRP from returns", () => {
  it("weights are positive and sum to one on complete data (1,000 tables)", () => {
    fc.assert(
      fc.property(priceTable({ minAssets: 1, maxAssets: 7, minDates: 12, maxDates: 40, gaps: false }), (prices) => {
        const result = estimateOrRefuse(() => hrp.hierarchicalRiskParity({ returns: returnsFromPrices(prices) }));
        if (!result) return;
        expect(Math.abs(sum(result.weights.values) - 1)).toBeLessThan(1e-12);
        for (const w of result.weights.values) expect(w).toBeGreaterThan(0);
      }),
      { numRuns: 1_000, seed: 7_008 },
    );
  });

  // With gaps or late listings the pairwise-complete covariance can be indefinite: HRP then refuses it
  // (NOT_POSITIVE_SEMIDEFINITE) instead of returning negative weights that still sum to one.
  it("weights are positive and sum to one with gaps and late listings too (1,000 tables)", () => {
    fc.assert(
      fc.property(priceTable({ minAssets: 1, maxAssets: 7, minDates: 12, maxDates: 40 }), (prices) => {
        const result = estimateOrRefuse(() => hrp.hierarchicalRiskParity({ returns: returnsFromPrices(prices) }));
        if (!result) return;
        for (const w of result.weights.values) expect(w).toBeGreaterThan(0);
      }),
      { numRuns: 1_000, seed: 7_009 },
    );
  });
});
