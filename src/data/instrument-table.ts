/**
 * The instruments of a market as a table a notebook shows: who each ticker is and when it listed.
 */
import { InputError, tableOfRows, type Table } from "../core/index";
import type { Instrument } from "./synthetic/index";

/** Options of {@link instrumentTable}. */
export interface InstrumentTableOptions {
  /** At most this many rows are shown when the table displays itself (default 50). */
  readonly maxRows?: number;
}

/**
 * One row per instrument, in the market's order: ticker, name, asset class, sector (empty for non-equities) and
 * listing date (ISO).
 *
 * @param instruments the instruments of a market (`generateMarket(…).instruments`, `universe.instruments`).
 * @example
 * ```ts
 * const t = instrumentTable(generateMarket({ seed: 7, years: 3, equityCount: 10 }).instruments, { maxRows: 12 });
 * t.columns;                     // => ["name", "asset class", "sector", "listed"]
 * t.at("STBX", "asset class");   // => "bond"
 * ```
 * @throws InputError EMPTY_TABLE when there are no instruments.
 */
export function instrumentTable(instruments: readonly Instrument[], options: InstrumentTableOptions = {}): Table {
  if (instruments.length === 0) {
    throw new InputError("EMPTY_TABLE", "instrumentTable: no instruments; pass a market's instruments (generateMarket(…).instruments)");
  }
  const rows = instruments.map((i) => ({ ticker: i.ticker, name: i.name, "asset class": i.assetClass, sector: i.sector ?? "", listed: i.listingDate }));
  return tableOfRows(rows, { units: { listed: "date" }, caption: `${instruments.length} instruments`, maxRows: options.maxRows });
}
