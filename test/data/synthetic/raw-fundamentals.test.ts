import { describe, expect, it } from "vitest";
import type { RawFundamentalRow } from "../../../src/data/raw";
import type { FundamentalsRecord } from "../../../src/data/synthetic/fundamentals";
import { buildRawFundamentals } from "../../../src/data/synthetic/raw-fundamentals";
import { DEFAULT_MARKET_PARAMS, resolveMarketParams } from "../../../src/data/synthetic/params";
import { deepFreeze, defaultMarket } from "./helpers";

const market = defaultMarket();
const rows = market.rawFundamentals;
const d = market.defects.fundamentals;
const truth = market.fundamentalsTruth;
const FIELDS = ["revenue", "operatingIncome", "netIncome", "totalAssets", "totalEquity", "sharesOutstanding"] as const;
const oldToNew = new Map(market.tickerChanges.map((c) => [c.oldTicker, c.newTicker]));
const current = (r: RawFundamentalRow): string => oldToNew.get(r.ticker) ?? r.ticker;
const truthOf = (r: RawFundamentalRow): FundamentalsRecord => truth.find((t) => t.ticker === current(r) && t.periodEnd === r.periodEnd)!;
const inMillions = (r: RawFundamentalRow, field: (typeof FIELDS)[number]): number => (r.unit === "thousands" ? r[field]! / 1000 : r[field]!);

/** A reference cleaning pipeline: dedupe filingId, millions, current ticker, latest filing per period. */
function clean(feed: readonly RawFundamentalRow[]): Map<string, Record<string, number>> {
  const seen = new Set<string>();
  const latest = new Map<string, RawFundamentalRow>();
  for (const r of feed) {
    if (seen.has(r.filingId)) continue;
    seen.add(r.filingId);
    const key = `${current(r)}|${r.periodEnd}`;
    const prior = latest.get(key);
    if (!prior || r.filedDate > prior.filedDate) latest.set(key, r);
  }
  return new Map([...latest].map(([key, r]) => [key, Object.fromEntries(FIELDS.map((f) => [f, inMillions(r, f)]))]));
}

describe("buildRawFundamentals on the default market", () => {
  it("plants every defect kind", () => {
    expect(d.duplicateFilings.length).toBeGreaterThan(0);
    expect(d.restatements.length).toBeGreaterThan(0);
    expect(d.thousandsFilings.length).toBeGreaterThan(0);
    expect(d.missingYears.length).toBeGreaterThan(0);
    expect(d.tickerChanges).toEqual([{ oldTicker: "SLNX", newTicker: "MVRX", effectiveDate: expect.any(String) }]);
    expect(new Set(d.fiscalYearEnds.map((x) => x.month))).toEqual(new Set([3, 6, 9, 12]));
  });

  it("numbers lines 1…n, stamps the source and dates every filing after its period", () => {
    rows.forEach((r, k) => {
      expect(r.line).toBe(k + 1);
      expect(r.source).toBe("synthetic");
      expect(r.filedDate > r.periodEnd).toBe(true);
    });
  });

  it("delivers the duplicates exactly twice, identical but for the line", () => {
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.filingId, (count.get(r.filingId) ?? 0) + 1);
    const twice = [...count].filter(([, c]) => c > 1).map(([id]) => id).sort();
    expect(twice).toEqual(d.duplicateFilings.map((x) => x.filingId).sort());
    for (const dup of d.duplicateFilings) {
      const [a, b] = dup.lines.map((line) => rows[line - 1]!);
      expect(a!.filingId).toBe(dup.filingId);
      expect({ ...b, line: 0 }).toEqual({ ...a, line: 0 });
      expect(b!.line).toBeGreaterThan(a!.line);
    }
  });

  it("restates with a later 10-K/A carrying the true figures; the original is off in the changed fields", () => {
    for (const x of d.restatements) {
      const original = rows.find((r) => r.filingId === x.originalFilingId)!;
      const amendment = rows.find((r) => r.filingId === x.amendmentFilingId)!;
      const t = truth.find((r) => r.ticker === x.ticker && r.periodEnd === x.periodEnd)!;
      expect(original.form).toBe("10-K");
      expect(amendment.form).toBe("10-K/A");
      expect(original.periodEnd).toBe(x.periodEnd);
      expect(amendment.periodEnd).toBe(x.periodEnd);
      expect(amendment.filedDate > original.filedDate).toBe(true);
      for (const field of FIELDS) {
        expect(inMillions(amendment, field)).toBe(t[field]);
        if ((x.changedFields as readonly string[]).includes(field)) {
          const rel = Math.abs(inMillions(original, field) / t[field] - 1);
          expect(rel).toBeGreaterThan(DEFAULT_MARKET_PARAMS.rawFundamentals.restatementSize[0] * 0.99);
          expect(rel).toBeLessThan(DEFAULT_MARKET_PARAMS.rawFundamentals.restatementSize[1] * 1.01);
        } else {
          expect(inMillions(original, field)).toBe(t[field]);
        }
      }
    }
    expect(new Set(rows.filter((r) => r.form === "10-K/A").map((r) => r.filingId)).size).toBe(d.restatements.length);
  });

  it("reports the filings of the manifest in thousands and all others in millions", () => {
    const thousands = new Set(d.thousandsFilings);
    for (const r of rows) {
      expect(r.unit).toBe(thousands.has(r.filingId) ? "thousands" : "millions");
      if (r.unit === "thousands") {
        for (const field of FIELDS) expect(Number.isInteger(r[field])).toBe(true);
        if (r.form === "10-K/A" || !d.restatements.some((x) => x.originalFilingId === r.filingId)) {
          expect(r.revenue).toBe(Math.round(truthOf(r).revenue * 1000));
        }
      }
    }
  });

  it("leaves out the missing years entirely", () => {
    for (const miss of d.missingYears) {
      expect(rows.some((r) => current(r) === miss.ticker && r.periodEnd === miss.periodEnd)).toBe(false);
      expect(truth.some((t) => t.ticker === miss.ticker && t.periodEnd === miss.periodEnd)).toBe(true);
    }
  });

  it("files under the old ticker before the change and the new one after", () => {
    const [change] = d.tickerChanges;
    const company = rows.filter((r) => r.ticker === change!.oldTicker || r.ticker === change!.newTicker);
    expect(company.some((r) => r.ticker === change!.oldTicker)).toBe(true);
    expect(company.some((r) => r.ticker === change!.newTicker)).toBe(true);
    for (const r of company) expect(r.ticker).toBe(r.filedDate < change!.effectiveDate ? change!.oldTicker : change!.newTicker);
    expect(market.prices.tickers).toContain(change!.newTicker);
    expect(market.prices.tickers).not.toContain(change!.oldTicker);
  });

  it("uses each company's fiscal-year-end month", () => {
    const month = new Map(d.fiscalYearEnds.map((x) => [x.ticker, x.month]));
    for (const r of rows) expect(Number(r.periodEnd.slice(5, 7))).toBe(month.get(current(r)));
  });

  it("cleans back to the truth (minus the missing years) with the manifest's rules", () => {
    const cleaned = clean(rows);
    const expected = truth.filter((t) => !d.missingYears.some((x) => x.ticker === t.ticker && x.periodEnd === t.periodEnd));
    expect(cleaned.size).toBe(expected.length);
    for (const t of expected) {
      expect(cleaned.get(`${t.ticker}|${t.periodEnd}`)).toEqual(Object.fromEntries(FIELDS.map((f) => [f, t[f]])));
    }
  });
});

