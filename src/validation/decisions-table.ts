/**
 * Recorded decisions as a table: what the analyst decided, on which finding, by whom and when.
 */
import { table, type Table } from "../core/index";
import type { NewDecision } from "./recorded-decisions";

/**
 * One row per recorded decision, labelled by its finding id: the decision, the canonical value it overrides and the
 * new one (— where none), the reviewer, the date of review and the comment.
 *
 * @example
 * ```ts
 * const recorded = await applyWorkbookDecisions(db, editedPath, report.findings);
 * decisionsTable(recorded).at("stale-price/CMDX/2011-05-12", "decision"); // => "exclude"
 * ```
 */
export function decisionsTable(decisions: readonly NewDecision[]): Table {
  const labels = decisions.map((d) => d.findingId);
  const of = <T>(value: (d: NewDecision) => T) => Object.fromEntries(decisions.map((d) => [d.findingId, value(d)]));
  return table(
    {
      decision: of((d) => d.decision),
      "old value": of((d) => d.oldValue ?? Number.NaN),
      "new value": of((d) => d.newValue ?? Number.NaN),
      reviewer: of((d) => d.reviewer ?? undefined),
      "reviewed on": of((d) => d.reviewedOn ?? undefined),
      comment: of((d) => d.comment ?? undefined),
    },
    { labels, labelName: "finding", units: { "reviewed on": "date" } },
  );
}
