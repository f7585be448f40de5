// Minimum risk under the deviation, lower-partial-moment and drawdown measures on Riskfolio-Lib's test data
// (200 days × 10 assets) against the weights its own tests assert (tests/test_portfolio.py::
// test_classic_minrisk_optimization, Classic_MinRisk.csv, decimal 6; rf = 0 so τ = 0 for FLPM and SLPM).
import { describe, expect, it } from "vitest";
import { minScenarioRisk } from "../../src/optimise/min-scenario-risk";
import { scenarioMeasure, type DeviationMeasure } from "../../src/optimise/scenario-risk-programme";
import { createRng } from "../../src/core/random";
import { dailyReturns, gap, riskfolioReturns as returns, riskfolioWeights } from "./helpers/riskfolio-fixture";

const cases: [string, DeviationMeasure][] = [
  ["MAD", "meanAbsoluteDeviation"],
  ["MSV", "semiDeviation"],
  ["FLPM", "firstLowerPartialMoment"],
  ["SLPM", "secondLowerPartialMoment"],
  ["MDD", "maxDrawdown"],
  ["ADD", "averageDrawdown"],
  ["CDaR", "cdar"],
  ["UCI", "ulcerIndex"],
];
const settings = { beta: 0.95, minimumAcceptableReturn: 0 };

describe("minScenarioRisk reproduces Riskfolio-Lib's asserted minimum-risk weights", () => {
  for (const [rm, measure] of cases) {
    it(`${rm} (${measure}): within 1e-6 of Riskfolio-Lib's, and no riskier`, async () => {
      const expected = riskfolioWeights("min_risk_weights.csv", rm);
      const result = await minScenarioRisk(returns, { measure });
      expect(gap(result.weights.values, expected)).toBeLessThan(1e-6);
      expect(result.risk).toBeCloseTo(scenarioMeasure(measure, dailyReturns(result.weights.values), settings), 14);
      expect(result.risk).toBeLessThanOrEqual(scenarioMeasure(measure, dailyReturns(expected), settings) + 1e-12);
    });
  }
});

describe("minScenarioRisk: properties", () => {
  it("is never beaten by 200 random long-only portfolios on its own measure", async () => {
    const rng = createRng(15);
    for (const [, measure] of cases) {
      const best = await minScenarioRisk(returns, { measure });
      for (let k = 0; k < 200; k++) {
        const raw = Array.from({ length: 10 }, () => -Math.log(1 - rng.next()));
        const total = raw.reduce((s, x) => s + x, 0);
        expect(scenarioMeasure(measure, dailyReturns(raw.map((x) => x / total)), settings)).toBeGreaterThanOrEqual(best.risk - 1e-12);
      }
    }
  });
  it("holds the bounds, and a tighter bound costs risk", async () => {
    const free = await minScenarioRisk(returns, { measure: "averageDrawdown" });
    const capped = await minScenarioRisk(returns, { measure: "averageDrawdown", bounds: [0, 0.2] });
    expect(Math.max(...capped.weights.values)).toBeLessThanOrEqual(0.2 + 1e-12);
    expect(capped.weights.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(capped.risk).toBeGreaterThan(free.risk);
  });
  it("the QPs hold lower bounds above 0 (solved for w − lower) and cost risk for them", async () => {
    for (const measure of ["semiDeviation", "ulcerIndex"] as const) {
      const free = await minScenarioRisk(returns, { measure });
      const floor = await minScenarioRisk(returns, { measure, bounds: [0.03, 0.4] });
      expect(Math.min(...floor.weights.values)).toBeGreaterThanOrEqual(0.03 - 1e-12);
      expect(Math.max(...floor.weights.values)).toBeLessThanOrEqual(0.4 + 1e-12);
      expect(floor.risk).toBeGreaterThan(free.risk);
      const rng = createRng(3);
      for (let k = 0; k < 50; k++) {
        const raw = Array.from({ length: 10 }, () => -Math.log(1 - rng.next()));
        const total = raw.reduce((s, x) => s + x, 0);
        const w = raw.map((x) => 0.03 + (0.7 * x) / total); // Σ = 1, each ≥ 0.03
        if (Math.max(...w) > 0.4) continue;
        expect(scenarioMeasure(measure, dailyReturns(w), settings)).toBeGreaterThanOrEqual(floor.risk - 1e-12);
      }
    }
  });
  it("deviations are translation-invariant: shifting every return by c moves neither weights nor risk (τ shifted too)", async () => {
    const c = 0.003;
    const shifted = { ...returns, values: returns.values.map((x) => x + c) };
    for (const [measure, tau] of [["meanAbsoluteDeviation", 0], ["semiDeviation", 0], ["firstLowerPartialMoment", c], ["secondLowerPartialMoment", c]] as const) {
      const a = await minScenarioRisk(returns, { measure });
      const b = await minScenarioRisk(shifted, { measure, minimumAcceptableReturn: tau });
      expect(gap(a.weights.values, b.weights.values)).toBeLessThan(2e-6);
      expect(b.risk).toBeCloseTo(a.risk, 9);
    }
  });
  it("does not change its input", async () => {
    const copy = Float64Array.from(returns.values);
    await minScenarioRisk(returns, { measure: "ulcerIndex" });
    expect(returns.values).toEqual(copy);
  });
  it("throws typed errors: unknown measure, bad confidence, bad threshold, too few observations, infeasible bounds", async () => {
    await expect(minScenarioRisk(returns, { measure: "variance" as DeviationMeasure })).rejects.toThrow(/unknown measure variance; choose one of meanAbsoluteDeviation/);
    await expect(minScenarioRisk(returns, { measure: "cdar", beta: 1.2 })).rejects.toMatchObject({ code: "BAD_BETA" });
    await expect(minScenarioRisk(returns, { measure: "firstLowerPartialMoment", minimumAcceptableReturn: Infinity })).rejects.toMatchObject({ code: "BAD_TARGET" });
    const one = { dates: returns.dates.slice(0, 1), tickers: returns.tickers, values: returns.values.slice(0, 10) };
    await expect(minScenarioRisk(one, { measure: "semiDeviation" })).rejects.toMatchObject({ code: "TOO_FEW_SCENARIOS" });
    await expect(minScenarioRisk(returns, { measure: "maxDrawdown", bounds: [0, 0.05] })).rejects.toThrow();
  });
});
