import { describe, expect, it } from "vitest";
import { prior } from "../../src/moments/prior";
import { allocateForRiskProfile } from "../../src/decisions/risk-profile-allocation";
import { RISK_PROFILES } from "../../src/decisions/risk-profile";
import { compareRiskProfiles, riskProfilePortfolios } from "../../src/decisions/risk-profile-portfolios";
import { readPricesCsv } from "../optimise/helpers/fixtures";

const p = prior(readPricesCsv("prices.csv"));
const assetClassOf = Object.fromEntries(p.expectedReturns.labels.map((t, i) => [t, i === 0 ? "crypto" : "equity"]));

describe("riskProfilePortfolios", () => {
  it("moves code, not numbers: each profile's weights are allocateForRiskProfile's", () => {
    const list = riskProfilePortfolios(p, { assetClassOf });
    expect(list.map((q) => q.name)).toEqual(RISK_PROFILES.map((r) => r.name));
    list.forEach((q, k) => {
      expect(q.weights.values).toEqual(allocateForRiskProfile(RISK_PROFILES[k]!, p.expectedReturns, p.covariance, { assetClassOf }).values);
    });
  });
  it("compares the profiles with their limits, crypto against its cap", () => {
    const t = compareRiskProfiles(p, { assetClassOf, riskFreeRate: 0.01 });
    expect(t.labelName).toBe("profile");
    expect(t.columns).toEqual(["risk aversion", "volatility cap", "expectedReturn", "volatility", "sharpe", "holdings", "largest", "crypto", "crypto cap"]);
    for (const profile of RISK_PROFILES) {
      expect(t.column("crypto").get(profile.name)).toBeLessThanOrEqual(profile.maxCrypto + 1e-9);
      expect(t.column("volatility cap").get(profile.name)).toBe(profile.maxVolatility);
    }
  });
});
