/**
 * Where the monitor reads its prices: a CSV or Parquet file (appended daily), the embedded market, or Yahoo with its cache.
 */
import { existsSync } from "node:fs";
import { InputError, type DateTable } from "../../core/index";
import { loadEmbeddedMarket, sources, sql, type PriceQuery } from "../../data/index";

/**
 * A prices source of the monitor.
 *
 * @example
 * ```ts
 * const s: MonitorSource = { kind: "file", path: "data/prices.csv" };
 * ```
 */
export type MonitorSource =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "embedded"; readonly seed?: number; readonly years?: number; readonly equityCount?: number }
  | { readonly kind: "yahoo"; readonly tickers: readonly string[]; readonly start: string; readonly cacheDir?: string };

/**
 * A short description of a source, recorded with each run.
 *
 * @example
 * ```ts
 * describeMonitorSource({ kind: "file", path: "data/prices.csv" }); // => "file:data/prices.csv"
 * ```
 */
export function describeMonitorSource(source: MonitorSource): string {
  switch (source.kind) {
    case "file":
      return `file:${source.path}`;
    case "embedded":
      return `embedded:seed=${source.seed ?? "default"},years=${source.years ?? "default"},equities=${source.equityCount ?? "default"}`;
    case "yahoo":
      return `yahoo:${source.tickers.join(",")} from ${source.start}`;
  }
}

/**
 * Loads the monitor's prices (dates × tickers): a file through the canonical build (CSV, or Parquet for a `.parquet`
 * name; rejected rows reported on `onReject`), the embedded market, or Yahoo (through its cache).
 *
 * @throws InputError MISSING_FILE when the file does not exist; DataError for a malformed file; as the sources.
 * @example
 * ```ts
 * (await loadMonitorPrices({ kind: "embedded", years: 5, equityCount: 4 })).tickers.length; // => 11
 * ```
 */
export async function loadMonitorPrices(source: MonitorSource, onReject: (line: string) => void = () => {}): Promise<DateTable> {
  if (source.kind === "embedded") {
    const { seed, years, equityCount } = source;
    return (await loadEmbeddedMarket({ ...(seed !== undefined ? { seed } : {}), ...(years !== undefined ? { years } : {}), ...(equityCount !== undefined ? { equityCount } : {}) })).prices;
  }
  let market: sources.MarketSource;
  let query: PriceQuery = {};
  if (source.kind === "file") {
    if (!existsSync(source.path)) throw new InputError("MISSING_FILE", `monitor: the prices file ${source.path} does not exist; check the path (a CSV or a .parquet file)`, { path: source.path });
    market = /\.parquet$/i.test(source.path) ? new sources.ParquetPriceSource(source.path) : new sources.CsvPriceSource(source.path);
  } else {
    market = new sources.YahooSource(source.cacheDir !== undefined ? { cacheDir: source.cacheDir } : {});
    query = { tickers: source.tickers, start: source.start };
  }
  const db = await sql.WorkbookDatabase.open(":memory:");
  try {
    await sql.buildFromSources(db, [market], query);
    const rejects = await sql.readRejects(db, "raw_prices");
    if (rejects.length > 0) {
      onReject(`${rejects.length} price row${rejects.length === 1 ? "" : "s"} rejected:`);
      for (const r of rejects.slice(0, 10)) onReject(`  line ${r.line}: ${r.reason}`);
    }
    return await sql.readPrices(db);
  } finally {
    db.close();
  }
}
