import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError, NumericalError } from "../../src/core/errors";
import type { LabelledMatrix } from "../../src/core/frame";
import { minVolatility } from "../../src/optimise/min-volatility";
import { sampleCovariance } from "../../src/moments/risk-models/sample-covariance";
import { labelledMatrix, readExpected, readPricesCsv } from "./helpers/fixtures";
import { dirichlet, randomCovariance, seededRandom } from "./helpers/random";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";
import { turnoverLimit } from "../../src/optimise/constraints/turnover-limit";
import { expected as opt, expectWeights, synthetic } from "./optimizer-fixtures";

const expected = readExpected();
const fixtureCov = labelledMatrix(expected.tickers, expected.sampleCovariance.values);

const variance = (cov: LabelledMatrix, w: ArrayLike<number>) => {
  const n = cov.labels.length;
  let v = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += w[i]! * cov.values[i * n + j]! * w[j]!;
  return v;
};
const sum = (w: ArrayLike<number>) => Array.from(w).reduce((s, x) => s + x, 0);
const twoAssets = (s1: number, s2: number, rho: number): LabelledMatrix => ({
  labels: ["A", "B"],
  values: Float64Array.of(s1 * s1, rho * s1 * s2, rho * s1 * s2, s2 * s2),
});

describe("minVolatility", () => {
  it("matches cvxopt's long-only minimum-variance weights on the fixture to 1e-6", () => {
    const w = minVolatility(fixtureCov);
    expect(w.labels).toEqual(expected.tickers);
    expected.minVolatility.longOnly.forEach((x, i) => expect(Math.abs(w.values[i]! - x)).toBeLessThan(1e-6));
    expect(w.values[expected.tickers.indexOf("CRUX")]).toBe(0); // cleaned to an exact 0
  });

  it("matches cvxopt with bounds [0.05, 0.35] on the fixture to 1e-6", () => {
    const w = minVolatility(fixtureCov, { bounds: expected.minVolatility.bounded.bounds });
    expected.minVolatility.bounded.weights.forEach((x, i) => expect(Math.abs(w.values[i]! - x)).toBeLessThan(1e-6));
  });

  it("runs end to end from prices (sampleCovariance → minVolatility)", () => {
    const w = minVolatility(sampleCovariance(readPricesCsv("prices.csv")));
    expected.minVolatility.longOnly.forEach((x, i) => expect(Math.abs(w.values[i]! - x)).toBeLessThan(1e-6));
  });

  it("gives the 2-asset closed form w₁ = (σ₂² − σ₁₂) / (σ₁² + σ₂² − 2σ₁₂)", () => {
    const cov = twoAssets(0.2, 0.3, 0.3);
    const [v1, v2, c12] = [0.04, 0.09, 0.3 * 0.2 * 0.3];
    const w1 = (v2 - c12) / (v1 + v2 - 2 * c12);
    const w = minVolatility(cov);
    expect(w.values[0]).toBeCloseTo(w1, 8);
    expect(w.values[1]).toBeCloseTo(1 - w1, 8);
    // Uncorrelated: the TSDoc example, 9/13 and 4/13.
    const u = minVolatility(twoAssets(0.2, 0.3, 0));
    expect(u.values[0]).toBeCloseTo(9 / 13, 8);
  });

  it("stops at the long-only bound when the closed form would short (ρ = 0.9 → w₁ = 1.64 unconstrained)", () => {
    const cov = twoAssets(0.2, 0.3, 0.9);
    expect(Array.from(minVolatility(cov).values)).toEqual([1, 0]);
    const w1 = (0.09 - 0.054) / (0.04 + 0.09 - 0.108);
    const shorting = minVolatility(cov, { bounds: [-1, 2], ridge: 0 }); // Σ is definite: no ridge needed
    expect(shorting.values[0]).toBeCloseTo(w1, 12);
    expect(shorting.values[1]).toBeCloseTo(1 - w1, 12);
    // The default 1e-10 ridge moves this ill-conditioned case (σ₁² + σ₂² − 2σ₁₂ = 0.022) by ~1e-8 only.
    expect(minVolatility(cov, { bounds: [-1, 2] }).values[0]).toBeCloseTo(w1, 7);
  });

  it("honours per-asset bounds", () => {
    const w = minVolatility(fixtureCov, { bounds: [[0, 0.2], [0, 1], [0.1, 1], [0, 0.3], [0, 1], [0, 1]] });
    expect(w.values[0]!).toBeLessThanOrEqual(0.2 + 1e-12);
    expect(w.values[2]!).toBeGreaterThanOrEqual(0.1 - 1e-12);
    expect(w.values[3]!).toBeLessThanOrEqual(0.3 + 1e-12);
    expect(sum(w.values)).toBeCloseTo(1, 12);
  });

  describe("invariants", () => {
    const cases: [string, LabelledMatrix, [number, number]][] = [
      ["fixture, long only", fixtureCov, [0, 1]],
      ["fixture, [0.05, 0.35]", fixtureCov, [0.05, 0.35]],
      ["random 30 assets, long only", { labels: Array.from({ length: 30 }, (_, i) => `T${i}`), values: randomCovariance(30, seededRandom(30)) }, [0, 1]],
      ["random 120 assets, [0, 0.05]", { labels: Array.from({ length: 120 }, (_, i) => `T${i}`), values: randomCovariance(120, seededRandom(120)) }, [0, 0.05]],
    ];

    it.each(cases)("%s: weights sum to 1, respect the bounds, and beat 2,000 random feasible portfolios", (_name, cov, [lo, hi]) => {
      const n = cov.labels.length;
      const w = minVolatility(cov, { bounds: [lo, hi] });
      expect(sum(w.values)).toBeCloseTo(1, 12);
      for (const x of w.values) {
        expect(x).toBeGreaterThanOrEqual(lo - 1e-12);
        expect(x).toBeLessThanOrEqual(hi + 1e-12);
      }
      const best = variance(cov, w.values);
      const random = seededRandom(2024 + n);
      let tried = 0;
      let attempts = 0;
      while (tried < 2000 && attempts < 200_000) {
        attempts++;
        // Dirichlet(1,…,1) on the simplex scaled into the bounds; half the draws on a random sparse support.
        const d = dirichlet(n, random);
        if (attempts % 2 === 0) {
          for (let i = 0; i < n; i++) if (random() < 0.5) d[i] = 0;
          const s = sum(d);
          if (s === 0) continue;
          for (let i = 0; i < n; i++) d[i] = d[i]! / s;
        }
        const p = d.map((x) => lo + (1 - n * lo) * x);
        if (p.some((x) => x > hi)) continue;
        tried++;
        expect(variance(cov, p)).toBeGreaterThanOrEqual(best - 1e-12);
      }
      expect(tried).toBeGreaterThan(100);
    });
  });

  it("cleans weights below the cutoff to exactly 0 and renormalises", () => {
    const w = minVolatility(twoAssets(0.2, 0.3, 0.9), { cutoff: 0 });
    expect(sum(w.values)).toBeCloseTo(1, 14);
    const cleaned = minVolatility(fixtureCov);
    expect(cleaned.values.every((x) => x === 0 || x >= 1e-8)).toBe(true);
  });

  it("throws InfeasibleError before solving when the bounds cannot sum to 1", () => {
    const cov = { labels: ["A", "B", "C"], values: randomCovariance(3, seededRandom(3)) };
    expect(() => minVolatility(cov, { bounds: [0, 0.2] })).toThrow(InfeasibleError);
    expect(() => minVolatility(cov, { bounds: [0, 0.2] })).toThrow("minVolatility: upper bounds sum to 0.6 < 1; raise the bounds or add assets");
    expect(() => minVolatility(cov, { bounds: [0.4, 1] })).toThrow("minVolatility: lower bounds sum to 1.2 > 1; lower the bounds or remove assets");
    expect(() => minVolatility(cov, { bounds: [[0, 1], [0.5, 0.2], [0, 1]] })).toThrow(/lower bound of B \(0.5\) is above its upper bound/);
  });

  it("throws InputError for malformed bounds, ridge or covariance", () => {
    const cov = twoAssets(0.2, 0.3, 0.3);
    expect(() => minVolatility(cov, { bounds: [[0, 1]] })).toThrow(/bounds have 1 entries for 2 assets/);
    expect(() => minVolatility(cov, { bounds: [NaN, 1] })).toThrow(InputError);
    expect(() => minVolatility(cov, { ridge: -1 })).toThrow(/ridge -1/);
    expect(() => minVolatility({ labels: ["A", "B"], values: Float64Array.of(0.04, 0.01, 0.02, 0.09) })).toThrow(/not symmetric/);
    expect(() => minVolatility({ labels: ["A", "B"], values: Float64Array.of(0.04, NaN, NaN, 0.09) })).toThrow(/covariance\(A, B\) is NaN/);
    expect(() => minVolatility({ labels: ["A", "B"], values: Float64Array.of(0.04, 0.01, 0.01) })).toThrow(/2 labels but 3 values/);
    expect(() => minVolatility({ labels: ["A", "B"], values: Float64Array.of(-0.04, 0, 0, 0.09) })).toThrow(/variance of A is -0.04/);
  });

  it("throws NumericalError for an indefinite covariance (pointing at fixNonpositiveSemidefinite)", () => {
    const raw = labelledMatrix(expected.indefinite.tickers, expected.indefinite.rawCovariance);
    expect(() => minVolatility(raw)).toThrow(NumericalError);
    expect(() => minVolatility(raw)).toThrow(/fixNonpositiveSemidefinite/);
    const n = 80;
    const big = randomCovariance(n, seededRandom(4));
    big[1] = big[n] = 10; // a huge covariance between T0 and T1 makes it indefinite (working-set path, n > 60)
    expect(() => minVolatility({ labels: Array.from({ length: n }, (_, i) => `T${i}`), values: big })).toThrow(NumericalError);
  });

  it("does not modify its inputs", () => {
    const values = Float64Array.from(fixtureCov.values);
    const bounds: [number, number][] = expected.tickers.map(() => [0, 0.5]);
    minVolatility(fixtureCov, { bounds });
    expect(fixtureCov.values).toEqual(values);
    expect(bounds).toEqual(expected.tickers.map(() => [0, 0.5]));
  });
});

