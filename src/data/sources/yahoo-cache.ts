/**
 * The on-disk cache of Yahoo answers: one small CSV file per ticker and query,
 * ending with a footer line `#end rows=N` so a truncated file is recognised.
 *
 * Prices file (`…/yahoo/prices/<TICKER>_<start>_<end>.csv`):
 * ```
 * date,close,adj_close,volume
 * 2024-01-02,185.639999,184.73497,82488700
 * #end rows=1
 * ```
 * Fundamentals file (`…/yahoo/fundamentals/<TICKER>_<start>_<end>.csv`), figures in
 * USD millions, shares in millions:
 * ```
 * period_end,revenue,net_income,operating_income,total_assets,total_equity,shares_outstanding
 * 2023-09-30,383285,96995,114301,352583,62146,15550.061
 * #end rows=1
 * ```
 * A blank field is a missing value. Files are read with DuckDB (`csv-file.ts`),
 * where the end marker is a line with one field instead of the header's four or
 * seven, which DuckDB refuses and reports with its text. A corrupt file is never
 * repaired or refetched silently: reading it throws a DataError naming the file
 * and saying to delete it (the next load then refetches it).
 */
import { join } from "node:path";
import { DataError } from "../../core/index";
import type { FilingFigures } from "../raw";
import { readCsvFile, type CsvContents, type CsvRecord } from "./csv-file";
import { isIsoDate } from "../../core/index";

/**
 * Header of a cached prices file.
 *
 * @example
 * ```ts
 * PRICE_CACHE_HEADER; // => "date,close,adj_close,volume"
 * ```
 */
export const PRICE_CACHE_HEADER = "date,close,adj_close,volume";
/**
 * Header of a cached fundamentals file (USD millions; shares in millions).
 *
 * @example
 * ```ts
 * FUNDAMENTALS_CACHE_HEADER.split(",").length; // => 7
 * ```
 */
export const FUNDAMENTALS_CACHE_HEADER = "period_end,revenue,net_income,operating_income,total_assets,total_equity,shares_outstanding";

/**
 * One cached daily price (USD; volume in shares).
 *
 * @example
 * ```ts
 * const p: CachedPrice = { date: "2024-01-02", close: 185.64, adjClose: 184.73, volume: 82_488_700 };
 * ```
 */
export interface CachedPrice {
  readonly date: string;
  readonly close: number | null;
  readonly adjClose: number | null;
  readonly volume: number | null;
}

/**
 * One cached annual report, figures in USD millions, shares in millions.
 *
 * @example
 * ```ts
 * const f: CachedFundamentals = { periodEnd: "2023-09-30", revenue: 383285, netIncome: 96995, operatingIncome: 114301,
 *   totalAssets: 352583, totalEquity: 62146, sharesOutstanding: 15550.061 };
 * ```
 */
export interface CachedFundamentals extends FilingFigures {
  readonly periodEnd: string;
}

/**
 * Path of a cache file for one ticker and date range. The ticker is
 * percent-encoded so symbols such as `^GSPC` or `BRK/B` make safe file names.
 *
 * @example
 * ```ts
 * yahooCachePath("data/cache", "prices", "^GSPC", "2024-01-01", "2024-06-30");
 * // => "data/cache/yahoo/prices/%5EGSPC_2024-01-01_2024-06-30.csv"
 * ```
 */
export function yahooCachePath(cacheDir: string, kind: "prices" | "fundamentals", ticker: string, start: string, end: string): string {
  return join(cacheDir, "yahoo", kind, `${encodeURIComponent(ticker)}_${start}_${end}.csv`);
}

function cell(v: number | null): string {
  return v === null ? "" : String(v);
}

/**
 * Serialises prices to the cache format.
 *
 * @example
 * ```ts
 * formatPriceCache([{ date: "2024-01-02", close: 185.64, adjClose: 184.73, volume: 1 }]);
 * // => "date,close,adj_close,volume\n2024-01-02,185.64,184.73,1\n#end rows=1\n"
 * ```
 */
export function formatPriceCache(rows: readonly CachedPrice[]): string {
  const lines = [PRICE_CACHE_HEADER];
  for (const r of rows) lines.push(`${r.date},${cell(r.close)},${cell(r.adjClose)},${cell(r.volume)}`);
  lines.push(`#end rows=${rows.length}`);
  return lines.join("\n") + "\n";
}

/**
 * Serialises fundamentals to the cache format.
 *
 * @example
 * ```ts
 * formatFundamentalsCache([]); // => "period_end,revenue,…,shares_outstanding\n#end rows=0\n"
 * ```
 */
