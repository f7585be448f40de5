import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { WorkbookDatabase, buildCanonicalData, readFundamentals } from "../../../src/data/sql";
import { fixtureFeeds } from "../../fixtures/data/feeds/load-feeds";

let db: WorkbookDatabase;
beforeAll(async () => {
  db = await WorkbookDatabase.open();
  await buildCanonicalData(db, fixtureFeeds());
});
afterAll(() => db.close());

describe("readFundamentals", () => {
  it("returns typed rows ordered by ticker and fiscal year, null (never NaN) where unavailable", async () => {
    const rows = await readFundamentals(db, { tickers: ["AAPX"] });
    expect(rows[0]).toEqual({
      ticker: "AAPX", fiscalYear: 2012, periodEnd: "2012-09-29", filedDate: "2012-11-20", filingId: "F-AAPX-2012", form: "10-K",
      source: "fixture:fundamentals", line: 1, revenue: 1500, netIncome: 120, operatingIncome: 180, totalAssets: 2400, totalEquity: 900,
      sharesOutstanding: 310, netMargin: 0.08, operatingMargin: 0.12, revenueGrowth: null, netIncomeGrowth: null, returnOnEquity: 120 / 900,
    });
    expect(rows.map((r) => r.fiscalYear)).toEqual([2012, 2013, 2014]);
  });

  it("filters fiscal years inclusively", async () => {
    const rows = await readFundamentals(db, { fromYear: 2013, toYear: 2013 });
    expect(rows.map((r) => `${r.ticker}:${r.fiscalYear}`)).toEqual(["AAPX:2013", "DECX:2013", "JUNX:2013", "MARX:2013"]);
  });

  it("names unknown tickers and refuses a reversed year range", async () => {
    await expect(readFundamentals(db, { tickers: ["NOPE"] })).rejects.toThrow(/unknown ticker\(s\) NOPE; known tickers include AAPX, DECX, JUNX, MARX, MTAX/);
    await expect(readFundamentals(db, { fromYear: 2015, toYear: 2012 })).rejects.toBeInstanceOf(InputError);
  });
});
