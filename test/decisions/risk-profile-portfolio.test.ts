import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { explainPortfolio } from "../../src/decisions/explain-portfolio";
import { explanationCards } from "../../src/decisions/explanation-card";
import { allocateForRiskProfile } from "../../src/decisions/risk-profile-allocation";
import { riskProfile, RISK_PROFILES } from "../../src/decisions/risk-profile";
import { riskProfilePortfolio, riskProfileTable } from "../../src/decisions/risk-profile-portfolio";
import { topHoldings, topHoldingsColumn } from "../../src/decisions/top-holdings";
import { prior } from "../../src/moments/prior";
import { comparePortfolios, portfolioOf } from "../../src/optimise/index";
import { readPricesCsv } from "../optimise/helpers/fixtures";

const p = prior(readPricesCsv("prices.csv"));
const tickers = p.expectedReturns.labels;
const assetClassOf = Object.fromEntries(tickers.map((t, i) => [t, i === 0 ? "crypto" : "equity"]));

describe("riskProfilePortfolio", () => {
  it("is the profile's allocation as a portfolio named after it, by profile or by name", () => {
    const balanced = riskProfilePortfolio("balanced", p, { assetClassOf, riskFreeRate: 0.01 });
    expect(balanced.name).toBe("Balanced");
    expect(balanced.riskFreeRate).toBe(0.01);
    expect(balanced.weights.values).toEqual(allocateForRiskProfile(riskProfile("Balanced"), p.expectedReturns, p.covariance, { assetClassOf }).values);
    expect(riskProfilePortfolio(RISK_PROFILES[0]!, p).name).toBe("Conservative");
    expect(() => riskProfilePortfolio("Reckless", p)).toThrow(InputError);
  });
});

describe("riskProfileTable", () => {
  it("lists every profile's settings in their units", () => {
    const t = riskProfileTable();
    expect(t.labels).toEqual(["Conservative", "Balanced", "Aggressive"]);
    expect(t.column("maxVolatility").get("Balanced")).toBe(0.12);
    expect(t.column("maxCrypto").unit).toBe("fraction");
    expect(t.column("riskAversion").get("Aggressive")).toBe(1.5);
  });
});

describe("topHoldings", () => {
  it("names the largest weights, largest first, in whole percent", () => {
    expect(topHoldings({ labels: ["A", "B", "C", "D"], values: Float64Array.of(0.2, 0.5, 0.3, 0) }, 2)).toBe("B 50 %, C 30 %");
    const q = portfolioOf("two", { [tickers[1]!]: 0.75, [tickers[2]!]: 0.25 }, p);
    expect(topHoldings(q)).toBe(`${tickers[1]} 75 %, ${tickers[2]} 25 %`);
    const t = comparePortfolios([q], { columns: { "top holdings": topHoldingsColumn(1) } });
    expect(t.toRows()[0]!["top holdings"]).toBe(`${tickers[1]} 75 %`);
  });
});

describe("explainPortfolio", () => {
  it("equals explanationCards on the portfolio's weights and prior, with the profile's limits", () => {
    const profile = riskProfile("Aggressive");
    const q = riskProfilePortfolio(profile, p, { assetClassOf });
    const current = portfolioOf("current", { [tickers[1]!]: 1 }, p);
    const cards = explainPortfolio(q, { current, profile, assetClassOf });
    const expected = explanationCards({
      weights: q.weights, current: current.weights, expectedReturns: p.expectedReturns, cov: p.covariance,
      bounds: [0, profile.maxWeight], groupCaps: { groupOf: assetClassOf, caps: { crypto: profile.maxCrypto } }, maxVolatility: profile.maxVolatility,
    });
    expect(cards).toEqual(expected);
    expect(explainPortfolio(q).map((c) => c.current)).toEqual(tickers.map(() => 0));
  });
});
