/**
 * The one typed interface every market-data source implements, and the query
 * it answers. Sources deliver raw rows (see `src/data/raw.ts`); the SQL layer
 * turns them into canonical tables.
 */
import { InputError } from "../../core/index";
import type { RawFundamentalRow, RawPriceRow } from "../raw";
import { isIsoDate } from "../../core/index";

/**
 * What to load: tickers and an inclusive date range, all optional where the
 * source can deliver everything it has (vega-datasets, the user's files).
 *
 * @example
 * ```ts
 * const query: PriceQuery = { tickers: ["AAPL", "MSFT"], start: "2024-01-02", end: "2024-03-28" };
 * ```
 */
export interface PriceQuery {
  /** Tickers to load; all the source has when omitted. Unique, non-empty. */
  readonly tickers?: readonly string[];
  /** First date, inclusive, ISO `YYYY-MM-DD`; the source's first date when omitted. */
  readonly start?: string;
  /** Last date, inclusive, ISO `YYYY-MM-DD`; the source's last date when omitted. */
  readonly end?: string;
}

/**
 * What fundamentals to load: tickers and an inclusive range of fiscal-period end dates.
 *
 * @example
 * ```ts
 * const query: FundamentalsQuery = { tickers: ["AAPL"], start: "2019-01-01", end: "2023-12-31" };
 * ```
 */
export type FundamentalsQuery = PriceQuery;

/**
 * A source of raw market data. Implementations: {@link VegaDatasetsSource},
 * {@link YahooSource}, {@link CsvPriceSource}, {@link ParquetPriceSource}
 * (and the synthetic market in `src/data/synthetic/`).
 *
 * @example
 * ```ts
 * const source: MarketSource = new VegaDatasetsSource();
 * const rows = await source.loadPrices({ tickers: ["MSFT"], start: "2005-01-01", end: "2005-12-31" });
 * rows.length; // => 12 (monthly)
 * ```
 */
export interface MarketSource {
  /** Short name used in messages, e.g. `"yahoo"`. */
  readonly name: string;
  /** Raw daily (or monthly) prices; may contain duplicates and bad rows, which the SQL layer sorts out. */
  loadPrices(query?: PriceQuery): Promise<RawPriceRow[]>;
  /** Raw annual filings, when the source has any. */
  loadFundamentals?(query?: FundamentalsQuery): Promise<RawFundamentalRow[]>;
}

/**
 * Checks a query's shape: tickers unique non-empty strings, dates real ISO
 * dates, `start <= end`. Returns the query unchanged.
 *
 * @example
 * ```ts
 * validatePriceQuery("yahoo", { tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-31" }); // ok
 * validatePriceQuery("yahoo", { start: "2024-02-01", end: "2024-01-01" }); // throws InputError EMPTY_DATE_RANGE
 * ```
 * @throws InputError naming the bad ticker or date.
 */
export function validatePriceQuery(sourceName: string, query: PriceQuery = {}): PriceQuery {
  const { tickers, start, end } = query;
  if (tickers !== undefined) {
    if (!Array.isArray(tickers)) {
      throw new InputError("BAD_QUERY", `${sourceName}: tickers must be an array of strings, got ${typeof tickers}`);
    }
    if (tickers.length === 0) {
      throw new InputError("EMPTY_QUERY", `${sourceName}: the ticker list is empty; pass at least one ticker or omit tickers to load all`);
    }
    const seen = new Set<string>();
    const dupes = new Set<string>();
    for (const t of tickers) {
      if (typeof t !== "string" || t.trim() === "") {
        throw new InputError("BAD_TICKER", `${sourceName}: ticker ${JSON.stringify(t)} is not a non-empty string`, { ticker: t });
      }
      if (seen.has(t)) dupes.add(t);
      seen.add(t);
    }
    if (dupes.size > 0) {
      throw new InputError("DUPLICATE_TICKER", `${sourceName}: ticker(s) ${[...dupes].join(", ")} listed more than once; list each ticker once`, {
        tickers: [...dupes],
      });
    }
  }
  for (const [field, value] of [["start", start], ["end", end]] as const) {
    if (value !== undefined && (typeof value !== "string" || !isIsoDate(value))) {
      throw new InputError("BAD_DATE", `${sourceName}: ${field} date ${JSON.stringify(value)} is not an ISO date YYYY-MM-DD`, { [field]: value });
    }
  }
  if (start !== undefined && end !== undefined && start > end) {
    throw new InputError("EMPTY_DATE_RANGE", `${sourceName}: start ${start} is after end ${end}, so the date range is empty; swap them`, { start, end });
  }
  return query;
}

/**
 * Throws when a query names tickers the source does not know, naming them and
 * listing a few known ones.
 *
 * @example
 * ```ts
 * checkKnownTickers("vega-datasets", ["MSFT", "TSLA"], ["AAPL", "MSFT"]);
 * // throws InputError UNKNOWN_TICKER "vega-datasets: unknown ticker(s) TSLA; known tickers include AAPL, MSFT"
 * ```
 * @throws InputError UNKNOWN_TICKER.
 */
export function checkKnownTickers(sourceName: string, requested: readonly string[] | undefined, known: Iterable<string>): void {
  if (requested === undefined) return;
  const knownSet = new Set(known);
  const unknown = requested.filter((t) => !knownSet.has(t));
  if (unknown.length === 0) return;
  const list = [...knownSet].sort();
  const shown = list.slice(0, 8).join(", ") + (list.length > 8 ? `, … (${list.length} in all)` : "");
  throw new InputError(
    "UNKNOWN_TICKER",
    `${sourceName}: unknown ticker(s) ${unknown.join(", ")}; known tickers include ${shown || "(none)"}`,
    { unknown, known: list.slice(0, 20) },
  );
}

/**
 * True when an ISO date lies in the query's inclusive range.
 *
 * @example
 * ```ts
 * inDateRange("2024-01-05", { start: "2024-01-01" }); // => true
 * ```
 */
export function inDateRange(date: string, query: PriceQuery): boolean {
  return (query.start === undefined || date >= query.start) && (query.end === undefined || date <= query.end);
}
