import { describe, expect, it } from "vitest";
import { historicalCvar } from "../../src/optimise/cvar-problem";

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
});
