import { describe, expect, it } from "vitest";
import { fundamentalsTable, rawFilingsTable } from "../../src/data/filings-table";
import type { RawFundamentalRow } from "../../src/data/raw";
import type { FundamentalsRow } from "../../src/data/sql/read-fundamentals";

const figures = { operatingIncome: 180, totalAssets: 2400, totalEquity: 900, sharesOutstanding: 310 };
const raw: RawFundamentalRow = Object.freeze({
  source: "synthetic", line: 1, filingId: "F000001", ticker: "AAPX", periodEnd: "2012-09-29", filedDate: "2012-11-20",
  form: "10-K", unit: "thousands", revenue: 1_500_000, netIncome: 120_000, ...figures,
});
const row: FundamentalsRow = Object.freeze({
  ticker: "AAPX", fiscalYear: 2012, periodEnd: "2012-09-29", filedDate: "2012-11-20", filingId: "F000001", form: "10-K",
  source: "synthetic", line: 1, revenue: 1500, netIncome: 120, ...figures, netMargin: 0.08, operatingMargin: 0.12,
  revenueGrowth: null, netIncomeGrowth: null, returnOnEquity: 0.1333,
});

describe("rawFilingsTable", () => {
  it("shows each filing as delivered, by filing id, with its unit", () => {
    const t = rawFilingsTable([raw]);
    expect(t.labels).toEqual(["F000001"]);
    expect(t.columns).toEqual(["ticker", "period end", "filed", "form", "unit", "revenue", "net income"]);
    expect(t.at("F000001", "unit")).toBe("thousands");
    expect(t.column("revenue").get("F000001")).toBe(1_500_000);
  });
  it("passes a caption and a row limit on", () => {
    const t = rawFilingsTable([raw], { caption: "first filings", maxRows: 8 });
    expect([t.caption, t.maxRows]).toEqual(["first filings", 8]);
  });
  it("refuses no rows", () => {
    expect(() => rawFilingsTable([])).toThrowError(/no rows/);
  });
});

describe("fundamentalsTable", () => {
  it("shows margins and growth as fractions and a missing growth as missing", () => {
    const t = fundamentalsTable([row]);
    expect(t.columns).toEqual(["fiscal year", "period end", "filed", "form", "revenue", "net income", "net margin", "revenue growth"]);
    expect(t.at("AAPX", "filed")).toBe("2012-11-20");
    expect(t.column("net margin").unit).toBe("fraction");
    expect(t.column("net margin").get("AAPX")).toBe(0.08);
    expect(t.at("AAPX", "revenue growth")).toBeNull();
    expect(t.column("revenue").unit).toBe("money");
  });
  it("refuses no rows", () => {
    expect(() => fundamentalsTable([])).toThrowError(/no rows/);
  });
});
