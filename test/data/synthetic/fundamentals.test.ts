import { describe, expect, it } from "vitest";
import { isoToDayNumber } from "../../../src/core/dates";
import { weekday } from "../../../src/data/synthetic/calendar";
import { simulateFundamentals, type FundamentalsRecord } from "../../../src/data/synthetic/fundamentals";
import { marketCalendar } from "../../../src/data/synthetic/market";
import { DEFAULT_MARKET_PARAMS, resolveMarketParams } from "../../../src/data/synthetic/params";
import { buildUniverse } from "../../../src/data/synthetic/universe";
import { correlation, deepFreeze, defaultMarket, mean } from "./helpers";

const market = defaultMarket();
const truth = market.fundamentalsTruth;
const f = DEFAULT_MARKET_PARAMS.fundamentals;
const byTicker = new Map<string, FundamentalsRecord[]>();
for (const r of truth) (byTicker.get(r.ticker) ?? byTicker.set(r.ticker, []).get(r.ticker)!).push(r);

/** Log price change between the last business days on or before two dates (NaN if unlisted). */
function logReturn(ticker: string, from: string, to: string): number {
  const { dates, tickers, values } = market.prices;
  const j = tickers.indexOf(ticker);
  const at = (d: string): number => {
    let lo = 0;
    let hi = dates.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]! <= d) (k = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return k < 0 ? Number.NaN : values[k * tickers.length + j]!;
  };
  return Math.log(at(to) / at(from));
}

/** Subtracts each fiscal year's cross-sectional mean (removes the market's year-to-year swings). */
function demeanByYear(rows: { year: number; value: number }[]): number[] {
  const sums = new Map<number, number[]>();
  for (const r of rows) (sums.get(r.year) ?? sums.set(r.year, []).get(r.year)!).push(r.value);
  return rows.map((r) => r.value - mean(sums.get(r.year)!));
}

describe("simulateFundamentals: the truth table", () => {
  it("covers every equity with consecutive fiscal years ending in its fiscal-year-end month", () => {
    const equities = market.instruments.filter((i) => i.assetClass === "equity");
    expect([...byTicker.keys()].sort()).toEqual(equities.map((e) => e.ticker).sort());
    for (const e of equities) {
      const rows = byTicker.get(e.ticker)!;
      rows.forEach((r, k) => {
        expect(Number(r.periodEnd.slice(5, 7))).toBe(e.fiscalYearEndMonth);
        expect(r.fiscalYearEndMonth).toBe(e.fiscalYearEndMonth);
        expect(Number(r.periodEnd.slice(0, 4))).toBe(r.fiscalYear);
        if (k > 0) expect(r.fiscalYear).toBe(rows[k - 1]!.fiscalYear + 1);
      });
    }
    expect(new Set(truth.map((r) => r.fiscalYearEndMonth))).toEqual(new Set([3, 6, 9, 12]));
  });

  it("files 40–90 days after the fiscal year, on a business day, within the sample and after listing", () => {
    const last = market.prices.dates[market.prices.dates.length - 1]!;
    for (const r of truth) {
      const lag = isoToDayNumber(r.filedDate) - isoToDayNumber(r.periodEnd);
      expect(lag).toBeGreaterThanOrEqual(40);
      expect(lag).toBeLessThanOrEqual(90);
      expect([1, 2, 3, 4, 5]).toContain(weekday(isoToDayNumber(r.filedDate)));
      expect(r.filedDate <= last).toBe(true);
      expect(r.filedDate >= market.instruments.find((i) => i.ticker === r.ticker)!.listingDate).toBe(true);
    }
  });

  it("has positive, plausibly scaled figures with consistent derived fields", () => {
    for (const rows of byTicker.values()) {
      rows.forEach((r, k) => {
        for (const v of [r.revenue, r.operatingIncome, r.netIncome, r.totalAssets, r.totalEquity, r.sharesOutstanding]) {
          expect(v).toBeGreaterThan(0);
          expect(Math.round(v * 1000) / 1000).toBe(v); // thousand-dollar precision
        }
        expect(r.operatingIncome).toBeLessThan(r.revenue);
        expect(r.totalEquity).toBeLessThan(r.totalAssets);
        expect(r.operatingMargin).toBeCloseTo(r.operatingIncome / r.revenue, 12);
        const clipped = Math.max(-f.earningsGrowthCap, Math.min(f.earningsGrowthCap, r.earningsGrowth));
        expect(r.driftAlpha).toBeCloseTo(f.earningsDriftLoading * (clipped - f.earningsGrowthCentre), 12);
        if (k > 0) {
          expect(r.revenueGrowth).toBeCloseTo(Math.log(r.revenue / rows[k - 1]!.revenue), 12);
          expect(r.earningsGrowth).toBeCloseTo(Math.log(r.netIncome / rows[k - 1]!.netIncome), 12);
        }
      });
    }
    const revenues = truth.map((r) => r.revenue).sort((a, b) => a - b);
    expect(revenues[0]).toBeGreaterThan(100); // USD millions
    expect(revenues[revenues.length - 1]).toBeLessThan(2_000_000);
  });
});

