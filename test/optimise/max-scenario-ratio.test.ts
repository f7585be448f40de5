// Maximum return-to-risk ratio under the deviation, lower-partial-moment and drawdown measures on Riskfolio-Lib's
// test data against the weights its own tests assert (tests/test_portfolio.py::test_classic_sharpe_optimization,
// Classic_Sharpe.csv: obj="Sharpe", rf = 0, μ the historical mean). Riskfolio-Lib solves with an interior-point
// method (Clarabel), so its weights are good to about 1e-5 on these flat optima: ours must be that close and reach
// at least its ratio.
import { describe, expect, it } from "vitest";
import { maxScenarioRatio } from "../../src/optimise/max-scenario-ratio";
import { scenarioMeasure, type DeviationMeasure } from "../../src/optimise/scenario-risk-programme";
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
const ratioOf = (measure: DeviationMeasure, w: ArrayLike<number>) => {
  const y = dailyReturns(w);
  return y.reduce((s, x) => s + x, 0) / y.length / scenarioMeasure(measure, y, settings);
};

describe("maxScenarioRatio reproduces Riskfolio-Lib's asserted maximum-ratio weights", () => {
  for (const [rm, measure] of cases) {
    it(`${rm} (${measure}): within 2e-5 of Riskfolio-Lib's weights, with a ratio at least its`, async () => {
      const expected = riskfolioWeights("max_ratio_weights.csv", rm);
      const result = await maxScenarioRatio(returns, { measure });
      expect(gap(result.weights.values, expected)).toBeLessThan(2e-5);
      expect(result.ratio).toBeCloseTo(ratioOf(measure, result.weights.values), 12);
      expect(result.ratio).toBeGreaterThanOrEqual(ratioOf(measure, expected) - 1e-10);
    });
  }
  it("is never beaten by random long-only portfolios (Omega ratio with τ = rf)", async () => {
    const best = await maxScenarioRatio(returns, { measure: "firstLowerPartialMoment", riskFreeRate: 1e-4 });
    const s = { beta: 0.95, minimumAcceptableReturn: 1e-4 };
    let seed = 11;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 200; k++) {
      const raw = Array.from({ length: 10 }, () => -Math.log(next()));
      const total = raw.reduce((a, b) => a + b, 0);
      const y = dailyReturns(raw.map((x) => x / total));
      const ratio = (y.reduce((a, b) => a + b, 0) / y.length - 1e-4) / scenarioMeasure("firstLowerPartialMoment", y, s);
      expect(ratio).toBeLessThanOrEqual(best.ratio + 1e-10);
    }
  });
  it("throws a typed error for an unknown measure and for a bad threshold", async () => {
    await expect(maxScenarioRatio(returns, { measure: "kurtosis" as DeviationMeasure })).rejects.toMatchObject({ code: "UNKNOWN_MEASURE" });
    await expect(maxScenarioRatio(returns, { measure: "firstLowerPartialMoment", minimumAcceptableReturn: NaN })).rejects.toMatchObject({ code: "BAD_TARGET" });
    await expect(maxScenarioRatio(returns, { measure: "cdar", beta: 1 })).rejects.toMatchObject({ code: "BAD_BETA" });
  });
});
