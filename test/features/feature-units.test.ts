import { describe, expect, it } from "vitest";
import { panel } from "../../src/core/index";
import { defaultFeatureCatalogue, FeatureStore, featureUnits, type FeatureDefinition } from "../../src/features/index";
import { testMarket } from "../fixtures/models/small-market";

describe("featureUnits", () => {
  it("gives every default feature its unit: returns, volatilities and margins are fractions", () => {
    const units = featureUnits(defaultFeatureCatalogue());
    expect(Object.keys(units)).toEqual(defaultFeatureCatalogue().map((f) => f.name));
    expect(units).toMatchObject({
      return_1d: "fraction",
      mean_return_252d: "fraction",
      volatility_63d: "fraction",
      momentum_252d: "fraction",
      zscore_21d: "ratio",
      market_correlation_63d: "ratio",
      beta_252d: "ratio",
      alpha_252d: "fraction",
      revenue_growth: "fraction",
      net_margin_change: "fraction",
      days_since_filing: "count",
      stability_score: "ratio",
    });
  });
  it("takes a definition without a unit as a plain number", () => {
    const bare = { ...defaultFeatureCatalogue()[0]!, name: "custom", unit: undefined } as FeatureDefinition;
    expect(featureUnits([bare])).toEqual({ custom: "number" });
  });
});

describe("FeatureStore.units", () => {
  it("are the catalogue's units, which a panel of the store's rows takes", () => {
    const { market, fundamentals } = testMarket(4, 8);
    const store = new FeatureStore({ prices: market.prices, fundamentals, benchmark: "MKTIDX" });
    expect(store.units).toEqual(featureUnits(store.catalogue));
    const rows = panel(store.build({ features: ["momentum_252d", "beta_252d"] }), store.units);
    expect(rows.units["momentum_252d"]).toBe("fraction");
    expect(rows.latest().column("beta_252d").unit).toBe("ratio");
  });
});
