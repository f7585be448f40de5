import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataError, InputError } from "../../../src/core/errors";
import type { RawFundamentalRow, RawPriceRow } from "../../../src/data/raw";
import {
  WorkbookDatabase,
  buildCanonicalData,
  buildFromSources,
  readFundamentals,
  readAuditSummary,
  readMerges,
  readPrices,
  readRejects,
  type FundamentalsRow,
} from "../../../src/data/sql";
import type { MarketSource } from "../../../src/data/sources";
import { fixtureFeeds } from "../../fixtures/data/feeds/load-feeds";

let db: WorkbookDatabase;
beforeEach(async () => {
  db = await WorkbookDatabase.open(":memory:");
});
afterEach(() => db.close());

function byYear(rows: FundamentalsRow[], ticker: string): Map<number, FundamentalsRow> {
  return new Map(rows.filter((r) => r.ticker === ticker).map((r) => [r.fiscalYear, r]));
}

describe("buildCanonicalData on the fixture feeds", () => {
  it("accounts for every raw row: raw = canonical + merged + rejected", async () => {
    const feeds = fixtureFeeds();
    const report = await buildCanonicalData(db, feeds);
    expect(report.reconciliation).toEqual([
      { tableName: "raw_prices", canonicalTable: "prices", rawRows: 20, canonicalRows: 12, mergedRows: 2, rejectedRows: 6, accountedRows: 20, balanced: true },
      {
        tableName: "raw_fundamentals",
        canonicalTable: "fundamentals",
        rawRows: 21,
        canonicalRows: 13,
        mergedRows: 3,
        rejectedRows: 5,
        accountedRows: 21,
        balanced: true,
      },
    ]);
    expect(report.timingsMs.total).toBeGreaterThan(0);
  });

  it("does not change its input (frozen fixtures) and can be rebuilt", async () => {
    const feeds = fixtureFeeds();
    const before = JSON.stringify(feeds);
    await buildCanonicalData(db, feeds);
    await buildCanonicalData(db, feeds);
    expect(JSON.stringify(feeds)).toBe(before);
    expect((await readPrices(db)).dates.length).toBe(5);
  });

  it("merges exact duplicates and resolves conflicting ones: the row loaded last wins", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const merges = await readMerges(db, "raw_prices");
    expect(merges.map((m) => [m.line, m.keptLine])).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expect(merges[0]!.reason).toBe("exact duplicate of the kept row");
    expect(merges[1]!.reason).toMatch(/conflicting duplicate for AAA on 2021-10-27: adj_close 102\.0 .* vs kept adj_close 102\.5 .*the row loaded last wins/);
    const t = await readPrices(db, { tickers: ["AAA"] });
    expect(t.values[t.dates.indexOf("2021-10-27")]).toBe(102.5);
  });

  it("summarises rejects and merges by kind of reason, masking the details", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const summary = await readAuditSummary(db);
    const rejects = await readRejects(db);
    const merges = await readMerges(db);
    expect(summary.filter((r) => r.outcome === "rejected").reduce((s, r) => s + r.rows, 0)).toBe(rejects.length);
    expect(summary.filter((r) => r.outcome === "merged").reduce((s, r) => s + r.rows, 0)).toBe(merges.length);
    expect(summary).toContainEqual({ outcome: "rejected", tableName: "raw_prices", reason: "non-positive adjusted close", rows: 2 });
    expect(summary).toContainEqual({ outcome: "rejected", tableName: "raw_prices", reason: "invalid date: expected a real date written YYYY-MM-DD", rows: 2 });
    expect(summary).toContainEqual({ outcome: "merged", tableName: "raw_prices", reason: "exact duplicate of the kept row", rows: 1 });
  });

  it("rejects non-positive, missing, badly dated and ticker-less prices with the reason", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const rejects = await readRejects(db, "raw_prices");
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [15, "non-positive adjusted close (-5.0)"],
      [16, "non-positive adjusted close (0.0)"],
      [17, 'invalid date "2021-02-30": expected a real date written YYYY-MM-DD'],
      [18, 'invalid date "10/29/2021": expected a real date written YYYY-MM-DD'],
      [19, "missing ticker"],
      [20, "missing adjusted close (NULL)"],
    ]);
    expect(JSON.parse(rejects[0]!.rawJson)).toEqual({
      source: "fixture:prices",
      line: 15,
      ticker: "BBB",
      date: "2021-10-28",
      close: -5,
      adj_close: -5,
      volume: 1000,
    });
  });

  it("rejects NaN and infinite prices, a negative volume and a bad close, keeping the raw values in JSON", async () => {
    const rows: RawPriceRow[] = [
      { source: "x", line: 1, ticker: "A", date: "2024-01-02", close: 1, adjClose: Number.NaN, volume: null },
      { source: "x", line: 2, ticker: "A", date: "2024-01-03", close: 1, adjClose: Number.POSITIVE_INFINITY, volume: null },
      { source: "x", line: 3, ticker: "A", date: "2024-01-04", close: 1, adjClose: 1, volume: -10 },
      { source: "x", line: 4, ticker: "A", date: "2024-01-05", close: Number.NEGATIVE_INFINITY, adjClose: 1, volume: 5 },
      { source: "x", line: 5, ticker: "A", date: "2024-01-08", close: 1, adjClose: 1, volume: 5 },
    ];
    const report = await buildCanonicalData(db, { prices: rows });
    expect(report.reconciliation[0]).toMatchObject({ rawRows: 5, canonicalRows: 1, rejectedRows: 4, balanced: true });
    const rejects = await readRejects(db);
    expect(rejects.map((r) => r.reason)).toEqual([
      "non-finite adjusted close (nan)",
      "non-finite adjusted close (inf)",
      "invalid volume (-10.0): must be a non-negative finite number or NULL",
      "invalid close (-inf): must be a positive finite number or NULL",
    ]);
    expect(JSON.parse(rejects[0]!.rawJson).adj_close).toBe("nan");
    const table = await readPrices(db);
    expect([...table.values].every(Number.isFinite)).toBe(true);
  });

  it("maps an old ticker's prices before the change to the current ticker", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const t = await readPrices(db, { tickers: ["MTAX"] });
    expect(t.dates).toEqual(["2021-10-25", "2021-10-26", "2021-10-27", "2021-10-28", "2021-10-29"]);
    expect([...t.values]).toEqual([20, 21, 22, 23, 24]);
    await expect(readPrices(db, { tickers: ["FBX"] })).rejects.toThrow(/unknown ticker\(s\) FBX; known tickers include AAA, BBB, MTAX/);
  });

  it("aligns fiscal years: Mar and Jun year ends to the previous calendar year, Sep and Dec to their own", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const rows = await readFundamentals(db);
    const years = (t: string): [number, string][] => rows.filter((r) => r.ticker === t).map((r) => [r.fiscalYear, r.periodEnd]);
    expect(years("MARX")).toEqual([
      [2012, "2013-03-31"],
      [2013, "2014-03-31"],
      [2015, "2016-03-31"],
    ]);
    expect(years("JUNX")).toEqual([
      [2012, "2013-06-30"],
      [2013, "2014-06-30"],
    ]);
    expect(years("AAPX")).toEqual([
      [2012, "2012-09-29"],
      [2013, "2013-09-28"],
      [2014, "2014-09-27"],
    ]);
    expect(years("DECX")).toEqual([
      [2013, "2013-12-31"],
      [2014, "2014-12-31"],
    ]);
  });

  it("converts thousands to USD millions (shares to millions)", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const marx = byYear(await readFundamentals(db, { tickers: ["MARX"] }), "MARX").get(2012)!;
    expect(marx).toMatchObject({ revenue: 800, netIncome: 40, operatingIncome: 60, totalAssets: 1200, totalEquity: 500, sharesOutstanding: 90 });
    const aapx = byYear(await readFundamentals(db, { tickers: ["AAPX"] }), "AAPX").get(2012)!;
    expect(aapx).toMatchObject({ revenue: 1500, sharesOutstanding: 310 });
  });

  it("lets a 10-K/A restatement supersede the 10-K, whatever the load order", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const y2013 = byYear(await readFundamentals(db), "AAPX").get(2013)!;
    expect(y2013).toMatchObject({ filingId: "F-AAPX-2013A", form: "10-K/A", revenue: 1620, filedDate: "2014-03-03" });
    const merges = await readMerges(db, "raw_fundamentals");
    expect(merges.find((m) => m.line === 3)?.reason).toBe(
      "filing F-AAPX-2013 (10-K filed 2013-11-19) is superseded by 10-K/A F-AAPX-2013A filed 2014-03-03 for the same period ending 2013-09-28",
    );
  });

  it("keeps one delivery of a repeated filing id and records the others as merged", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const merges = await readMerges(db, "raw_fundamentals");
    expect(merges.map((m) => [m.line, m.keptLine, m.reason])).toEqual([
      [3, 2, expect.stringContaining("superseded")],
      [4, 5, "duplicate delivery of filing F-AAPX-2014"],
      [12, 21, "duplicate delivery of filing F-DECX-2014 with different content; the last loaded delivery is kept"],
    ]);
    expect(byYear(await readFundamentals(db), "DECX").get(2014)!.sharesOutstanding).toBe(101);
  });

  it("computes margins, ROE and growth; growth is NULL across a missing year and after a loss", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const rows = await readFundamentals(db);
    const marx = byYear(rows, "MARX");
    expect(marx.get(2012)!.revenueGrowth).toBeNull();
    expect(marx.get(2013)!.revenueGrowth).toBeCloseTo(0.1, 12);
    expect(marx.get(2013)!.netIncomeGrowth).toBeCloseTo(0.1, 12);
    expect(marx.get(2015)!.revenueGrowth).toBeNull(); // fiscal 2014 is missing: never compared with 2013
    expect(marx.get(2015)!.netIncomeGrowth).toBeNull();
    const junx = byYear(rows, "JUNX").get(2013)!;
    expect(junx.revenueGrowth).toBeCloseTo(0.1, 12);
    expect(junx.netIncomeGrowth).toBeCloseTo(-0.1, 12);
    expect(junx.netMargin).toBeCloseTo(27 / 330, 12);
    expect(junx.operatingMargin).toBeCloseTo(40 / 330, 12);
    expect(junx.returnOnEquity).toBeCloseTo(27 / 410, 12);
    const aapx2013 = byYear(rows, "AAPX").get(2013)!;
    expect(aapx2013.revenueGrowth).toBeCloseTo(1620 / 1500 - 1, 12); // against the restated figure
    const decx = byYear(rows, "DECX");
    expect(decx.get(2013)!.netMargin).toBeCloseTo(-0.04, 12);
    expect(decx.get(2014)!.revenueGrowth).toBeCloseTo(0.1, 12);
    expect(decx.get(2014)!.netIncomeGrowth).toBeNull(); // previous year was a loss
    for (const r of rows) for (const v of Object.values(r)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  });

  it("maps filings under an old ticker to the current ticker and computes growth across the change", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const mtax = byYear(await readFundamentals(db, { tickers: ["MTAX"] }), "MTAX");
    expect([...mtax.keys()]).toEqual([2019, 2020, 2021]);
    expect(mtax.get(2021)!.revenueGrowth).toBeCloseTo(0.25, 12);
    expect(mtax.get(2020)!.filingId).toBe("F-FBX-2020");
  });

  it("rejects bad filings with the reason", async () => {
    await buildCanonicalData(db, fixtureFeeds());
    const rejects = await readRejects(db, "raw_fundamentals");
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [16, 'unknown unit "billions": expected thousands or millions'],
      [17, 'unknown form "8-K": expected 10-K or 10-K/A'],
      [18, "filed on 2015-06-01, before its period ended on 2015-06-30"],
      [19, "missing filing id"],
      [20, "negative revenue (-5.0)"],
    ]);
  });

  it("keeps the later period end when a changed year end puts two filings in one fiscal year", async () => {
    const base: RawFundamentalRow = {
      source: "s", line: 1, filingId: "A1", ticker: "CHG", periodEnd: "2014-07-31", filedDate: "2014-09-30", form: "10-K", unit: "millions",
      revenue: 100, netIncome: 10, operatingIncome: 12, totalAssets: 300, totalEquity: 100, sharesOutstanding: 10,
    };
    const report = await buildCanonicalData(db, {
      fundamentals: [base, { ...base, line: 2, filingId: "A2", periodEnd: "2014-12-31", filedDate: "2015-02-27", revenue: 50 }],
    });
    expect(report.reconciliation[1]).toMatchObject({ canonicalRows: 1, mergedRows: 1, balanced: true });
    const rows = await readFundamentals(db);
    expect(rows.map((r) => [r.fiscalYear, r.filingId])).toEqual([[2014, "A2"]]);
    expect((await readMerges(db))[0]!.reason).toMatch(/falls in fiscal year 2014 like filing A2/);
  });

  it("refuses mistyped rows and bad ticker changes with an InputError naming them", async () => {
    const bad = [{ source: "s", line: 7, ticker: "A", date: "2024-01-02", close: null, adjClose: "12.5", volume: null }] as unknown as RawPriceRow[];
    await expect(buildCanonicalData(db, { prices: bad })).rejects.toThrow(/row 1 \(source s, line 7\) has adjClose = "12.5", expected a number or null/);
    await expect(buildCanonicalData(db, { tickerChanges: [{ oldTicker: "A", newTicker: "A", effectiveDate: "2020-01-01" }] })).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(buildCanonicalData(db, { tickerChanges: [{ oldTicker: "A", newTicker: "B", effectiveDate: "2020-13-01" }] })).rejects.toThrow(
      /effectiveDate must be an ISO date/,
    );
  });

  it("follows chains of ticker changes to the current ticker", async () => {
    const row = (line: number, ticker: string, date: string): RawPriceRow => ({ source: "s", line, ticker, date, close: null, adjClose: line, volume: null });
    await buildCanonicalData(db, {
      prices: [row(1, "A", "2010-01-04"), row(2, "B", "2012-01-03"), row(3, "C", "2016-01-04"), row(4, "A", "2017-01-03")],
      tickerChanges: [
        { oldTicker: "A", newTicker: "B", effectiveDate: "2011-01-03" },
        { oldTicker: "B", newTicker: "C", effectiveDate: "2015-01-02" },
      ],
    });
    const t = await readPrices(db);
    expect(t.tickers).toEqual(["A", "C"]); // A in 2017 is a new company using the freed symbol
    expect(t.dates).toEqual(["2010-01-04", "2012-01-03", "2016-01-04", "2017-01-03"]);
    expect([...t.values]).toEqual([Number.NaN, 1, Number.NaN, 2, Number.NaN, 3, 4, Number.NaN]);
  });

  it("builds from MarketSources, later sources winning conflicts", async () => {
    const src = (name: string, adj: number): MarketSource => ({
      name,
      loadPrices: async () => [{ source: name, line: 1, ticker: "A", date: "2024-01-02", close: null, adjClose: adj, volume: null }],
    });
    await buildFromSources(db, [src("first", 10), src("second", 11)]);
    expect([...(await readPrices(db)).values]).toEqual([11]);
    const merges = await readMerges(db);
    expect(merges[0]).toMatchObject({ source: "first", keptSource: "second" });
  });
});

