import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkbookDatabase, buildCanonicalData } from "../../src/data/sql";
import type { RawFundamentalRow } from "../../src/data/raw";
import { checkRestatements, readRestatements, type RestatementRow } from "../../src/validation";
import { deepFreeze } from "../fixtures/validation/builders";

const base: RestatementRow = {
  ticker: "A", fiscalYear: 2016, periodEnd: "2016-12-31", originalFilingId: "F1", originalForm: "10-K", originalFiledDate: "2017-02-20",
  restatedFilingId: "F2", restatedForm: "10-K/A", restatedFiledDate: "2017-06-01",
  originalRevenue: 1040, originalNetIncome: 100, originalOperatingIncome: 150, restatedRevenue: 1000, restatedNetIncome: 100, restatedOperatingIncome: 150,
};

describe("checkRestatements", () => {
  it("reports the largest move, as a warning above the threshold", () => {
    const [f, ...rest] = checkRestatements(deepFreeze([base]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: "restatement/A/2016", rule: "restatement", severity: "warning", fiscalYear: 2016, date: "2016-12-31",
      target: { kind: "company-year", fiscalYear: 2016, field: "revenue" } });
    expect(f!.value).toBeCloseTo(1000 / 1040 - 1, 12);
    expect(f!.message).toBe("A 2016: 10-K/A F2 filed 2017-06-01 restated 10-K F1 of 2017-02-20: revenue 1,040.0 m → 1,000.0 m (-3.8 %)");
  });

  it("reports a small move as info and an unchanged restatement not at all", () => {
    const small = { ...base, originalRevenue: 1005 };
    expect(checkRestatements([small])[0]!.severity).toBe("info");
    expect(checkRestatements([{ ...base, originalRevenue: 1000 }])).toEqual([]);
  });
});

describe("readRestatements", () => {
  let db: WorkbookDatabase;
  const filing = (over: Partial<RawFundamentalRow>): RawFundamentalRow => ({
    source: "t", line: 1, filingId: "F1", ticker: "A", periodEnd: "2016-12-31", filedDate: "2017-02-20", form: "10-K", unit: "millions",
    revenue: 1040, netIncome: 100, operatingIncome: 150, totalAssets: 2000, totalEquity: 800, sharesOutstanding: 100, ...over,
  });
  beforeAll(async () => {
    db = await WorkbookDatabase.open();
    await buildCanonicalData(db, {
      fundamentals: [
        filing({}),
        filing({ line: 2, filingId: "F1" }), // a duplicate delivery: not a restatement
        filing({ line: 3, filingId: "F2", form: "10-K/A", filedDate: "2017-06-01", unit: "thousands", revenue: 1_000_000, netIncome: 100_000, operatingIncome: 150_000,
          totalAssets: 2_000_000, totalEquity: 800_000, sharesOutstanding: 100_000 }),
      ],
    });
  });
  afterAll(() => db.close());

  it("pairs the superseded filing with the kept one, both in USD millions", async () => {
    const rows = await readRestatements(db);
    expect(rows).toEqual([{ ...base }]);
  });
});
