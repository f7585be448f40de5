/**
 * The user's own prices from a Parquet file (read with hyparquet), wide or
 * long, detected from the column names exactly as for CSV (see `price-layout.ts`).
 * `line` is the 1-based row number in the file. Date columns may be Parquet
 * DATE or TIMESTAMP (the UTC date is taken) or text in the accepted forms;
 * INT64 values (BigInt) are converted to numbers.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parquetMetadata, parquetReadObjects, parquetSchema } from "hyparquet";
import { DataError } from "../../core/index";
import type { RawPriceRow } from "../raw";
import { checkKnownTickers, validatePriceQuery, type MarketSource, type PriceQuery } from "./market-source";
import { detectPriceLayout, recordsToRawPrices, tickersIn, type PriceRecord } from "./price-layout";

/**
 * Reads a Parquet price file into raw rows.
 *
 * @example
 * ```ts
 * const rows = await loadParquetPrices("data/prices.parquet", { tickers: ["AAPL"], start: "2020-01-01" });
 * rows[0]; // => { source: "parquet:prices.parquet", line: 1, ticker: "AAPL", date: "2020-01-02", … }
 * ```
 * @throws DataError FILE_NOT_READABLE, CORRUPT_PARQUET (not a Parquet file),
 *   UNKNOWN_LAYOUT, MALFORMED_ROWS (named by row number).
 * @throws InputError UNKNOWN_TICKER when the query names tickers not in the file.
 */
export async function loadParquetPrices(path: string, query: PriceQuery = {}): Promise<RawPriceRow[]> {
  const fileName = basename(path);
  const source = `parquet:${fileName}`;
  validatePriceQuery(source, query);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new DataError("FILE_NOT_READABLE", `cannot read price file ${path}: ${(e as Error).message}`, { file: path }, { cause: e });
  }
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let columns: string[];
  let objects: Record<string, unknown>[];
  try {
    const metadata = parquetMetadata(file);
    columns = parquetSchema(metadata).children.map((c) => c.element.name);
    objects = await parquetReadObjects({ file, metadata });
  } catch (e) {
    throw new DataError(
      "CORRUPT_PARQUET",
      `${path} is not a readable Parquet file (${(e as Error).message}); check the file or export it again`,
      { file: path },
      { cause: e },
    );
  }
  const layout = detectPriceLayout(columns, fileName);
  const records: PriceRecord[] = objects.map((values, i) => ({ line: i + 1, values }));
  checkKnownTickers(source, query.tickers, tickersIn(records, layout));
  return recordsToRawPrices(records, layout, source, query);
}

/**
 * A {@link MarketSource} over one Parquet price file.
 *
 * @example
 * ```ts
 * const source = new ParquetPriceSource("data/prices.parquet");
 * const rows = await source.loadPrices();
 * ```
 */
export class ParquetPriceSource implements MarketSource {
  readonly name: string;
  constructor(readonly path: string) {
    this.name = `parquet:${basename(path)}`;
  }
  loadPrices(query: PriceQuery = {}): Promise<RawPriceRow[]> {
    return loadParquetPrices(this.path, query);
  }
}
