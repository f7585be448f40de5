/**
 * An analyst's decisions as marks for the review workbook, and as a table.
 */
import { table, type Table } from "../core/index";
import type { DecisionKind, Finding } from "./finding";
import type { DecisionMark } from "./mark-review-workbook";

/** What a mark says beside its finding and decision: a new value (for `adjust`), who decided and when. */
export interface MarkDetails {
  readonly newValue?: number | string | null;
  readonly reviewer?: string;
  /** An ISO date. */
  readonly reviewedOn?: string;
}

/**
 * The mark of one decision on one finding, as a list: one mark, or none when the finding is `undefined` (so a
 * notebook can spread the marks of findings a small market may lack). Fields not given are left out.
 *
 * @param decision `accept`, `exclude` or `adjust` (any other text is written as is, and refused when read back).
 * @example
 * ```ts
 * markFor(stale, "exclude", "vendor repeated the price", { reviewer: "analyst" });
 * // => [{ findingId: "stale-price/CMDX/2011-05-12", decision: "exclude", comment: "vendor repeated the price", reviewer: "analyst" }]
 * markFor(undefined, "exclude"); // => []
 * ```
 */
export function markFor(finding: Finding | undefined, decision: DecisionKind | string, comment?: string, details: MarkDetails = {}): DecisionMark[] {
  if (finding === undefined) return [];
  const given = Object.entries({ comment, ...details }).filter(([, v]) => v !== undefined);
  return [{ findingId: finding.id, decision, ...Object.fromEntries(given) }];
}

/**
 * The marks as a table: finding id, decision, comment (— where none).
 *
 * @example
 * ```ts
 * decisionMarksTable([...markFor(stale, "exclude", "vendor repeated the price")]); // one row
 * ```
 */
export function decisionMarksTable(marks: readonly DecisionMark[]): Table {
  const labels = marks.map((m) => m.findingId);
  const of = (value: (m: DecisionMark) => string | undefined) => Object.fromEntries(marks.map((m) => [m.findingId, value(m)]));
  return table({ decision: of((m) => m.decision), comment: of((m) => m.comment) }, { labels, labelName: "finding" });
}
