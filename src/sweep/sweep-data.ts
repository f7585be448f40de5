/**
 * The prices a sweep's backtests read: loaded once by the sweep, identified by a content hash, and shipped to
 * workers (over IPC or through Redis) as plain JSON.
 */
import { isAbsolute, resolve } from "node:path";
import { hashPriceTable } from "../backtest/index";
import { DataError, InputError, type DateTable } from "../core/index";
import { loadEmbeddedMarket, sources, sql } from "../data/index";
import type { SweepDataSpec } from "./sweep-spec";

/** A price table as JSON (no typed arrays; `null` for a missing price) and its content hash. */
export interface EncodedPrices {
  /** `hashPriceTable` of the table: the data version every job of the sweep records. */
  readonly hash: string;
  readonly dates: readonly string[];
  readonly tickers: readonly string[];
  readonly values: readonly (number | null)[];
}

/**
 * A price table as JSON, with its hash.
 *
 * @example
 * ```ts
 * encodePrices({ dates: ["2024-01-02"], tickers: ["A"], values: Float64Array.of(Number.NaN) }).values; // => [null]
 * ```
 */
export function encodePrices(table: DateTable): EncodedPrices {
  return { hash: hashPriceTable(table), dates: [...table.dates], tickers: [...table.tickers], values: Array.from(table.values, (v) => (Number.isNaN(v) ? null : v)) };
}

/**
 * The price table back from its JSON form, checked against its hash (a worker refuses data that is not what the
 * sweep hashed).
 *
 * @throws DataError DATA_HASH_MISMATCH when the decoded table does not hash to `hash`.
 * @example
 * ```ts
 * decodePrices(encodePrices(prices)).values.length; // => prices.values.length
 * ```
 */
export function decodePrices(encoded: EncodedPrices): DateTable {
  const table = { dates: encoded.dates, tickers: encoded.tickers, values: Float64Array.from(encoded.values, (v) => (v === null ? Number.NaN : v)) };
  const hash = hashPriceTable(table);
  if (hash !== encoded.hash) {
    throw new DataError("DATA_HASH_MISMATCH", `sweep worker: the prices received hash to ${hash}, not ${encoded.hash} as the sweep stated; the data was changed in transit or by another sweep`, { expected: encoded.hash, got: hash });
  }
  return table;
}

/**
 * Loads the prices a sweep's backtests read: the embedded synthetic market (same seed, same market) or a CSV
 * of prices (wide or long, through the canonical build; a file with rejected rows is refused).
 *
 * @param baseDir folder a relative CSV path is resolved against (the sweep file's).
 * @throws InputError BAD_DATA for a malformed data entry; DataError REJECTED_PRICES when the CSV has bad rows;
 *   as `loadEmbeddedMarket` and the CSV source.
 * @example
 * ```ts
 * (await loadSweepPrices({ market: { seed: 7, years: 2, equityCount: 5 } })).tickers.length; // => 10
 * ```
 */
export async function loadSweepPrices(spec: SweepDataSpec, baseDir = process.cwd()): Promise<DateTable> {
  if (typeof spec !== "object" || spec === null) throw new InputError("BAD_DATA", `sweep: data must be { "market": { seed, years, equityCount } } or { "prices": "FILE.csv" }`);
  if ("market" in spec) {
    const { seed, years, equityCount } = spec.market ?? {};
    const market = await loadEmbeddedMarket({ ...(seed === undefined ? {} : { seed }), ...(years === undefined ? {} : { years }), ...(equityCount === undefined ? {} : { equityCount }) });
    return market.prices;
  }
  if ("prices" in spec && typeof spec.prices === "string") {
    const file = isAbsolute(spec.prices) ? spec.prices : resolve(baseDir, spec.prices);
    const db = await sql.WorkbookDatabase.open(":memory:");
    try {
      await sql.buildFromSources(db, [new sources.CsvPriceSource(file)]);
      const rejects = await sql.readRejects(db, "raw_prices");
      if (rejects.length > 0) {
        const first = rejects[0]!;
        throw new DataError("REJECTED_PRICES", `sweep: ${file} has ${rejects.length} rejected price row(s), e.g. line ${first.line}: ${first.reason}; fix the file so every job reads the same, clean data`, { file, rejected: rejects.length });
      }
      return await sql.readPrices(db);
    } finally {
      db.close();
    }
  }
  throw new InputError("BAD_DATA", `sweep: data must be { "market": { seed, years, equityCount } } or { "prices": "FILE.csv" }, got ${JSON.stringify(spec)}`);
}
