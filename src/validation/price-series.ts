/**
 * One ticker's canonical price history for the price checks: dates with a row,
 * adjusted close, quoted close and volume.
 */
import { DataError, InputError } from "../core/index";
import type { WorkbookDatabase } from "../data/index";

/**
 * The canonical rows of one ticker, ascending by date (only days with a row; a gap has no entry).
 * `close` and `volume` are `NaN` where the source gave none.
 *
 * @example
 * ```ts
 * const s: PriceSeries = { ticker: "A", dates: ["2024-01-02", "2024-01-03"],
 *   adjClose: Float64Array.from([10, 10.1]), close: Float64Array.from([20, 10.1]), volume: Float64Array.from([1e6, 9e5]) };
 * ```
 */
export interface PriceSeries {
  readonly ticker: string;
  readonly dates: readonly string[];
  /** Adjusted close, USD, > 0. */
  readonly adjClose: Float64Array;
  /** Quoted close, USD (not adjusted for splits), `NaN` if absent. */
  readonly close: Float64Array;
  /** Shares traded, `NaN` if absent. */
  readonly volume: Float64Array;
}

/**
 * Canonical prices as one {@link PriceSeries} per ticker (`validation-price-series.sql`), sorted by ticker.
 *
 * @example
 * ```ts
 * const series = await readPriceSeries(db, ["CRLX"]);
 * series[0].dates.length; // => 5217
 * ```
 * @throws DataError NO_PRICES when the prices table is empty; InputError UNKNOWN_TICKER for a ticker without prices.
 */
export async function readPriceSeries(db: WorkbookDatabase, tickers?: readonly string[]): Promise<PriceSeries[]> {
  const cols = await db.queryColumns("validation-price-series.sql", { all_tickers: tickers === undefined, tickers: tickers ?? [] });
  const names = cols.ticker as string[];
  if (names.length === 0 && tickers === undefined) {
    throw new DataError("NO_PRICES", "readPriceSeries: the prices table is empty; build it first with buildCanonicalData");
  }
  const dates = cols.date as string[];
  const adj = cols.adj_close as number[];
  const close = cols.close as (number | null)[];
  const volume = cols.volume as (number | null)[];
  const out: PriceSeries[] = [];
  let start = 0;
  for (let i = 1; i <= names.length; i++) {
    if (i < names.length && names[i] === names[start]) continue;
    const n = i - start;
    const s: PriceSeries = {
      ticker: names[start]!,
      dates: dates.slice(start, i),
      adjClose: Float64Array.from(adj.slice(start, i)),
      close: new Float64Array(n),
      volume: new Float64Array(n),
    };
    for (let k = 0; k < n; k++) {
      s.close[k] = close[start + k] ?? Number.NaN;
      s.volume[k] = volume[start + k] ?? Number.NaN;
    }
    out.push(s);
    start = i;
  }
  if (tickers !== undefined) {
    const missing = tickers.filter((t) => !out.some((s) => s.ticker === t));
    if (missing.length > 0) throw new InputError("UNKNOWN_TICKER", `readPriceSeries: no prices for ${missing.join(", ")}; check the tickers or build the prices first`, { missing });
  }
  return out;
}

/**
 * First and last date and number of rows per series (the shape of `PriceCoverage`).
 *
 * @example
 * ```ts
 * seriesCoverage([{ ticker: "A", dates: ["2024-01-02", "2024-01-05"], ... }]); // => [{ ticker: "A", firstDate: "2024-01-02", lastDate: "2024-01-05", days: 2 }]
 * ```
 */
export function seriesCoverage(series: readonly PriceSeries[]): { ticker: string; firstDate: string; lastDate: string; days: number }[] {
  return series
    .filter((s) => s.dates.length > 0)
    .map((s) => ({ ticker: s.ticker, firstDate: s.dates[0]!, lastDate: s.dates[s.dates.length - 1]!, days: s.dates.length }));
}
