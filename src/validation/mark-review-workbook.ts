/**
 * Marking decisions in a review workbook from code: what an analyst does by hand in Excel, for
 * notebooks, tests and scripted reviews.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { InputError } from "../core/index";
import type { DecisionKind } from "./finding";
import { loadWorkbook } from "./read-review-workbook";
import { CHECK_SHEETS, findingColumn } from "./review-layout";

/**
 * One row to mark: the finding id and what to write in the analyst's columns. A raw `decision` or
 * `newValue` of any type can be given, to write wrong input on purpose (tests of the reader).
 *
 * @example
 * ```ts
 * const m: DecisionMark = { findingId: "stale-price/CMDX/2011-05-12", decision: "exclude", comment: "vendor repeated the price", reviewer: "ana", reviewedOn: "2024-06-07" };
 * ```
 */
export interface DecisionMark {
  readonly findingId: string;
  readonly decision: DecisionKind | string;
  readonly newValue?: number | string | null;
  readonly comment?: string;
  readonly reviewer?: string;
  /** An ISO date, written as a date cell. */
  readonly reviewedOn?: string;
}

/**
 * Copies a review workbook to `outputPath` with the marks written into the rows of their finding
 * ids (Decision, New value, Comment, Reviewer, Reviewed on), the way an analyst would in Excel.
 * Returns the path written. The input file is not changed.
 *
 * @example
 * ```ts
 * await markReviewWorkbook("build/validation/review.xlsx", "build/validation/review-edited.xlsx",
 *   [{ findingId: "stale-price/CMDX/2011-05-12", decision: "exclude" }]); // => "build/validation/review-edited.xlsx"
 * ```
 * @throws InputError FINDING_NOT_IN_WORKBOOK naming a finding id no sheet has; WORKBOOK_NOT_FOUND / BAD_WORKBOOK.
 */
export async function markReviewWorkbook(inputPath: string, outputPath: string, marks: readonly DecisionMark[]): Promise<string> {
  const wb = await loadWorkbook(inputPath);
  const rows = new Map<string, { sheet: string; row: number }>();
  for (const sheet of Object.values(CHECK_SHEETS)) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    ws.eachRow((row, r) => {
      const id = row.getCell(findingColumn("id").letter).value;
      if (r > 1 && typeof id === "string") rows.set(id, { sheet, row: r });
    });
  }
  for (const m of marks) {
    const at = rows.get(m.findingId);
    if (!at) throw new InputError("FINDING_NOT_IN_WORKBOOK", `markReviewWorkbook: no row of ${inputPath} has finding id ${JSON.stringify(m.findingId)}`, { findingId: m.findingId });
    const ws = wb.getWorksheet(at.sheet)!;
    const set = (key: Parameters<typeof findingColumn>[0], value: string | number | Date | null | undefined): void => {
      if (value !== undefined) ws.getCell(`${findingColumn(key).letter}${at.row}`).value = value;
    };
    set("decision", m.decision);
    set("newValue", m.newValue);
    set("comment", m.comment);
    set("reviewer", m.reviewer);
    set("reviewedOn", m.reviewedOn === undefined ? undefined : new Date(`${m.reviewedOn}T00:00:00Z`));
    if (m.reviewedOn !== undefined) ws.getCell(`${findingColumn("reviewedOn").letter}${at.row}`).numFmt = "yyyy-mm-dd";
  }
  await mkdir(dirname(outputPath), { recursive: true });
  await wb.xlsx.writeFile(outputPath);
  return outputPath;
}
