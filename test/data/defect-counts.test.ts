import { describe, expect, it } from "vitest";
import { defectCounts } from "../../src/data/defect-counts";
import { generateMarket } from "../../src/data/synthetic/index";

describe("defectCounts", () => {
  const market = generateMarket({ seed: 7, years: 3, equityCount: 8 });

  it("counts every kind of planted defect from the manifest", () => {
    const t = defectCounts(market);
    const count = t.column("count");
    expect(t.length).toBe(10);
    expect(count.unit).toBe("count");
    expect(count.get("row delivered twice")).toBe(market.defects.prices.duplicateRows.length);
    expect(count.get("stale run (price repeated)")).toBe(market.defects.prices.staleRuns.length);
    expect(count.get("restated by a 10-K/A")).toBe(market.defects.fundamentals.restatements.length);
    expect(count.get("ticker change")).toBe(market.defects.fundamentals.tickerChanges.length);
    expect(t.at("day missing", "feed")).toBe("prices");
    expect(t.at("year missing", "feed")).toBe("fundamentals");
  });
  it("says how many raw rows there are", () => {
    expect(defectCounts(market).caption).toBe(
      `${market.rawPrices.length.toLocaleString("en-US")} raw price rows, ${market.rawFundamentals.length.toLocaleString("en-US")} raw filings`,
    );
  });
});
