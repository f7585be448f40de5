/**
 * Building the canonical tables (`prices`, `fundamentals`, with `rejects` and
 * `merges`) from raw rows or from any {@link MarketSource}s.
 */
import { InputError } from "../../core/index";
import type { RawFundamentalRow, RawPriceRow, TickerChange } from "../raw";
import type { MarketSource, PriceQuery } from "../sources/market-source";
import { appendRawFundamentals, appendRawPrices, appendTickerChanges } from "./raw-tables";
import { assertReconciled, type ReconciliationRow } from "./reconciliation";
import type { WorkbookDatabase } from "./workbook-database";

/**
 * Everything a build starts from.
 *
 * @example
 * ```ts
 * const input: CanonicalInput = { prices: rawPrices, fundamentals: rawFilings,
 *   tickerChanges: [{ oldTicker: "FBX", newTicker: "MTAX", effectiveDate: "2021-10-28" }] };
 * ```
 */
export interface CanonicalInput {
  readonly prices?: readonly RawPriceRow[];
  readonly fundamentals?: readonly RawFundamentalRow[];
  readonly tickerChanges?: readonly TickerChange[];
}

/**
 * What a build did: the reconciliation (always balanced, else the build throws)
 * and how long each step took, in milliseconds.
 *
 * @example
 * ```ts
 * report.timingsMs.total; // => 1450
 * report.reconciliation[0].canonicalRows; // => 224_100
 * ```
 */
export interface BuildReport {
  readonly reconciliation: readonly ReconciliationRow[];
  readonly timingsMs: {
    /** Resetting the schema and bulk-loading raw rows. */
    readonly load: number;
    readonly prices: number;
    readonly fundamentals: number;
    readonly reconcile: number;
    readonly total: number;
  };
}

/**
 * Replaces every table of the database with a fresh build from `input`:
 * resets the schema, bulk-loads the raw rows, builds `prices` and
 * `fundamentals` (rules in `queries/build-prices.sql` and
 * `queries/build-fundamentals.sql`), and checks the reconciliation.
 * The input arrays are only read. Run one build at a time per database (the
 * build scripts use temporary tables of fixed names).
 *
 * @example
 * ```ts
 * const db = await WorkbookDatabase.open();
 * const report = await buildCanonicalData(db, { prices: rows });
 * report.reconciliation[0].balanced; // => true
 * ```
 * @throws InputError BAD_RAW_ROW / BAD_TICKER_CHANGE for mistyped input.
 * @throws DataError UNRECONCILED if rows were lost (a bug), SQL_FAILED naming the .sql file.
 */
export async function buildCanonicalData(db: WorkbookDatabase, input: CanonicalInput): Promise<BuildReport> {
  if (input === null || typeof input !== "object") {
    throw new InputError("BAD_INPUT", "buildCanonicalData: pass { prices?, fundamentals?, tickerChanges? }");
  }
  const t0 = performance.now();
  await db.run("schema.sql");
  await appendRawPrices(db, input.prices ?? []);
  await appendRawFundamentals(db, input.fundamentals ?? []);
  await appendTickerChanges(db, input.tickerChanges ?? []);
  await db.run("ticker-resolution.sql");
  const t1 = performance.now();
  await db.run("build-prices.sql");
  const t2 = performance.now();
  await db.run("build-fundamentals.sql");
  const t3 = performance.now();
  const reconciliation = await assertReconciled(db);
  const t4 = performance.now();
  return {
    reconciliation,
    timingsMs: { load: t1 - t0, prices: t2 - t1, fundamentals: t3 - t2, reconcile: t4 - t3, total: t4 - t0 },
  };
}

/**
 * Loads raw rows from several sources (in order: on a conflicting duplicate the
 * later source wins) for one query. Sources without fundamentals contribute prices only.
 *
 * @example
 * ```ts
 * const input = await loadFromSources([new VegaDatasetsSource("stocks"), new CsvPriceSource("data/mine.csv")], { start: "2005-01-01" });
 * ```
 * @throws whatever the sources throw (InputError, DataError, SourceError), unchanged.
 */
export async function loadFromSources(
  sources: readonly MarketSource[],
  query: PriceQuery = {},
  options: { readonly fundamentals?: boolean; readonly tickerChanges?: readonly TickerChange[] } = {},
): Promise<CanonicalInput> {
  if (!Array.isArray(sources) || sources.length === 0) {
    throw new InputError("NO_SOURCES", "loadFromSources: pass at least one MarketSource");
  }
  const prices: RawPriceRow[] = [];
  const fundamentals: RawFundamentalRow[] = [];
  for (const source of sources) {
    for (const row of await source.loadPrices(query)) prices.push(row);
    if (options.fundamentals !== false && source.loadFundamentals) {
      for (const row of await source.loadFundamentals(query)) fundamentals.push(row);
    }
  }
  return { prices, fundamentals, tickerChanges: options.tickerChanges ?? [] };
}

/**
 * {@link loadFromSources} then {@link buildCanonicalData}.
 *
 * @example
 * ```ts
 * const report = await buildFromSources(db, [new VegaDatasetsSource("sp500-2000")]);
 * ```
 */
export async function buildFromSources(
  db: WorkbookDatabase,
  sources: readonly MarketSource[],
  query: PriceQuery = {},
  options: { readonly fundamentals?: boolean; readonly tickerChanges?: readonly TickerChange[] } = {},
): Promise<BuildReport> {
  return buildCanonicalData(db, await loadFromSources(sources, query, options));
}
