/**
 * The error a review workbook raises when its decisions cannot be applied: every problem found,
 * each naming the sheet, row and column, so the analyst can fix them all in one pass.
 */
import { DataError } from "../core/index";

/**
 * One problem in a review workbook. `row` is the 1-based spreadsheet row and `column` its letter
 * with the header (e.g. `"J (Decision)"`); both `null` when the problem is the sheet itself.
 *
 * @example
 * ```ts
 * const p: SheetProblem = { code: "UNKNOWN_DECISION", sheet: "Earnings", row: 5, column: "J (Decision)",
 *   message: 'unknown decision "delete"; use accept, exclude or adjust' };
 * ```
 */
export interface SheetProblem {
  readonly code: string;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

/**
 * Where a problem is, as a reader says it: `sheet Earnings, row 5, column J (Decision)`.
 *
 * @example
 * ```ts
 * problemLocation({ code: "X", sheet: "Prices", row: null, column: null, message: "" }); // => "sheet Prices"
 * ```
 */
export function problemLocation(p: SheetProblem): string {
  return [`sheet ${p.sheet}`, ...(p.row !== null ? [`row ${p.row}`] : []), ...(p.column !== null ? [`column ${p.column}`] : [])].join(", ");
}

/**
 * A review workbook whose decisions were refused, all of them: nothing was applied. `problems`
 * lists each one; `code` is the first problem's code.
 *
 * @example
 * ```ts
 * try { await applyWorkbookDecisions(db, "build/review.xlsx", report.findings); }
 * catch (e) { if (e instanceof DecisionSheetError) console.log(e.problems[0].sheet, e.problems[0].row); }
 * // => "Earnings" 5
 * ```
 */
export class DecisionSheetError extends DataError {
  readonly problems: readonly SheetProblem[];

  constructor(problems: readonly SheetProblem[], workbook: string) {
    const shown = problems.slice(0, 20).map((p) => `  - ${problemLocation(p)}: ${p.message}`);
    const more = problems.length > 20 ? [`  - … and ${problems.length - 20} more`] : [];
    super(
      problems[0]?.code ?? "INVALID_DECISIONS",
      `review workbook ${workbook}: ${problems.length} problem${problems.length === 1 ? "" : "s"}, so no decision was applied; fix ${problems.length === 1 ? "it" : "them"} and apply again:\n${[...shown, ...more].join("\n")}`,
      { workbook, problems: problems.length },
    );
    this.problems = Object.freeze([...problems]);
  }
}
