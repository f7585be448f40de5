import { describe, expect, it } from "vitest";
import { explanationCards } from "../../src/decisions/explanation-card";

const labels = ["BOND", "STOCK", "COIN"];
const cov = { labels, values: Float64Array.from([0.0025, 0, 0, 0, 0.04, 0, 0, 0, 0.64]) };
const mu = { labels, values: Float64Array.from([0.03, 0.08, 0.2]) };

describe("explanationCards", () => {
  it("names the binding bound, the risk share, the return and the model", () => {
    const weights = { labels, values: Float64Array.from([0.6, 0.4, 0]) };
    const cards = explanationCards({
      weights,
      expectedReturns: mu,
      cov,
      bounds: [0, 0.6],
      current: { labels, values: Float64Array.from([0.5, 0.4, 0.1]) },
      forecast: { expectedGrowth: { labels: ["STOCK"], values: Float64Array.from([0.1]) }, confidence: { labels: ["STOCK"], values: Float64Array.from([0.7]) } },
    });
    // Risk contributions: σ² = 0.36·0.0025 + 0.16·0.04 = 0.0073; BOND 0.0009/0.0073 = 12.3 %, STOCK 0.0064/0.0073 = 87.7 %.
    expect(cards.map((c) => c.signal)).toEqual(["STRONG BUY", "HOLD", "SELL"]); // BOND: +10 points, no model covers it
    expect(cards[0]!.sentence).toBe("BOND: target 60.0 % (STRONG BUY, +10.0 points). Capped by the 60.0 % upper bound; it carries 12.3 % of the portfolio's risk for 60.0 % of its capital (a diversifier).");
    expect(cards[1]!.drivers.find((d) => d.name === "model")!.text).toBe("the model expects 10.0 % earnings growth with 70 % confidence");
    expect(cards[1]!.drivers.find((d) => d.name === "risk contribution")!.text).toContain("(a concentrated risk)");
    expect(cards[2]!.sentence).toMatch(/^COIN: target 0.0 % \(SELL, −10.0 points\)\. Left out/);
  });
  it("refuses a forecast for an asset without a weight", () => {
    const weights = { labels, values: Float64Array.from([0.5, 0.5, 0]) };
    expect(() =>
      explanationCards({ weights, expectedReturns: mu, cov, forecast: { expectedGrowth: { labels: ["XYZ"], values: Float64Array.from([0.1]) }, confidence: { labels: ["XYZ"], values: Float64Array.from([0.5]) } } }),
    ).toThrowError(/names XYZ/);
  });
});
