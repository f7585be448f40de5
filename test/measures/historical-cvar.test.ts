import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { empiricalTail } from "../../src/measures/empirical-tail";
import { historicalCvar } from "../../src/measures/historical-cvar";

describe("historicalCvar", () => {
  it("is the mean of the worst (1 − β)T losses when βT is whole (the TSDoc example)", () => {
    expect(historicalCvar(Float64Array.of(-0.03, 0.02, -0.01, 0.04), [1], 0.5)).toBeCloseTo(0.02, 15);
    // 10 scenarios, β = 0.8: mean of the 2 worst losses (0.05, 0.04)
    const r = Float64Array.of(-0.05, 0.01, 0.02, -0.04, 0.03, 0, -0.01, 0.02, 0.01, 0.005);
    expect(historicalCvar(r, [1], 0.8)).toBeCloseTo(0.045, 15);
  });

  it("interpolates the quantile scenario when βT is not whole (Rockafellar–Uryasev)", () => {
    // 10 scenarios, β = 0.75: (1 − β)T = 2.5 → (0.05 + 0.04 + 0.5 · 0.01) / 2.5
    const r = Float64Array.of(-0.05, 0.01, 0.02, -0.04, 0.03, 0, -0.01, 0.02, 0.01, 0.005);
    expect(historicalCvar(r, [1], 0.75)).toBeCloseTo((0.05 + 0.04 + 0.5 * 0.01) / 2.5, 15);
  });

  it("weights the assets' returns per scenario", () => {
    const scenarios = Float64Array.of(-0.02, 0.02, 0.01, -0.01);
    expect(historicalCvar(scenarios, [0.5, 0.5], 0.5)).toBeCloseTo(0, 15);
    expect(historicalCvar(scenarios, [1, 0], 0.5)).toBeCloseTo(0.02, 15);
  });

  it("is the empirical-tail CVaR of the portfolio's scenario returns, with β = confidence", () => {
    const scenarios = Float64Array.of(-0.02, 0.01, 0.03, -0.04, 0.005, 0.002, -0.01, -0.03, 0.02, 0.01);
    const w = [0.4, 0.6];
    const portfolio = [0, 1, 2, 3, 4].map((t) => scenarios[2 * t]! * w[0]! + scenarios[2 * t + 1]! * w[1]!);
    for (const beta of [0.5, 0.6, 0.7, 0.9]) {
      expect(historicalCvar(scenarios, w, beta)).toBeCloseTo(empiricalTail(portfolio, beta).conditionalValueAtRisk, 15);
    }
  });

  it("takes β = 0 as the whole sample (minus the mean return), which empiricalTail's confidence does not allow", () => {
    expect(historicalCvar(Float64Array.of(-0.03, 0.02, -0.01, 0.04), [1], 0)).toBeCloseTo(-0.005, 15);
  });

  it("throws for a β outside [0, 1), a ragged scenario matrix or a non-finite return", () => {
    const r = Float64Array.of(-0.03, 0.02, -0.01, 0.04);
    expect(() => historicalCvar(r, [1], 1)).toThrowError(InputError);
    expect(() => historicalCvar(r, [1], -0.1)).toThrowError(/\[0, 1\)/);
    expect(() => historicalCvar(r, [0.5, 0.3, 0.2], 0.5)).toThrowError(/whole rows/);
    expect(() => historicalCvar(Float64Array.of(0.01, NaN), [1], 0.5)).toThrowError(InputError);
  });

  it("does not change its inputs", () => {
    const r = Float64Array.of(0.03, -0.01, 0.02, -0.05);
    const w = Object.freeze([1]);
    historicalCvar(r, w, 0.5);
    expect(Array.from(r)).toEqual([0.03, -0.01, 0.02, -0.05]);
  });
});