describe("simulateFundamentals: the planted signal", () => {
  const pairs: { year: number; g: number; e: number; dm: number; nextE: number; mom: number; fwd: number; contemporaneous: number }[] = [];
  for (const [ticker, rows] of byTicker) {
    for (let k = 1; k + 1 < rows.length; k++) {
      const prev = rows[k - 1]!;
      const cur = rows[k]!;
      const next = rows[k + 1]!;
      pairs.push({
        year: cur.fiscalYear,
        g: cur.revenueGrowth,
        e: cur.earningsGrowth,
        dm: Math.log(cur.operatingMargin / prev.operatingMargin),
        nextE: next.earningsGrowth,
        mom: logReturn(ticker, prev.filedDate, cur.filedDate), // 12-month momentum known at filing
        fwd: logReturn(ticker, cur.filedDate, next.filedDate), // the next 12 months
        contemporaneous: logReturn(ticker, prev.periodEnd, cur.periodEnd),
      });
    }
  }
  const usable = pairs.filter((p) => Number.isFinite(p.mom) && Number.isFinite(p.fwd) && Number.isFinite(p.contemporaneous));
  const fwd = demeanByYear(usable.map((p) => ({ year: p.year, value: p.fwd })));
  const mom = demeanByYear(usable.map((p) => ({ year: p.year, value: p.mom })));

  it("revenue growth is persistent: pooled AR(1) slope of demeaned growth ≈ φ", () => {
    const x: number[] = [];
    const y: number[] = [];
    for (const rows of byTicker.values()) {
      const mu = mean(rows.slice(1).map((r) => r.revenueGrowth));
      for (let k = 2; k < rows.length; k++) {
        x.push(rows[k - 1]!.revenueGrowth - mu);
        y.push(rows[k]!.revenueGrowth - mu);
      }
    }
    const slope = x.reduce((a, v, i) => a + v * y[i]!, 0) / x.reduce((a, v) => a + v * v, 0);
    expect(slope).toBeGreaterThan(f.revenueGrowthPersistence - 0.25); // the within-company mean biases it down a little
    expect(slope).toBeLessThan(f.revenueGrowthPersistence + 0.1);
  });

  it("prices move with contemporaneous earnings growth", () => {
    const ret = demeanByYear(usable.map((p) => ({ year: p.year, value: p.contemporaneous })));
    expect(correlation(ret, usable.map((p) => p.e))).toBeGreaterThan(0.4);
  });

  it("next year's earnings growth is predictable from this year's growth and momentum, less so after margin gains", () => {
    expect(correlation(usable.map((p) => p.nextE), usable.map((p) => p.g))).toBeGreaterThan(0.2);
    expect(correlation(usable.map((p) => p.nextE), usable.map((p) => p.e))).toBeGreaterThan(0.1);
    expect(correlation(usable.map((p) => p.nextE), mom)).toBeGreaterThan(0.05);
    // Margins mean-revert: holding growth fixed, a margin gain lowers next year's growth.
    const residual = usable.map((p) => p.nextE - 0.6 * p.g);
    expect(correlation(residual, usable.map((p) => p.dm))).toBeLessThan(0);
  });

  it("fundamentals and momentum known at the filing date predict the next 12 months' return", () => {
    expect(usable.length).toBeGreaterThan(400);
    expect(correlation(fwd, usable.map((p) => p.g))).toBeGreaterThan(0.15);
    expect(correlation(fwd, usable.map((p) => p.e))).toBeGreaterThan(0.05);
    expect(correlation(fwd, mom)).toBeGreaterThan(0);
  });
});

describe("simulateFundamentals: direct calls", () => {
  it("gives each company the same path whatever the universe, and does not change its inputs", () => {
    const params = deepFreeze(resolveMarketParams({ equityCount: 3 }));
    const dates = Object.freeze(marketCalendar(params));
    const universe = deepFreeze(buildUniverse(params, dates[dates.length - 1]!));
    const small = simulateFundamentals(params, universe, dates);
    for (const r of small.truth) {
      expect(truth).toContainEqual(r);
    }
    expect(small.links.size).toBe(3);
    for (const link of small.links.values()) {
      expect(link.startPrice).toBeGreaterThanOrEqual(params.equities.initialPriceRange[0]);
      expect(link.startPrice).toBeLessThanOrEqual(params.equities.initialPriceRange[1]);
      expect(link.periodEnds.length).toBe(link.annualAlpha.length);
      expect(link.periodEnds[link.periodEnds.length - 1]! > dates[dates.length - 1]!).toBe(true);
      expect(link.periodEnds[0]! < dates[0]!).toBe(true);
    }
  });

  it("starts each equity at P/E × trailing EPS, both in their ranges", () => {
    const m = market.prices.tickers.length;
    const { priceEarningsRange, initialPriceRange } = DEFAULT_MARKET_PARAMS.equities;
    for (const inst of market.instruments.filter((i) => i.assetClass === "equity")) {
      const j = market.prices.tickers.indexOf(inst.ticker);
      const firstDay = market.prices.dates.findIndex((d) => d >= inst.listingDate);
      const price = market.prices.values[firstDay * m + j]!;
      expect(price).toBeGreaterThanOrEqual(initialPriceRange[0]);
      expect(price).toBeLessThanOrEqual(initialPriceRange[1]);
      // The trailing fiscal year (last one ending before the first price) is in the truth when it was filed after listing.
      const trailing = byTicker.get(inst.ticker)!.filter((r) => r.periodEnd < market.prices.dates[firstDay]!).pop();
      if (trailing && trailing.filedDate >= inst.listingDate) {
        const pe = price / (trailing.netIncome / trailing.sharesOutstanding);
        expect(pe).toBeGreaterThan(priceEarningsRange[0] * 0.99); // shares are rounded to thousands
        expect(pe).toBeLessThan(priceEarningsRange[1] * 1.01);
      }
    }
  });
});