describe("minVolatility with constraint objects", () => {
  it("matches cvxopt with sector caps and floors, and with a turnover limit (synthetic universe)", () => {
    expectWeights(minVolatility(synthetic.cov, { constraints: [sectorLimits(opt.synthetic.sectors)] }), opt.synthetic.minVolatilitySectors);
    const limited = minVolatility(synthetic.cov, { constraints: [turnoverLimit({ currentWeights: synthetic.currentWeights, maxTurnover: opt.synthetic.maxTurnover })] });
    expectWeights(limited, opt.synthetic.minVolatilityTurnover);
    const turnover = limited.values.reduce((s, x, i) => s + Math.abs(x - synthetic.currentWeights.values[i]!), 0);
    expect(turnover).toBeLessThanOrEqual(opt.synthetic.maxTurnover + 1e-8);
  });

  it("diagnoses an unreachable turnover limit with the smallest feasible turnover", () => {
    // Current Energy weight is below the 0.25 floor: reaching it takes a turnover of 2 × the shortfall.
    const energy = synthetic.currentWeights.values.slice(4, 8).reduce((s, x) => s + x, 0);
    const smallest = 2 * (0.45 - energy);
    expect(() =>
      minVolatility(synthetic.cov, {
        constraints: [
          sectorLimits({ sectorOf: opt.synthetic.sectors.sectorOf, floors: { Energy: 0.45 } }),
          turnoverLimit({ currentWeights: synthetic.currentWeights, maxTurnover: 0.05 }),
        ],
      }),
    ).toThrow(`minVolatility: turnover limit 0.05 cannot reach the sector limits from the current weights; the smallest feasible turnover is ${Number(smallest.toPrecision(3))}`);
  });
});
