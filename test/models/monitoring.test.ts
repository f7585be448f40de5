import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/random";
import type { FeatureFrame } from "../../src/features/index";
import { monitoring } from "../../src/models/index";

const rng = createRng(8);
const sample = (n: number, shift: number, scale = 1) => Float64Array.from({ length: n }, () => shift + scale * rng.normal());
const frameOf = (a: Float64Array, b: Float64Array): FeatureFrame => ({ names: ["stable", "shifting"], columns: [a, b], dates: Array.from(a, () => "2020-01-31"), tickers: Array.from(a, (_, i) => `T${i}`) });

describe("populationStabilityIndex", () => {
  it("is 0 for the same sample and matches a hand computation", () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(monitoring.populationStabilityIndex(x, x)).toBe(0);
    // 2 bins split at the median 6: expected shares 0.5 / 0.5; actual [1, 2, 3, 7] → 0.75 / 0.25
    const psi = (0.75 - 0.5) * Math.log(0.75 / 0.5) + (0.25 - 0.5) * Math.log(0.25 / 0.5);
    expect(monitoring.populationStabilityIndex(x, [1, 2, 3, 7], 2)).toBeCloseTo(psi, 14);
  });
  it("grows with the shift and rejects empty or NaN samples", () => {
    const base = sample(2000, 0);
    expect(monitoring.populationStabilityIndex(base, sample(2000, 0))).toBeLessThan(0.05);
    expect(monitoring.populationStabilityIndex(base, sample(2000, 1))).toBeGreaterThan(0.25);
    expect(() => monitoring.populationStabilityIndex([], [1])).toThrowError(/empty/);
    expect(() => monitoring.populationStabilityIndex([1, NaN], [1])).toThrowError(/NaN/);
  });
});

describe("driftReport", () => {
  it("says to retrain when a feature shifts, errors grow or the volatility regime changes, and why", () => {
    const reference = frameOf(sample(1000, 0), sample(1000, 0));
    const recent = frameOf(sample(500, 0), sample(500, 1.2));
    const calm = sample(500, 0, 0.01);
    const report = monitoring.driftReport({
      reference,
      recent,
      errors: { reference: sample(400, 0, 0.1), recent: sample(100, 0, 0.2) },
      marketReturns: { reference: calm, recent: sample(120, 0, 0.03) },
    });
    expect(report.psi[0]!.feature).toBe("shifting");
    expect(report.maxPsi).toBeGreaterThan(0.25);
    expect(report.errorRatio).toBeGreaterThan(1.5);
    expect(report.volatilityRatio).toBeGreaterThan(2);
    expect(report.retrain).toBe(true);
    expect(report.reasons).toHaveLength(3);
    expect(report.reasons[0]).toMatch(/shifting has shifted \(PSI/);
    const quiet = monitoring.driftReport({ reference, recent: frameOf(sample(500, 0), sample(500, 0)) });
    expect(quiet.retrain).toBe(false);
    expect(quiet.errorRatio).toBeNaN();
    expect(() => monitoring.driftReport({ reference, recent: { ...recent, names: ["stable", "other"] } })).toThrowError(/same request/);
  });
});

describe("driftReport inputs", () => {
  it("rejects a NaN market return", () => {
    const f = frameOf(sample(50, 0), sample(50, 0));
    expect(() => monitoring.driftReport({ reference: f, recent: f, marketReturns: { reference: [0.01, NaN, 0.02], recent: [0.01, 0.02] } })).toThrowError(/value 1 is NaN/);
  });
});
