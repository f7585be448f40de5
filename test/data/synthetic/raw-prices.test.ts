import { describe, expect, it } from "vitest";
import type { DateTable } from "../../../src/core/frame";
import type { RawPriceRow } from "../../../src/data/raw";
import { resolveMarketParams } from "../../../src/data/synthetic/params";
import { buildRawPrices } from "../../../src/data/synthetic/raw-prices";
import type { Instrument } from "../../../src/data/synthetic/universe";
import { deepFreeze, defaultMarket } from "./helpers";

const market = defaultMarket();
const rows = market.rawPrices;
const d = market.defects.prices;
const { prices } = market;
const m = prices.tickers.length;
const dateIndex = new Map(prices.dates.map((date, i) => [date, i]));
const truthOf = (ticker: string, date: string): number => prices.values[dateIndex.get(date)! * m + prices.tickers.indexOf(ticker)]!;
const rowsAt = (ticker: string, date: string): RawPriceRow[] => rows.filter((r) => r.ticker === ticker && r.date === date);
const p = market.params.rawPrices;

describe("buildRawPrices on the default market", () => {
  it("plants the configured number of each defect", () => {
    expect(d.duplicateRows.length).toBe(p.duplicateRows);
    expect(d.badPrices.length).toBe(p.badPrices);
    expect(d.staleRuns.length).toBe(p.staleRuns);
    expect(d.unadjustedSplits.length).toBe(p.unadjustedSplits);
    expect(d.missingRows.length).toBe(p.missingRows);
  });

  it("numbers lines 1…n and has one row per listed day, plus duplicates, minus missing rows", () => {
    expect(rows.every((r, k) => r.line === k + 1)).toBe(true);
    let listed = 0;
    for (const v of prices.values) if (!Number.isNaN(v)) listed++;
    expect(rows.length).toBe(listed + d.duplicateRows.length - d.missingRows.length);
    expect(rows.every((r) => r.source === "synthetic" && dateIndex.has(r.date))).toBe(true);
  });

  it("repeats the duplicated rows exactly, right after the original", () => {
    for (const dup of d.duplicateRows) {
      const [a, b] = dup.lines.map((line) => rows[line - 1]!);
      expect(a).toMatchObject({ ticker: dup.ticker, date: dup.date });
      expect({ ...b, line: 0 }).toEqual({ ...a, line: 0 });
      expect(rowsAt(dup.ticker, dup.date).length).toBe(2);
    }
    const keys = rows.map((r) => `${r.ticker}|${r.date}`);
    expect(keys.length - new Set(keys).size).toBe(d.duplicateRows.length);
  });

  it("has zero or negative prices exactly at the bad rows", () => {
    const bad = rows.filter((r) => r.close! <= 0 || r.adjClose! <= 0);
    expect(bad.map((r) => r.line).sort((a, b) => a - b)).toEqual(d.badPrices.map((x) => x.line).sort((a, b) => a - b));
    expect(d.badPrices.some((x) => x.adjClose === 0)).toBe(true);
    expect(d.badPrices.some((x) => x.adjClose < 0)).toBe(true);
    for (const x of d.badPrices) {
      expect(rows[x.line - 1]).toMatchObject({ ticker: x.ticker, date: x.date, close: x.close, adjClose: x.adjClose });
      expect(x.trueAdjClose).toBe(truthOf(x.ticker, x.date));
    }
  });

  it("repeats the previous day's price with zero volume over each stale run", () => {
    for (const run of d.staleRuns) {
      const start = dateIndex.get(run.start)!;
      const end = dateIndex.get(run.end)!;
      expect(end - start + 1).toBe(p.staleRunLength);
      expect(run.value).toBe(truthOf(run.ticker, prices.dates[start - 1]!));
      for (let i = start; i <= end; i++) {
        const [row] = rowsAt(run.ticker, prices.dates[i]!);
        expect(row!.adjClose).toBe(run.value);
        expect(row!.volume).toBe(0);
        expect(truthOf(run.ticker, prices.dates[i]!)).not.toBe(run.value);
      }
    }
  });

  it("leaves one split unadjusted in close: close = adjClose × ratio before the split date", () => {
    const [split] = d.unadjustedSplits;
    const own = rows.filter((r) => r.ticker === split!.ticker);
    for (const r of own) {
      if (r.adjClose! <= 0) continue;
      expect(r.close).toBeCloseTo(r.date < split!.date ? r.adjClose! * split!.ratio : r.adjClose!, 9);
    }
    const before = own.filter((r) => r.date < split!.date).pop()!;
    const after = own.find((r) => r.date >= split!.date)!;
    expect(after.close! / before.close!).toBeLessThan(0.7); // the quoted price halves
    expect(market.instruments.find((i) => i.ticker === split!.ticker)!.assetClass).toBe("equity");
    const others = rows.filter((r) => r.ticker !== split!.ticker);
    expect(others.every((r) => r.close === r.adjClose)).toBe(true);
  });

  it("drops the missing rows", () => {
    for (const miss of d.missingRows) {
      expect(rowsAt(miss.ticker, miss.date)).toEqual([]);
      expect(Number.isNaN(truthOf(miss.ticker, miss.date))).toBe(false);
    }
  });

  it("matches the clean prices on every row without a defect, with plausible volumes", () => {
    const stale = new Set(
      d.staleRuns.flatMap((run) => prices.dates.filter((date) => date >= run.start && date <= run.end).map((date) => `${run.ticker}|${date}`)),
    );
    const badLines = new Set(d.badPrices.map((x) => x.line));
    let checked = 0;
    for (const r of rows) {
      if (badLines.has(r.line) || stale.has(`${r.ticker}|${r.date}`)) continue;
      if (r.adjClose !== truthOf(r.ticker, r.date)) throw new Error(`line ${r.line}: ${r.adjClose} ≠ ${truthOf(r.ticker, r.date)}`);
      if (!(Number.isInteger(r.volume) && r.volume! > 0)) throw new Error(`line ${r.line}: volume ${r.volume}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(200_000);
  });
});

describe("buildRawPrices: direct calls", () => {
  const instruments: Instrument[] = [
    { ticker: "AAAX", name: "A", assetClass: "equity", sector: "Energy", listingDate: "2000-01-03", durationYears: null, fiscalYearEndMonth: 12, marketBeta: 1, factorLoading: 1, idiosyncraticVol: 0.2, drift: 0 },
    { ticker: "FUND", name: "F", assetClass: "index", sector: null, listingDate: "2024-01-03", durationYears: null, fiscalYearEndMonth: null, marketBeta: 1, factorLoading: 0, idiosyncraticVol: 0, drift: 0 },
  ];
  const table: DateTable = {
    dates: ["2024-01-01", "2024-01-02", "2024-01-03"],
    tickers: ["AAAX", "FUND"],
    values: Float64Array.from([10, Number.NaN, 11, Number.NaN, 12, 50]),
  };

  it("emits one clean row per listed day when no defects are asked for, and does not change its inputs", () => {
    const params = resolveMarketParams({ rawPrices: { duplicateRows: 0, badPrices: 0, staleRuns: 0, unadjustedSplits: 0, missingRows: 0 } });
    deepFreeze(instruments);
    Object.freeze(table.dates);
    const before = Array.from(table.values);
    const feed = buildRawPrices(params, instruments, table, new Map([["AAAX", 100]]));
    expect(feed.rows.map((r) => [r.line, r.ticker, r.date, r.close, r.adjClose])).toEqual([
      [1, "AAAX", "2024-01-01", 10, 10],
      [2, "AAAX", "2024-01-02", 11, 11],
      [3, "AAAX", "2024-01-03", 12, 12],
      [4, "FUND", "2024-01-03", 50, 50],
    ]);
    expect(Array.from(table.values)).toEqual(before);
    expect(feed.defects).toEqual({ duplicateRows: [], badPrices: [], staleRuns: [], unadjustedSplits: [], missingRows: [] });
  });

  it("places fewer defects when the sample is too small, never on an instrument's first row", () => {
    const params = resolveMarketParams();
    const feed = buildRawPrices(params, instruments, table, new Map());
    expect(feed.defects.staleRuns).toEqual([]); // 6-day runs do not fit in 3 days
    expect(feed.defects.unadjustedSplits).toEqual([]); // the equity has too short a history
    const touched = [...feed.defects.badPrices, ...feed.defects.missingRows, ...feed.defects.duplicateRows];
    expect(touched.length).toBeLessThanOrEqual(2); // only AAAX's 2nd and 3rd days are eligible
    for (const t of touched) expect(t.ticker === "AAAX" && t.date !== "2024-01-01").toBe(true);
  });
});
