import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkbookDatabase, buildCanonicalData, readFundamentals } from "../../src/data/sql";
import { modellingFundamentals, modellingPrices, readModellingSet, recordDecisions } from "../../src/validation";
import { fixtureFeeds } from "../fixtures/data/feeds/load-feeds";

let db: WorkbookDatabase;
beforeAll(async () => {
  db = await WorkbookDatabase.open();
  await buildCanonicalData(db, fixtureFeeds());
});
afterAll(() => db.close());

describe("the modelling set", () => {
  it("is the canonical data when nothing was decided", async () => {
    const set = await readModellingSet(db);
    expect(set.decisions).toEqual([]);
    expect(set.fundamentals).toEqual(await readFundamentals(db));
  });

  it("applies the decisions in force, computing growth before cutting the year range", async () => {
    const canonical = await readFundamentals(db, { tickers: ["AAPX"] });
    await recordDecisions(db, [{
      findingId: "revenue-jump/AAPX/2013", check: "earnings", rule: "revenue-jump", ticker: "AAPX", target: { kind: "company-year", fiscalYear: 2013, field: "revenue" },
      decision: "adjust", oldValue: canonical[1]!.revenue, newValue: 3000, comment: null, reviewer: null, reviewedOn: null,
    }], { appliedAt: "2024-06-07T10:00:00.000Z" });
    const rows = await modellingFundamentals(db, { tickers: ["AAPX"], fromYear: 2013 });
    expect(rows.map((r) => r.fiscalYear)).toEqual([2013, 2014]);
    expect(rows[0]!.revenue).toBe(3000);
    expect(rows[0]!.revenueGrowth).toBeCloseTo(3000 / canonical[0]!.revenue! - 1, 12);
    expect(rows[1]!.revenueGrowth).toBeCloseTo(canonical[2]!.revenue! / 3000 - 1, 12);
    await expect(modellingFundamentals(db, { fromYear: 2015, toYear: 2012 })).rejects.toThrow(/fromYear/);
    const prices = await modellingPrices(db, { tickers: ["AAA"] });
    expect(prices.tickers).toEqual(["AAA"]);
  });
});
