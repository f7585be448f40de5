import { describe, expect, it } from "vitest";
import { calendarRebalance, optimizerStrategy, riskProfileStrategy, runBacktest } from "../../src/backtest/index";
import { InputError } from "../../src/core/errors";
import { allocateForRiskProfile, riskProfile } from "../../src/decisions/index";
import { expectedReturns, riskModels } from "../../src/moments/index";
import { randomPrices } from "./helpers";

describe("riskProfileStrategy", () => {
  const prices = randomPrices(["A", "B", "C", "D", "E", "F"], 200, 9);
  const assetClassOf = { A: "crypto", B: "equity", C: "equity", D: "equity", E: "bond", F: "bond" };

  it("re-allocates the profile on trailing estimates, as the optimiser strategy it stands for", async () => {
    const profile = riskProfile("Balanced");
    const options = { rebalance: calendarRebalance("monthly"), costs: { commissionBps: 1, spreadBps: 5 } };
    const recipe = riskProfileStrategy("Balanced", { lookbackDays: 60, assetClassOf });
    expect(recipe.name).toBe("Balanced profile");
    expect(recipe.warmUpDays).toBe(60);
    const byHand = optimizerStrategy({
      name: "by hand",
      lookbackDays: 60,
      estimate: (p) => ({ mu: expectedReturns.meanHistoricalReturn(p), cov: riskModels.sampleCovariance(p) }),
      optimize: (e) => allocateForRiskProfile(profile, e.mu, e.cov, { assetClassOf }),
    });
    const [a, b] = [await runBacktest(prices, recipe, options), await runBacktest(prices, byHand, options)];
    expect(a.equity).toEqual(b.equity);
    expect(a.rebalances.at(-1)?.target.values[0]).toBeLessThanOrEqual(profile.maxCrypto + 1e-9);
  });

  it("refuses an unknown profile", () => {
    expect(() => riskProfileStrategy("Reckless")).toThrow(InputError);
  });
});
