/**
 * Reading the audit trail of a build: the raw rows rejected (with reasons) and
 * the raw rows merged into another (duplicates, superseded filings).
 */
import { InputError } from "../../core/index";
import type { WorkbookDatabase } from "./workbook-database";

/**
 * The name of a raw table, as recorded in `rejects` and `merges`.
 *
 * @example
 * ```ts
 * const table: RawTableName = "raw_prices";
 * ```
 */
export type RawTableName = "raw_prices" | "raw_fundamentals";

/**
 * A rejected raw row.
 *
 * @example
 * ```ts
 * const r: RejectRow = { tableName: "raw_prices", source: "csv:p.csv", line: 7, reason: "non-positive adjusted close (-3)",
 *   rawJson: '{"source":"csv:p.csv","line":7,…}', rowId: 6 };
 * ```
 */
export interface RejectRow {
  readonly tableName: RawTableName;
  readonly source: string | null;
  readonly line: number | null;
  readonly reason: string;
  /** The raw row as JSON (non-finite numbers as strings). */
  readonly rawJson: string;
  readonly rowId: number;
}

/**
 * A raw row merged into the row kept in its place.
 *
 * @example
 * ```ts
 * const m: MergeRow = { tableName: "raw_prices", source: "yahoo:AAPL", line: 3, keptSource: "csv:p.csv", keptLine: 9,
 *   reason: "exact duplicate of the kept row", rowId: 3, keptRowId: 40 };
 * ```
 */
export interface MergeRow {
  readonly tableName: RawTableName;
  readonly source: string | null;
  readonly line: number | null;
  readonly keptSource: string | null;
  readonly keptLine: number | null;
  readonly reason: string;
  readonly rowId: number;
  readonly keptRowId: number;
}

function checkTable(tableName: RawTableName | undefined): void {
  if (tableName !== undefined && tableName !== "raw_prices" && tableName !== "raw_fundamentals") {
    throw new InputError("UNKNOWN_TABLE", `table ${JSON.stringify(tableName)} is not a raw table; use "raw_prices" or "raw_fundamentals"`);
  }
}

/**
 * Rejected raw rows, in load order, optionally of one raw table.
 *
 * @example
 * ```ts
 * (await readRejects(db, "raw_prices")).map((r) => `${r.source}:${r.line} ${r.reason}`);
 * ```
 */
export async function readRejects(db: WorkbookDatabase, tableName?: RawTableName): Promise<RejectRow[]> {
  checkTable(tableName);
  const rows = await db.query<{ table_name: RawTableName; source: string | null; line: number | null; reason: string; raw_json: string; row_id: number }>(
    "select-rejects.sql",
    { table_name: tableName ?? null },
  );
  return rows.map((r) => ({ tableName: r.table_name, source: r.source, line: r.line, reason: r.reason, rawJson: r.raw_json, rowId: r.row_id }));
}

/**
 * Merged raw rows, in load order, optionally of one raw table.
 *
 * @example
 * ```ts
 * (await readMerges(db, "raw_fundamentals")).filter((m) => m.reason.includes("superseded"));
 * ```
 */
export async function readMerges(db: WorkbookDatabase, tableName?: RawTableName): Promise<MergeRow[]> {
  checkTable(tableName);
  const rows = await db.query<{
    table_name: RawTableName;
    source: string | null;
    line: number | null;
    kept_source: string | null;
    kept_line: number | null;
    reason: string;
    row_id: number;
    kept_row_id: number;
  }>("select-merges.sql", { table_name: tableName ?? null });
  return rows.map((r) => ({
    tableName: r.table_name,
    source: r.source,
    line: r.line,
    keptSource: r.kept_source,
    keptLine: r.kept_line,
    reason: r.reason,
    rowId: r.row_id,
    keptRowId: r.kept_row_id,
  }));
}

/** One line of {@link readAuditSummary}: how many raw rows were rejected or merged, and why. */
export interface AuditSummaryRow {
  readonly outcome: "rejected" | "merged";
  readonly tableName: RawTableName;
  /** The reason without its detail in parentheses, e.g. `"non-positive adjusted close"`. */
  readonly reason: string;
  readonly rows: number;
}

/**
 * Counts of rejected and merged raw rows by table and reason (`audit-summary.sql`).
 *
 * @example
 * ```ts
 * await readAuditSummary(db);
 * // => [{ outcome: "rejected", tableName: "raw_prices", reason: "non-positive adjusted close", rows: 12 }, …]
 * ```
 */
export async function readAuditSummary(db: WorkbookDatabase): Promise<AuditSummaryRow[]> {
  const rows = await db.query<{ outcome: "rejected" | "merged"; table_name: RawTableName; reason: string; rows: number }>("audit-summary.sql");
  return rows.map((r) => ({ outcome: r.outcome, tableName: r.table_name, reason: r.reason, rows: Number(r.rows) }));
}