describe("buildRawFundamentals: direct calls", () => {
  const record = (ticker: string, year: number): FundamentalsRecord => ({
    ticker, fiscalYear: year, fiscalYearEndMonth: 12, periodEnd: `${year}-12-31`, filedDate: `${year + 1}-02-20`,
    revenue: 1000.5, operatingIncome: 150.25, netIncome: 110.125, totalAssets: 2000, totalEquity: 800, sharesOutstanding: 300.001,
    revenueGrowth: 0.05, operatingMargin: 0.15, earningsGrowth: 0.05, driftAlpha: 0,
  });

  it("delivers a clean feed when every rate is 0, and does not change its inputs", () => {
    const params = resolveMarketParams({
      rawFundamentals: { duplicateRate: 0, restatementRate: 0, thousandsRate: 0, missingYearRate: 0, tickerChange: null },
    });
    const input = deepFreeze([record("AAAX", 2010), record("AAAX", 2011), record("BBBX", 2010)]);
    const feed = buildRawFundamentals(params, input, [], "2015-12-31");
    expect(feed.rows.map((r) => [r.filingId, r.ticker, r.periodEnd, r.form, r.unit, r.revenue, r.sharesOutstanding])).toEqual([
      ["F000001", "AAAX", "2010-12-31", "10-K", "millions", 1000.5, 300.001],
      ["F000002", "BBBX", "2010-12-31", "10-K", "millions", 1000.5, 300.001],
      ["F000003", "AAAX", "2011-12-31", "10-K", "millions", 1000.5, 300.001],
    ]);
    expect(feed.defects).toMatchObject({ duplicateFilings: [], restatements: [], thousandsFilings: [], missingYears: [], tickerChanges: [] });
  });

  it("converts thousands exactly and applies a ticker change by filing date", () => {
    const params = resolveMarketParams({
      rawFundamentals: { duplicateRate: 0, restatementRate: 0, thousandsRate: 1, missingYearRate: 0 },
    });
    const feed = buildRawFundamentals(params, [record("NEWX", 2010), record("NEWX", 2011)], [{ oldTicker: "OLDX", newTicker: "NEWX", effectiveDate: "2011-06-01" }], "2015-12-31");
    expect(feed.rows.map((r) => [r.ticker, r.unit, r.revenue, r.netIncome, r.sharesOutstanding])).toEqual([
      ["OLDX", "thousands", 1000500, 110125, 300001],
      ["NEWX", "thousands", 1000500, 110125, 300001],
    ]);
  });
});
