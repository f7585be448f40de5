/**
 * Accounting for every raw row: raw = canonical + merged + rejected, per raw table.
 */
import { DataError } from "../../core/index";
import type { WorkbookDatabase } from "./workbook-database";

/**
 * One line of the reconciliation (see `queries/reconciliation.sql`).
 *
 * @example
 * ```ts
 * const r: ReconciliationRow = { tableName: "raw_prices", canonicalTable: "prices", rawRows: 10, canonicalRows: 7,
 *   mergedRows: 2, rejectedRows: 1, accountedRows: 10, balanced: true };
 * ```
 */
export interface ReconciliationRow {
  /** `"raw_prices"` or `"raw_fundamentals"`. */
  readonly tableName: string;
  /** `"prices"` or `"fundamentals"`. */
  readonly canonicalTable: string;
  readonly rawRows: number;
  readonly canonicalRows: number;
  readonly mergedRows: number;
  readonly rejectedRows: number;
  /** Distinct raw rows found in one of the three outcomes. */
  readonly accountedRows: number;
  /** `rawRows = canonicalRows + mergedRows + rejectedRows` and every raw row accounted once. */
  readonly balanced: boolean;
}

interface ReconciliationSqlRow {
  table_name: string;
  canonical_table: string;
  raw_rows: number;
  canonical_rows: number;
  merged_rows: number;
  rejected_rows: number;
  accounted_rows: number;
  balanced: boolean;
}

/**
 * Runs `reconciliation.sql`: one row per raw table.
 *
 * @example
 * ```ts
 * await reconcile(db);
 * // => [{ tableName: "raw_prices", rawRows: 225_000, canonicalRows: 224_100, mergedRows: 600, rejectedRows: 300, balanced: true, … }, …]
 * ```
 */
export async function reconcile(db: WorkbookDatabase): Promise<ReconciliationRow[]> {
  const rows = await db.query<ReconciliationSqlRow>("reconciliation.sql");
  return rows.map((r) => ({
    tableName: r.table_name,
    canonicalTable: r.canonical_table,
    rawRows: r.raw_rows,
    canonicalRows: r.canonical_rows,
    mergedRows: r.merged_rows,
    rejectedRows: r.rejected_rows,
    accountedRows: r.accounted_rows,
    balanced: r.balanced,
  }));
}

/**
 * Reconciles and throws unless every raw table balances.
 *
 * @example
 * ```ts
 * await assertReconciled(db); // returns the rows when raw = canonical + merged + rejected everywhere
 * ```
 * @throws DataError UNRECONCILED naming each table that does not add up, with its counts.
 */
export async function assertReconciled(db: WorkbookDatabase): Promise<ReconciliationRow[]> {
  const rows = await reconcile(db);
  const bad = rows.filter((r) => !r.balanced);
  if (bad.length > 0) {
    const lines = bad.map(
      (r) =>
        `${r.tableName}: ${r.rawRows} raw rows but ${r.canonicalRows} canonical + ${r.mergedRows} merged + ${r.rejectedRows} rejected = ${
          r.canonicalRows + r.mergedRows + r.rejectedRows
        } (${r.accountedRows} distinct raw rows accounted for)`,
    );
    throw new DataError("UNRECONCILED", `reconciliation failed; the build lost or double-counted rows:\n  ${lines.join("\n  ")}`, { rows: bad });
  }
  return rows;
}