describe("build time", () => {
  it("builds ~45 tickers × 5,000 days (~225k raw rows) and ~1,000 filings, and reconciles", async () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const days: string[] = [];
    for (let d = new Date(Date.UTC(2004, 0, 2)); days.length < 5000; d.setUTCDate(d.getUTCDate() + 1)) {
      if (d.getUTCDay() % 6 !== 0) days.push(d.toISOString().slice(0, 10));
    }
    const prices: RawPriceRow[] = [];
    for (let k = 0; k < 45; k++) {
      let p = 100;
      for (const date of days) {
        p *= Math.exp(0.02 * (rnd() - 0.5));
        prices.push({ source: "gen", line: prices.length + 1, ticker: `T${k}`, date, close: p, adjClose: p, volume: 1e6 });
      }
    }
    const fundamentals: RawFundamentalRow[] = [];
    for (let k = 0; k < 45; k++) {
      for (let y = 2000; y < 2022; y++) {
        fundamentals.push({
          source: "gen", line: fundamentals.length + 1, filingId: `F${k}-${y}`, ticker: `T${k}`, periodEnd: `${y}-12-31`, filedDate: `${y + 1}-02-20`,
          form: "10-K", unit: "millions", revenue: 1000 + y, netIncome: 50, operatingIncome: 80, totalAssets: 3000, totalEquity: 900, sharesOutstanding: 100,
        });
      }
    }
    const report = await buildCanonicalData(db, { prices, fundamentals });
    expect(report.reconciliation.every((r) => r.balanced)).toBe(true);
    expect(report.reconciliation[0]!.canonicalRows).toBe(225_000);
    const table = await readPrices(db);
    expect(table.values.length).toBe(225_000);
  });
});

describe("errors", () => {
  it("says to build first when reading an empty database", async () => {
    await buildCanonicalData(db, {});
    await expect(readPrices(db)).rejects.toBeInstanceOf(DataError);
    await expect(readFundamentals(db)).rejects.toThrow(/fundamentals table is empty/);
  });
});
