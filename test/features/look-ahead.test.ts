// The no-look-ahead property: features built on a prefix of the data equal the full build's
// rows up to the prefix's end, for every default feature; and the check does catch a feature
// that peeks ahead.
import { describe, expect, it } from "vitest";
import {
  FeatureStore,
  defaultFeatureCatalogue,
  inputsKnownOn,
  lookAheadCheck,
  quarterEnds,
  returnWindowFeatures,
  type FeatureDefinition,
} from "../../src/features/index";
import { testMarket } from "../fixtures/models/small-market";

const { market, fundamentals } = testMarket(4, 8);
const inputs = { prices: market.prices, fundamentals, benchmark: "MKTIDX" };

describe("no look-ahead", () => {
  it.each(["2007-09-14", "2008-06-30", "2009-02-27"])("prefix and full builds agree on every row up to %s", (cut) => {
    const catalogue = [...defaultFeatureCatalogue(), ...returnWindowFeatures(5)];
    const check = lookAheadCheck(inputs, cut, {}, catalogue);
    expect(check.firstDifference).toBeNull();
    expect(check.identical).toBe(true);
    expect(check.rowsCompared).toBeGreaterThan(0);
  });

  it("holds for an independent prefix build too (bit-identical columns)", () => {
    const cut = "2008-11-28";
    const full = new FeatureStore(inputs);
    const all = full.build({ sampling: quarterEnds() });
    const prefix = new FeatureStore({ ...inputsKnownOn(inputs, cut), universe: full.universe }).build({ sampling: quarterEnds(), features: all.names });
    const k = all.dates.filter((d) => d <= cut).length;
    expect(prefix.dates).toEqual(all.dates.slice(0, k));
    expect(prefix.tickers).toEqual(all.tickers.slice(0, k));
    prefix.columns.forEach((c, j) => expect(c).toEqual(all.columns[j]!.slice(0, k)));
  });

  it("catches a feature that peeks at the future", () => {
    const peeking: FeatureDefinition = {
      name: "centred_mean_price",
      description: "mean price over a window centred on the date (uses the future)",
      source: "prices",
      lookback: 5,
      compute: (h, at) =>
        Float64Array.from(at, (t) => {
          const window = Array.from({ length: 11 }, (_, k) => h.prices[Math.min(h.prices.length - 1, t - 5 + k)]!);
          return window.reduce((a, b) => a + b, 0) / window.length;
        }),
    };
    const check = lookAheadCheck(inputs, "2008-06-30", { features: ["centred_mean_price"] }, [peeking]);
    expect(check.identical).toBe(false);
    expect(check.firstDifference).toMatch(/centred_mean_price of .* on 2008-06-30/);
  });

  it("cuts the inputs as known on a date", () => {
    const known = inputsKnownOn(inputs, "2008-06-30");
    expect(known.prices.dates[known.prices.dates.length - 1]).toBe("2008-06-30");
    expect(known.fundamentals!.every((f) => f.filedDate <= "2008-06-30")).toBe(true);
    expect(() => inputsKnownOn(inputs, "1999-01-01")).toThrowError(/no price is dated on or before 1999-01-01/);
  });
});

describe("lookAheadTable", () => {
  it("shows a check in one row, in words", async () => {
    const { lookAheadTable } = await import("../../src/features/index");
    const t = lookAheadTable({ cut: "2018-01-01", rowsCompared: 4194, identical: true, firstDifference: null });
    expect(t.toRows()).toEqual([{ cut: "2018-01-01", "rows compared": 4194, identical: "yes", "first difference": null }]);
    expect(t.column("rows compared").unit).toBe("count");
    expect(lookAheadTable({ cut: "2018-01-01", rowsCompared: 3, identical: false, firstDifference: "row 2" }).at("2018-01-01", "identical")).toBe("no");
  });
});
