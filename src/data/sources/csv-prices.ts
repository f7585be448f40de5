/**
 * The user's own prices from a CSV file, wide or long (see `price-layout.ts`
 * for the two layouts and which column is the price).
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { DataError } from "../../core/index";
import type { RawPriceRow } from "../raw";
import { parseCsv } from "./csv-text";
import { checkKnownTickers, validatePriceQuery, type MarketSource, type PriceQuery } from "./market-source";
import { detectPriceLayout, recordsToRawPrices, tickersIn, type PriceRecord } from "./price-layout";

/**
 * Parses CSV text of prices into raw rows. `source` is `"csv:<file name>"` and
 * `line` the file's line number (the header is line 1).
 *
 * Dates: `YYYY-MM-DD` (also `YYYY/MM/DD` and ISO date-times, date part taken).
 * Rows may come in any order; duplicates are kept as raw rows for the SQL layer
 * to merge. Zero, negative, `NaN` or `inf` prices are kept as raw rows and
 * rejected by the SQL layer with the reason.
 *
 * @example
 * ```ts
 * parsePriceCsv("date,AAPL,MSFT\n2024-01-02,185.64,\n", "prices.csv");
 * // => [{ source: "csv:prices.csv", line: 2, ticker: "AAPL", date: "2024-01-02", close: null, adjClose: 185.64, volume: null }]
 * ```
 * @throws DataError MALFORMED_ROWS naming each bad line (wrong number of fields,
 *   a date that is not ISO, a price that is not a number); UNKNOWN_LAYOUT for a
 *   header that is neither layout; EMPTY_FILE.
 * @throws InputError UNKNOWN_TICKER when the query names tickers not in the file.
 */
export function parsePriceCsv(text: string, fileName: string, query: PriceQuery = {}): RawPriceRow[] {
  const source = `csv:${fileName}`;
  validatePriceQuery(source, query);
  const records = parseCsv(text, fileName);
  if (records.length === 0) {
    throw new DataError("EMPTY_FILE", `${fileName}: the file is empty; expected a header line and price rows`, { file: fileName });
  }
  const header = records[0]!.fields.map((f) => f.trim());
  const layout = detectPriceLayout(header, fileName);
  const shapeProblems: string[] = [];
  const priceRecords: PriceRecord[] = [];
  for (const r of records.slice(1)) {
    if (r.fields.length !== header.length) {
      shapeProblems.push(`line ${r.line}: ${r.fields.length} field(s), the header has ${header.length}`);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, j) => (values[h] = r.fields[j]!));
    priceRecords.push({ line: r.line, values });
  }
  if (shapeProblems.length > 0) {
    throw new DataError(
      "MALFORMED_ROWS",
      `${source}: ${shapeProblems.length} malformed row(s); fix or delete them and load again:\n  ${shapeProblems.slice(0, 20).join("\n  ")}${shapeProblems.length > 20 ? `\n  … and ${shapeProblems.length - 20} more` : ""}`,
      { source, count: shapeProblems.length, problems: shapeProblems.slice(0, 20) },
    );
  }
  checkKnownTickers(source, query.tickers, tickersIn(priceRecords, layout));
  return recordsToRawPrices(priceRecords, layout, source, query);
}

/**
 * Reads a CSV price file (UTF-8) into raw rows; see {@link parsePriceCsv}.
 *
 * @example
 * ```ts
 * const rows = await loadCsvPrices("data/my-prices.csv", { tickers: ["AAPL"] });
 * ```
 * @throws DataError FILE_NOT_READABLE when the file cannot be read, and as {@link parsePriceCsv}.
 */
export async function loadCsvPrices(path: string, query: PriceQuery = {}): Promise<RawPriceRow[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new DataError("FILE_NOT_READABLE", `cannot read price file ${path}: ${(e as Error).message}`, { file: path }, { cause: e });
  }
  return parsePriceCsv(text, basename(path), query);
}

/**
 * A {@link MarketSource} over one CSV price file.
 *
 * @example
 * ```ts
 * const source = new CsvPriceSource("data/my-prices.csv");
 * const rows = await source.loadPrices({ start: "2020-01-01" });
 * ```
 */
export class CsvPriceSource implements MarketSource {
  readonly name: string;
  constructor(readonly path: string) {
    this.name = `csv:${basename(path)}`;
  }
  loadPrices(query: PriceQuery = {}): Promise<RawPriceRow[]> {
    return loadCsvPrices(this.path, query);
  }
}
