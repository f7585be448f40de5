/**
 * The user's own prices from a CSV file, wide or long (see `price-layout.ts`
 * for the two layouts and which column is the price), read with DuckDB
 * (`csv-file.ts`).
 */
import { basename } from "node:path";
import { DataError } from "../../core/index";
import type { RawPriceRow } from "../raw";
import { readCsvFile } from "./csv-file";
import { checkKnownTickers, validatePriceQuery, type MarketSource, type PriceQuery } from "./market-source";
import { detectPriceLayout, recordsToRawPrices, tickersIn, type PriceRecord } from "./price-layout";

/**
 * Reads a CSV price file (UTF-8) into raw rows. `source` is `"csv:<file name>"`
 * and `line` the file's line number (the header is line 1; blank lines count).
 *
 * Dates: `YYYY-MM-DD` (also `YYYY/MM/DD` and ISO date-times, date part taken).
 * Prices: plain numbers in USD (or the file's currency), `.` for the decimal
 * point and no thousands separators; `NaN` and `inf` are read as such. Rows may
 * come in any order; duplicates are kept as raw rows for the SQL layer to merge.
 * Zero, negative, `NaN` or `inf` prices are kept as raw rows and rejected by the
 * SQL layer with the reason. A blank cell in the wide layout is no observation
 * (before a listing, say); a blank price in the long layout is a raw row with a
 * `null` price, rejected downstream with the reason.
 *
 * @example
 * ```ts
 * // prices.csv: "date,AAPL,MSFT\n2024-01-02,185.64,\n"
 * await loadCsvPrices("prices.csv");
 * // => [{ source: "csv:prices.csv", line: 2, ticker: "AAPL", date: "2024-01-02", close: null, adjClose: 185.64, volume: null }]
 * ```
 * @throws DataError FILE_NOT_READABLE when the file cannot be read; MALFORMED_ROWS naming each bad line with
 *   its reason (a wrong number of fields, text after a closing quote, bytes that are not UTF-8, a date that is
 *   not ISO, a price that is not a number); UNTERMINATED_QUOTE naming the line a quoted field that is never
 *   closed starts on; UNKNOWN_LAYOUT for a header that is neither layout; EMPTY_FILE; UNREADABLE_CSV when
 *   DuckDB cannot read the file at all (e.g. lines ending both in LF and CRLF).
 * @throws InputError UNKNOWN_TICKER when the query names tickers not in the file.
 */
export async function loadCsvPrices(path: string, query: PriceQuery = {}): Promise<RawPriceRow[]> {
  const fileName = basename(path);
  const source = `csv:${fileName}`;
  const { header, records, rejects } = await readCsvFile(path, { label: fileName, what: "price file" });
  validatePriceQuery(source, query);
  if (header === null) {
    throw new DataError("EMPTY_FILE", `${fileName}: the file is empty; expected a header line and price rows`, { file: fileName });
  }
  const columns = header.fields.map((f) => f.trim());
  const layout = detectPriceLayout(columns, fileName);
  const priceRecords: PriceRecord[] = records.map((r) => {
    const values: Record<string, string> = {};
    columns.forEach((c, j) => (values[c] = r.fields[j]!));
    return { line: r.line, values };
  });
  // With refused lines the file is refused whole (below), naming them, before any ticker is looked for.
  if (rejects.length === 0) checkKnownTickers(source, query.tickers, tickersIn(priceRecords, layout));
  return recordsToRawPrices(priceRecords, layout, source, query, rejects);
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
