/**
 * Daily volumes from the canonical prices table, aligned with a price table, for market-impact models.
 */
import type { DateTable } from "../core/index";
import type { WorkbookDatabase } from "../data/index";

/**
 * The canonical daily volumes (shares traded) on exactly the dates and tickers of `prices`, `NaN` where the
 * database has none (`backtest-volumes.sql`). Pass the result as `runBacktest`'s `volumes`.
 *
 * Volumes are those of the feed, in shares of the day (not adjusted for later splits), while backtest prices are
 * adjusted closes: across a split the participation `shares / ADV` is off by the split ratio for a while.
 *
 * @param db a database holding canonical prices (see `sql.buildCanonicalData`).
 * @param prices the price table the backtest runs on; not changed.
 * @returns a table of the same shape as `prices`.
 * @example
 * ```ts
 * const volumes = await readVolumes(db, prices);
 * volumes.dates.length === prices.dates.length; // => true
 * ```
 */
export async function readVolumes(db: WorkbookDatabase, prices: DateTable): Promise<DateTable> {
  const m = prices.tickers.length;
  const values = new Float64Array(prices.dates.length * m).fill(Number.NaN);
  if (prices.dates.length === 0) return { dates: prices.dates, tickers: prices.tickers, values };
  const cols = await db.queryColumns("backtest-volumes.sql", { tickers: [...prices.tickers], start: prices.dates[0]!, end: prices.dates[prices.dates.length - 1]! });
  const row = new Map(prices.dates.map((d, i) => [d, i]));
  const column = new Map(prices.tickers.map((t, j) => [t, j]));
  const dates = cols.date as string[];
  const tickers = cols.ticker as string[];
  const volume = cols.volume as number[];
  for (let k = 0; k < dates.length; k++) {
    const i = row.get(dates[k]!);
    const j = column.get(tickers[k]!);
    if (i !== undefined && j !== undefined) values[i * m + j] = Number(volume[k]);
  }
  return { dates: prices.dates, tickers: prices.tickers, values };
}
