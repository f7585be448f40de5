/**
 * Reading canonical prices back for computation, as a wide {@link DateTable}.
 */
import { DataError, InputError } from "../../core/index";
import type { DateTable } from "../../core/index";
import { checkKnownTickers, validatePriceQuery, type PriceQuery } from "../sources/market-source";
import { readRejects } from "./audit-log";
import type { WorkbookDatabase } from "./workbook-database";

/**
 * Per-ticker span of the canonical prices.
 *
 * @example
 * ```ts
 * const c: PriceCoverage = { ticker: "AAPL", firstDate: "2000-01-03", lastDate: "2019-12-31", days: 5031 };
 * ```
 */
export interface PriceCoverage {
  readonly ticker: string;
  readonly firstDate: string;
  readonly lastDate: string;
  /** Days with a price. */
  readonly days: number;
}

/**
 * First date, last date and number of priced days per ticker, sorted by ticker.
 *
 * @example
 * ```ts
 * await readPriceCoverage(db); // => [{ ticker: "AAPL", firstDate: "2000-01-03", lastDate: "2019-12-31", days: 5031 }, …]
 * ```
 */
export async function readPriceCoverage(db: WorkbookDatabase): Promise<PriceCoverage[]> {
  const rows = await db.query<{ ticker: string; first_date: string; last_date: string; days: number }>("price-coverage.sql");
  return rows.map((r) => ({ ticker: r.ticker, firstDate: r.first_date, lastDate: r.last_date, days: r.days }));
}

/**
 * Canonical adjusted closes (USD) as a wide table: one row per date on which
 * at least one of the tickers has a price (ascending), one column per ticker
 * (in the order asked, else alphabetical), `NaN` where a ticker has no price
 * that day (before it listed, after it delisted, or a gap; never filled).
 *
 * @example
 * ```ts
 * const table = await readPrices(db, { tickers: ["MSFT", "AAPL"], start: "2024-01-02", end: "2024-01-05" });
 * table.tickers; // => ["MSFT", "AAPL"]
 * table.dates;   // => ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]
 * ```
 * @throws InputError UNKNOWN_TICKER naming tickers without prices (listing a few
 *   known ones, and saying when every raw row of a ticker was rejected, with why); BAD_DATE / EMPTY_DATE_RANGE for a bad range; NO_PRICES_IN_RANGE
 *   when the range holds no price of these tickers (naming their spans).
 * @throws DataError NO_PRICES when the prices table is empty (build it first).
 */
export async function readPrices(db: WorkbookDatabase, query: PriceQuery = {}): Promise<DateTable> {
  validatePriceQuery("readPrices", query);
  const coverage = await readPriceCoverage(db);
  if (coverage.length === 0) {
    throw new DataError("NO_PRICES", "readPrices: the prices table is empty; build it first with buildCanonicalData or buildFromSources");
  }
  try {
    checkKnownTickers("readPrices", query.tickers, coverage.map((c) => c.ticker));
  } catch (e) {
    throw await explainRejectedTickers(db, e);
  }
  const tickers = query.tickers ? [...query.tickers] : coverage.map((c) => c.ticker);
  const selected = coverage.filter((c) => tickers.includes(c.ticker));
  const start = query.start ?? selected.reduce((m, c) => (c.firstDate < m ? c.firstDate : m), "9999-12-31");
  const end = query.end ?? selected.reduce((m, c) => (c.lastDate > m ? c.lastDate : m), "0000-01-01");
  const cols = await db.queryColumns("select-prices.sql", { tickers, start, end });
  const dates = cols.date as string[];
  const names = cols.ticker as string[];
  const values = cols.adj_close as number[];
  if (dates.length === 0) {
    const spans = selected.map((c) => `${c.ticker} ${c.firstDate}..${c.lastDate}`).join(", ");
    throw new InputError("NO_PRICES_IN_RANGE", `readPrices: no prices between ${start} and ${end} for ${tickers.join(", ")}; their prices span ${spans}`, {
      start,
      end,
    });
  }
  const column = new Map(tickers.map((t, j) => [t, j]));
  const dateList: string[] = [];
  for (let i = 0; i < dates.length; i++) if (i === 0 || dates[i] !== dates[i - 1]) dateList.push(dates[i]!);
  const m = tickers.length;
  const out = new Float64Array(dateList.length * m).fill(Number.NaN);
  let row = -1;
  for (let i = 0; i < dates.length; i++) {
    if (i === 0 || dates[i] !== dates[i - 1]) row++;
    out[row * m + column.get(names[i]!)!] = values[i]!;
  }
  return { dates: dateList, tickers, values: out };
}

/** An UNKNOWN_TICKER error, extended with why, when the build rejected every raw row of a ticker. */
async function explainRejectedTickers(db: WorkbookDatabase, error: unknown): Promise<unknown> {
  if (!(error instanceof InputError) || error.code !== "UNKNOWN_TICKER") return error;
  const unknown = (error.details.unknown ?? []) as readonly string[];
  const rejected = new Map<string, { count: number; example: string }>();
  for (const r of await readRejects(db, "raw_prices")) {
    let ticker: unknown;
    try {
      ticker = (JSON.parse(r.rawJson) as { ticker?: unknown }).ticker;
    } catch {
      continue;
    }
    if (typeof ticker !== "string" || !unknown.includes(ticker.trim())) continue;
    const seen = rejected.get(ticker.trim());
    if (seen) seen.count++;
    else rejected.set(ticker.trim(), { count: 1, example: `${r.source ?? "?"} line ${r.line ?? "?"}: ${r.reason}` });
  }
  if (rejected.size === 0) return error;
  const why = [...rejected].map(([t, { count, example }]) => `every raw row of ${t} was rejected (${count} row${count === 1 ? "" : "s"}, e.g. ${example})`);
  return new InputError("UNKNOWN_TICKER", `${error.message}; ${why.join("; ")}: fix the source rows (readRejects lists them) or drop the ticker`, {
    ...error.details,
    rejected: [...rejected.keys()],
  });
}
