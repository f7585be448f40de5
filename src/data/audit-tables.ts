/**
 * The canonical build's audit as tables: the reconciliation (every raw row accounted for) and why rows were
 * rejected or merged.
 */
import { tableOfRows, type Table } from "../core/index";
import type { AuditSummaryRow } from "./sql/audit-log";
import type { ReconciliationRow } from "./sql/reconciliation";

/**
 * One row per raw table: raw rows = canonical + merged + rejected, and whether it balances.
 *
 * @example
 * ```ts
 * const build = await sql.buildCanonicalData(db, rawFeeds(market));
 * reconciliationTable(build.reconciliation).column("raw rows").get("raw_prices"); // => e.g. 196,734
 * ```
 * @throws InputError EMPTY_TABLE when there are no rows.
 */
export function reconciliationTable(rows: readonly ReconciliationRow[]): Table {
  const shown = rows.map((r) => ({
    "raw table": r.tableName,
    "canonical table": r.canonicalTable,
    "raw rows": r.rawRows,
    canonical: r.canonicalRows,
    merged: r.mergedRows,
    rejected: r.rejectedRows,
    accounted: r.accountedRows,
    balanced: r.balanced ? "yes" : "no",
  }));
  const units = { "raw rows": "count", canonical: "count", merged: "count", rejected: "count", accounted: "count" } as const;
  return tableOfRows(shown, { units });
}

/**
 * Rejected and merged raw rows counted by outcome, table and reason (`sql.readAuditSummary`).
 *
 * @example
 * ```ts
 * auditSummaryTable(await sql.readAuditSummary(db)); // displays "rejected  raw_prices  non-positive adjusted close  6", …
 * ```
 * @throws InputError EMPTY_TABLE when there are no rows (nothing was rejected or merged).
 */
export function auditSummaryTable(rows: readonly AuditSummaryRow[]): Table {
  const shown = rows.map((r) => ({ outcome: r.outcome, "raw table": r.tableName, reason: r.reason, rows: r.rows }));
  return tableOfRows(shown, { units: { rows: "count" } });
}