export function formatFundamentalsCache(rows: readonly CachedFundamentals[]): string {
  const lines = [FUNDAMENTALS_CACHE_HEADER];
  for (const r of rows) {
    lines.push(
      [r.periodEnd, r.revenue, r.netIncome, r.operatingIncome, r.totalAssets, r.totalEquity, r.sharesOutstanding]
        .map((v) => (typeof v === "string" ? v : cell(v)))
        .join(","),
    );
  }
  lines.push(`#end rows=${rows.length}`);
  return lines.join("\n") + "\n";
}

function corrupt(path: string, problem: string): DataError {
  return new DataError(
    "CORRUPT_CACHE",
    `Yahoo cache file ${path} is corrupt (${problem}); delete it and load again to refetch it from Yahoo`,
    { file: path, problem },
  );
}

/** Reads the data records of a cache file, checking header and end marker. */
async function cacheRecords(path: string, header: string): Promise<readonly CsvRecord[]> {
  let contents: CsvContents;
  try {
    contents = await readCsvFile(path, { label: path, what: "Yahoo cache file" });
  } catch (e) {
    if (e instanceof DataError && e.code === "FILE_NOT_READABLE") {
      throw new DataError("CACHE_NOT_READABLE", e.message, { file: path }, { cause: e.cause });
    }
    throw corrupt(path, (e as Error).message);
  }
  const { records, rejects } = contents;
  if (contents.header === null) throw corrupt(path, "the file is empty");
  if (contents.header.fields.join(",") !== header) throw corrupt(path, `line ${contents.header.line}: header is not ${header}`);
  // The end marker is the file's last line; DuckDB refuses it (one field, not the header's) and keeps its text.
  const marker = rejects[rejects.length - 1];
  const lastRecord = records[records.length - 1];
  const footer = marker && (!lastRecord || marker.line > lastRecord.line) ? /^#end rows=(\d+)$/.exec(marker.text) : null;
  if (!footer) throw corrupt(path, "the end marker `#end rows=N` is missing, so the file is truncated");
  const [refused] = rejects.slice(0, -1);
  if (refused) throw corrupt(path, `line ${refused.line}: ${refused.reason}`);
  if (Number(footer[1]) !== records.length) throw corrupt(path, `the end marker says ${footer[1]} rows but the file has ${records.length}`);
  return records;
}

function parseCell(text: string, path: string, line: number, column: string): number | null {
  if (text === "") return null;
  const v = Number(text);
  if (text.trim() !== text || Number.isNaN(v)) throw corrupt(path, `line ${line}: ${column} ${JSON.stringify(text)} is not a number`);
  return v;
}

/**
 * Reads a cached prices file (USD; volume in shares) with DuckDB.
 *
 * @example
 * ```ts
 * // AAPL.csv: "date,close,adj_close,volume\n2024-01-02,185.64,184.73,1\n#end rows=1\n"
 * await readPriceCache("AAPL.csv");
 * // => [{ date: "2024-01-02", close: 185.64, adjClose: 184.73, volume: 1 }]
 * ```
 * @throws DataError CORRUPT_CACHE naming the file, the line and what is wrong; CACHE_NOT_READABLE.
 */
export async function readPriceCache(path: string): Promise<CachedPrice[]> {
  return (await cacheRecords(path, PRICE_CACHE_HEADER)).map((r) => {
    const [date, close, adj, volume] = r.fields as [string, string, string, string];
    if (!isIsoDate(date)) throw corrupt(path, `line ${r.line}: date ${JSON.stringify(date)} is not YYYY-MM-DD`);
    return {
      date,
      close: parseCell(close, path, r.line, "close"),
      adjClose: parseCell(adj, path, r.line, "adj_close"),
      volume: parseCell(volume, path, r.line, "volume"),
    };
  });
}

/**
 * Reads a cached fundamentals file (USD millions; shares in millions) with DuckDB.
 *
 * @example
 * ```ts
 * // AAPL.csv: formatFundamentalsCache([])
 * await readFundamentalsCache("AAPL.csv"); // => []
 * ```
 * @throws DataError CORRUPT_CACHE naming the file, the line and what is wrong; CACHE_NOT_READABLE.
 */
export async function readFundamentalsCache(path: string): Promise<CachedFundamentals[]> {
  const columns = FUNDAMENTALS_CACHE_HEADER.split(",");
  return (await cacheRecords(path, FUNDAMENTALS_CACHE_HEADER)).map((r) => {
    const f = r.fields;
    if (!isIsoDate(f[0]!)) throw corrupt(path, `line ${r.line}: period_end ${JSON.stringify(f[0])} is not YYYY-MM-DD`);
    const n = (j: number): number | null => parseCell(f[j]!, path, r.line, columns[j]!);
    return { periodEnd: f[0]!, revenue: n(1), netIncome: n(2), operatingIncome: n(3), totalAssets: n(4), totalEquity: n(5), sharesOutstanding: n(6) };
  });
}
