/**
 * The reconciliation on generated dirty feeds: random duplicates (exact and conflicting), bad prices (zero,
 * negative, NaN, ±Infinity, missing), bad dates, missing and padded tickers, ticker changes, filings in thousands
 * and millions, restatements, duplicate deliveries, unknown forms and units. Through buildCanonicalData every raw
 * row is accounted for exactly once, and the canonical prices agree with a small reference model of the rules
 * (reject reasons, ticker mapping, "the row loaded last wins").
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RawFundamentalRow, RawPriceRow, TickerChange } from "../../src/data/raw";
import { WorkbookDatabase, buildCanonicalData, readFundamentals, readPrices, readRejects } from "../../src/data/sql/index";
import { check } from "./helpers/check";

const DATES = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10"];
const BAD_DATES = ["2024-02-30", "2024/01/05", "", "20240105", "2024-1-5", "05/01/2024"];
const CHANGE: TickerChange = { oldTicker: "OLDX", newTicker: "AAA", effectiveDate: "2024-01-05" };

const priceValue = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: 0.01, max: 1e4, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -3, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null) },
);

const rawPrice = fc.record({
  ticker: fc.constantFrom("AAA", "BBB", "CCC", " AAA ", "BBB\t", "", "   ", "OLDX"),
  date: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_DATES) }),
  adjClose: priceValue,
  close: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: priceValue }),
  volume: fc.constantFrom(null, 1_000, 0, -5, Number.NaN),
});

/** A feed: base rows, then some re-delivered (exact duplicates) and some corrected (conflicting duplicates), shuffled by a second source. */
const priceFeed = fc
  .record({
    base: fc.array(rawPrice, { maxLength: 60, size: "max" }),
    exactDuplicates: fc.array(fc.nat(), { maxLength: 10, size: "max" }),
    corrections: fc.array(fc.tuple(fc.nat(), fc.double({ min: 0.01, max: 1e4, noNaN: true })), { maxLength: 10, size: "max" }),
  })
  .map(({ base, exactDuplicates, corrections }) => {
    const rows: RawPriceRow[] = base.map((r, i) => ({ source: "vendor-a", line: i + 1, ...r }));
    if (base.length > 0) {
      exactDuplicates.forEach((k, i) => rows.push({ ...rows[k % base.length]!, source: "vendor-b", line: i + 1 }));
      corrections.forEach(([k, price], i) => rows.push({ ...rows[k % base.length]!, adjClose: price, source: "vendor-c", line: i + 1 }));
    }
    return rows;
  });

const figure = fc.oneof(
  { weight: 10, arbitrary: fc.double({ min: -500, max: 1e5, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, Number.NaN, Number.POSITIVE_INFINITY) },
);

const rawFiling = fc.record({
  ticker: fc.constantFrom("AAA", "BBB", "OLDX", " BBB", ""),
  year: fc.integer({ min: 2019, max: 2023 }),
  month: fc.constantFrom("03-31", "06-30", "09-30", "12-31"),
  lagDays: fc.constantFrom(45, 60, 90, -10),
  form: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("10-K", "10-K/A") }, { weight: 1, arbitrary: fc.constantFrom("8-K", "") }),
  unit: fc.oneof({ weight: 8, arbitrary: fc.constantFrom("thousands", "millions") }, { weight: 1, arbitrary: fc.constantFrom("billions", "") }),
  revenue: figure,
  netIncome: figure,
  operatingIncome: figure,
  totalAssets: figure,
  totalEquity: figure,
  sharesOutstanding: figure,
});

const fundamentalsFeed = fc
  .record({ base: fc.array(rawFiling, { maxLength: 30, size: "max" }), redelivered: fc.array(fc.nat(), { maxLength: 6, size: "max" }) })
  .map(({ base, redelivered }) => {
    const rows: RawFundamentalRow[] = base.map((f, i) => {
      const periodEnd = `${f.year}-${f.month}`;
      const filed = new Date(Date.parse(`${periodEnd}T00:00:00Z`) + f.lagDays * 86_400_000).toISOString().slice(0, 10);
      return {
        source: "filings",
        line: i + 1,
        filingId: `F${i % 17}`,
        ticker: f.ticker,
        periodEnd,
        filedDate: filed,
        form: f.form as RawFundamentalRow["form"],
        unit: f.unit as RawFundamentalRow["unit"],
        revenue: f.revenue,
        netIncome: f.netIncome,
        operatingIncome: f.operatingIncome,
        totalAssets: f.totalAssets,
        totalEquity: f.totalEquity,
        sharesOutstanding: f.sharesOutstanding,
      };
    });
    if (base.length > 0) redelivered.forEach((k, i) => rows.push({ ...rows[k % base.length]!, source: "filings-again", line: i + 1 }));
    return rows;
  });

