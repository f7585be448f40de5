/**
 * Applying a reviewed workbook: read and check every decision, look up the canonical values they
 * override, and record them all in the `decisions` table in one statement, or none.
 */
import { readFundamentals, type WorkbookDatabase } from "../data/index";
import type { Finding } from "./finding";
import { readPriceSeries } from "./price-series";
import { readWorkbookDecisions, type WorkbookDecision } from "./read-review-workbook";
import { recordDecisions, type NewDecision, type RecordedDecision } from "./recorded-decisions";

/** Options of {@link applyWorkbookDecisions}. */
export interface ApplyOptions {
  /** ISO timestamp recorded with the batch; default: now. */
  readonly appliedAt?: string;
  /** How the workbook is named in the record; default: the path given (or null for bytes). */
  readonly workbook?: string;
}

/**
 * The canonical value each decision overrides: the company-year's figure, or the adjusted close of
 * a one-day price target (`null` for a gap, a range or no target).
 *
 * @example
 * ```ts
 * (await withOldValues(db, decisions))[0].oldValue; // => 537.8
 * ```
 */
export async function withOldValues(db: WorkbookDatabase, decisions: readonly WorkbookDecision[]): Promise<NewDecision[]> {
  const yearTickers = [...new Set(decisions.filter((d) => d.finding.target.kind === "company-year").map((d) => d.finding.ticker))];
  const dayTickers = [...new Set(decisions.filter((d) => d.finding.target.kind === "price-days").map((d) => d.finding.ticker))];
  const rows = yearTickers.length > 0 ? await readFundamentals(db, { tickers: yearTickers }) : [];
  const series = dayTickers.length > 0 ? await readPriceSeries(db, dayTickers) : [];
  return decisions.map((d) => {
    const t = d.finding.target;
    let oldValue: number | null = null;
    if (t.kind === "company-year") {
      oldValue = rows.find((r) => r.ticker === d.finding.ticker && r.fiscalYear === t.fiscalYear)?.[t.field] ?? null;
    } else if (t.kind === "price-days" && t.from === t.to) {
      const s = series.find((x) => x.ticker === d.finding.ticker);
      const i = s ? s.dates.indexOf(t.from) : -1;
      oldValue = s && i >= 0 ? s.adjClose[i]! : null;
    }
    return {
      findingId: d.finding.id,
      check: d.finding.check,
      rule: d.finding.rule,
      ticker: d.finding.ticker,
      target: t,
      decision: d.decision,
      oldValue,
      newValue: d.newValue,
      comment: d.comment,
      reviewer: d.reviewer,
      reviewedOn: d.reviewedOn,
    };
  });
}

/**
 * Applies a reviewed workbook all-or-nothing: reads and checks every decision against the current
 * `findings` ({@link readWorkbookDecisions}: any problem refuses the whole workbook), then records
 * them with the values they override in the `decisions` table in one statement. The modelling set
 * ({@link readModellingSet}) then reflects them. Returns the recorded decisions (none when no row was decided).
 *
 * @example
 * ```ts
 * const recorded = await applyWorkbookDecisions(db, "build/validation/review-edited.xlsx", report.findings);
 * recorded.map((d) => d.decision); // => ["exclude", "adjust", "accept"]
 * ```
 * @throws DecisionSheetError naming each bad sheet, row and column (nothing recorded).
 * @throws InputError WORKBOOK_NOT_FOUND / BAD_WORKBOOK; DataError SQL_FAILED (nothing recorded).
 */
export async function applyWorkbookDecisions(
  db: WorkbookDatabase,
  source: string | Uint8Array,
  findings: readonly Finding[],
  options: ApplyOptions = {},
): Promise<RecordedDecision[]> {
  const decisions = await readWorkbookDecisions(source, findings);
  if (decisions.length === 0) return [];
  return recordDecisions(db, await withOldValues(db, decisions), {
    ...(options.appliedAt !== undefined ? { appliedAt: options.appliedAt } : {}),
    workbook: options.workbook ?? (typeof source === "string" ? source : null),
  });
}
