/**
 * The `decisions` table: every applied analyst decision, with who, when, the old and the new
 * value, so a later run can show what was overridden and why.
 */
import { InputError } from "../core/index";
import type { WorkbookDatabase } from "../data/index";
import type { CheckName, DecisionKind, FindingTarget, FundamentalField } from "./finding";

/**
 * A decision ready to record: the finding it is about (id, rule, ticker, target), the decision,
 * the canonical value it overrides and the analyst's new value, comment, name and date.
 *
 * @example
 * ```ts
 * const d: NewDecision = { findingId: "stale-price/CMDX/2011-05-12", check: "prices", rule: "stale-price", ticker: "CMDX",
 *   target: { kind: "price-days", from: "2011-05-12", to: "2011-05-19" }, decision: "exclude", oldValue: null, newValue: null,
 *   comment: "vendor repeated the price", reviewer: "ana", reviewedOn: "2024-06-07" };
 * ```
 */
export interface NewDecision {
  readonly findingId: string;
  readonly check: CheckName;
  readonly rule: string;
  readonly ticker: string;
  readonly target: FindingTarget;
  readonly decision: DecisionKind;
  /** The canonical value the decision overrides (company-year field, or the price of a single day), else `null`. */
  readonly oldValue: number | null;
  /** The replacement value, for `adjust` only (USD millions, or USD for a price). */
  readonly newValue: number | null;
  readonly comment: string | null;
  readonly reviewer: string | null;
  /** ISO date the analyst gave, or `null`. */
  readonly reviewedOn: string | null;
}

/**
 * A decision as stored in the `decisions` table.
 *
 * @example
 * ```ts
 * const r: RecordedDecision = { ...newDecision, decisionId: 1, batchId: "2024-06-07T10:00:00.000Z review.xlsx",
 *   appliedAt: "2024-06-07T10:00:00.000Z", workbook: "review.xlsx" };
 * ```
 */
export interface RecordedDecision extends NewDecision {
  readonly decisionId: number;
  readonly batchId: string;
  readonly appliedAt: string;
  readonly workbook: string | null;
}

interface SqlRow {
  decision_id: number;
  batch_id: string;
  finding_id: string;
  check_name: CheckName;
  rule: string;
  ticker: string;
  target: FindingTarget["kind"];
  fiscal_year: number | null;
  field: FundamentalField | null;
  date_from: string | null;
  date_to: string | null;
  decision: DecisionKind;
  old_value: number | null;
  new_value: number | null;
  comment: string | null;
  reviewer: string | null;
  reviewed_on: string | null;
  applied_at: string;
  workbook: string | null;
}

/**
 * Creates the `decisions` table if it does not exist (`decisions-schema.sql`); existing decisions are kept.
 *
 * @example
 * ```ts
 * await ensureDecisionsTable(db);
 * ```
 */
export async function ensureDecisionsTable(db: WorkbookDatabase): Promise<void> {
  await db.run("decisions-schema.sql");
}

function targetColumns(t: FindingTarget): { target: string; fiscal_year: number | null; field: string | null; date_from: string | null; date_to: string | null } {
  if (t.kind === "company-year") return { target: t.kind, fiscal_year: t.fiscalYear, field: t.field, date_from: null, date_to: null };
  if (t.kind === "price-days") return { target: t.kind, fiscal_year: null, field: null, date_from: t.from, date_to: t.to };
  return { target: t.kind, fiscal_year: null, field: null, date_from: null, date_to: null };
}

/**
 * Records a batch of decisions in one statement (`decisions-insert.sql`): all rows are stored, or
 * none when any breaks the table's rules. Creates the table if needed. Returns the stored rows.
 *
 * @example
 * ```ts
 * const stored = await recordDecisions(db, [decision], { appliedAt: "2024-06-07T10:00:00.000Z", workbook: "review.xlsx" });
 * stored[0].decisionId; // => 1
 * ```
 * @throws InputError EMPTY_INPUT for no decisions, BAD_APPLIED_AT for a time that is not ISO.
 * @throws DataError SQL_FAILED (nothing stored) when a row breaks a rule, e.g. `adjust` without a finite new value.
 */
export async function recordDecisions(
  db: WorkbookDatabase,
  decisions: readonly NewDecision[],
  options: { readonly appliedAt?: string; readonly workbook?: string | null } = {},
): Promise<RecordedDecision[]> {
  if (decisions.length === 0) throw new InputError("EMPTY_INPUT", "recordDecisions: no decisions to record; mark at least one row of the workbook");
  const appliedAt = options.appliedAt ?? new Date().toISOString();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(appliedAt)) {
    throw new InputError("BAD_APPLIED_AT", `recordDecisions: appliedAt ${JSON.stringify(appliedAt)} is not an ISO timestamp like 2024-06-07T10:00:00.000Z`);
  }
  const workbook = options.workbook ?? null;
  const batchId = `${appliedAt} ${workbook ?? "(no workbook)"}`;
  const rows = decisions.map((d) => ({
    finding_id: d.findingId,
    check_name: d.check,
    rule: d.rule,
    ticker: d.ticker,
    ...targetColumns(d.target),
    decision: d.decision,
    old_value: d.oldValue,
    new_value: d.newValue,
    comment: d.comment,
    reviewer: d.reviewer,
    reviewed_on: d.reviewedOn,
  }));
  await ensureDecisionsTable(db);
  await db.run("decisions-insert.sql", { decisions: JSON.stringify(rows), batch_id: batchId, applied_at: appliedAt, workbook });
  return readRecordedDecisions(db, { batchId });
}

function toDecision(r: SqlRow): RecordedDecision {
  const target: FindingTarget =
    r.target === "company-year"
      ? { kind: "company-year", fiscalYear: r.fiscal_year!, field: r.field! }
      : r.target === "price-days"
        ? { kind: "price-days", from: r.date_from!, to: r.date_to! }
        : { kind: "none" };
  return {
    decisionId: r.decision_id,
    batchId: r.batch_id,
    findingId: r.finding_id,
    check: r.check_name,
    rule: r.rule,
    ticker: r.ticker,
    target,
    decision: r.decision,
    oldValue: r.old_value,
    newValue: r.new_value,
    comment: r.comment,
    reviewer: r.reviewer,
    reviewedOn: r.reviewed_on,
    appliedAt: r.applied_at,
    workbook: r.workbook,
  };
}

/**
 * Recorded decisions in the order applied (`decisions-select.sql`): all of them, only those in
 * force (`currentOnly`: the latest per finding), or one batch. An empty list when none were recorded.
 *
 * @example
 * ```ts
 * (await readRecordedDecisions(db, { currentOnly: true })).map((d) => `${d.findingId}: ${d.decision}`);
 * // => ["stale-price/CMDX/2011-05-12: exclude", …]
 * ```
 */
export async function readRecordedDecisions(
  db: WorkbookDatabase,
  options: { readonly currentOnly?: boolean; readonly batchId?: string } = {},
): Promise<RecordedDecision[]> {
  await ensureDecisionsTable(db);
  const rows = await db.query<SqlRow>("decisions-select.sql", { current_only: options.currentOnly ?? false, batch_id: options.batchId ?? null });
  return rows.map(toDecision);
}