/** Why build-prices.sql rejects a row, or null when it is valid (the rules in its header). */
function rejectReason(r: RawPriceRow): string | null {
  const real = /^\d{4}-\d{2}-\d{2}$/.test(r.date) && new Date(`${r.date}T00:00:00Z`).toISOString().slice(0, 10) === r.date;
  if (r.ticker.trim() === "") return "missing ticker";
  if (!real) return "invalid date";
  if (r.adjClose === null) return "missing adjusted close";
  if (!Number.isFinite(r.adjClose)) return "non-finite adjusted close";
  if (r.adjClose <= 0) return "non-positive adjusted close";
  if (r.close !== null && (!Number.isFinite(r.close) || r.close <= 0)) return "invalid close";
  if (r.volume !== null && (!Number.isFinite(r.volume) || r.volume < 0)) return "invalid volume";
  return null;
}

/** The canonical prices the rules give: valid rows, ticker trimmed and mapped, the last loaded row of each (ticker, date). */
function referencePrices(rows: readonly RawPriceRow[], changes: readonly TickerChange[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if (rejectReason(r) !== null) continue;
    let ticker = r.ticker.trim();
    for (const c of changes) if (ticker === c.oldTicker && r.date < c.effectiveDate) ticker = c.newTicker;
    out.set(`${ticker}|${r.date}`, r.adjClose!);
  }
  return out;
}

let db: WorkbookDatabase;
beforeAll(async () => {
  db = await WorkbookDatabase.open();
});
afterAll(() => db.close());

describe("buildCanonicalData on generated dirty feeds", () => {
  it("accounts for every raw row once, rejects exactly the invalid ones, and keeps the last valid row of each ticker and day (100 feeds, about 5,000 raw rows)", async () => {
    let rawRows = 0;
    await fc.assert(
      fc.asyncProperty(priceFeed, fundamentalsFeed, fc.boolean(), async (prices, fundamentals, withChange) => {
        const tickerChanges = withChange ? [CHANGE] : [];
        rawRows += prices.length + fundamentals.length;
        const report = await buildCanonicalData(db, { prices, fundamentals, tickerChanges });

        // Every raw row is in exactly one bucket, in both raw tables.
        const [p, f] = [report.reconciliation.find((r) => r.tableName === "raw_prices")!, report.reconciliation.find((r) => r.tableName === "raw_fundamentals")!];
        for (const [row, raw] of [[p, prices.length], [f, fundamentals.length]] as const) {
          expect(row.balanced).toBe(true);
          expect(row.rawRows).toBe(raw);
          expect(row.canonicalRows + row.mergedRows + row.rejectedRows).toBe(raw);
          expect(row.accountedRows).toBe(raw);
        }

        // Rejects: exactly the rows the rules refuse, each with a reason naming the problem.
        const rejects = await readRejects(db, "raw_prices");
        const expectedRejects = prices.filter((r) => rejectReason(r) !== null);
        expect(rejects.length).toBe(expectedRejects.length);
        for (const r of rejects) {
          const raw = prices.find((x) => x.source === r.source && x.line === r.line)!;
          check(r.reason.startsWith(rejectReason(raw)!), () => `${r.source}:${r.line} rejected for "${r.reason}", expected "${rejectReason(raw)}"`);
        }

        // Canonical prices: one per (current ticker, day), the last loaded valid row's price; merges point at it.
        const expected = referencePrices(prices, tickerChanges);
        expect(p.canonicalRows).toBe(expected.size);
        expect(p.mergedRows).toBe(prices.length - expectedRejects.length - expected.size);
        if (expected.size > 0) {
          const table = await readPrices(db);
          const m = table.tickers.length;
          let seen = 0;
          table.dates.forEach((date, i) =>
            table.tickers.forEach((ticker, j) => {
              const v = table.values[i * m + j]!;
              if (Number.isNaN(v)) return check(!expected.has(`${ticker}|${date}`), () => `${ticker} on ${date} is missing`);
              seen++;
              check(expected.get(`${ticker}|${date}`) === v, () => `${ticker} on ${date} is ${v}, expected ${expected.get(`${ticker}|${date}`)}`);
            }),
          );
          expect(seen).toBe(expected.size);
        }

        // Fundamentals: each canonical figure is its raw row's, in millions (thousands divided by 1,000).
        for (const row of f.canonicalRows > 0 ? await readFundamentals(db) : []) {
          const raw = fundamentals.find((x) => x.source === row.source && x.line === row.line)!;
          const scale = raw.unit === "thousands" ? 1_000 : 1;
          check(raw !== undefined && (raw.unit === "thousands" || raw.unit === "millions"), () => `fundamentals row ${row.source}:${row.line} has no valid raw row`);
          for (const key of ["revenue", "netIncome", "totalAssets"] as const) {
            const want = raw[key] === null ? null : raw[key]! / scale;
            check(row[key] === want || Math.abs(row[key]! - want!) <= 1e-12 * Math.abs(want!), () => `${key} of ${row.ticker} ${row.fiscalYear} is ${row[key]}, raw ${raw[key]} ${raw.unit}`);
          }
        }
      }),
      { numRuns: 100, seed: 4_242 },
    );
    expect(rawRows).toBeGreaterThan(5_000);
  });
});
