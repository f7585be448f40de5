/**
 * Reading an analyst's edited review workbook back: every decision checked against the current
 * findings before anything is applied.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { InputError } from "../core/index";
import { DECISION_KINDS, type CheckName, type DecisionKind, type Finding, type FindingTarget } from "./finding";
import { DecisionSheetError, type SheetProblem } from "./decision-sheet-error";
import { CHECK_SHEETS, FINDING_COLUMNS, findingColumn, type FindingColumn } from "./review-layout";

/**
 * One decision read from a review workbook, with the finding it is about and where it was.
 *
 * @example
 * ```ts
 * const d: WorkbookDecision = { finding, decision: "adjust", newValue: 1234.5, comment: "10-K/A figure",
 *   reviewer: "ana", reviewedOn: "2024-06-07", sheet: "Earnings", row: 7 };
 * ```
 */
export interface WorkbookDecision {
  readonly finding: Finding;
  readonly decision: DecisionKind;
  /** For `adjust`: the new value (USD millions for a company-year figure, USD for a price). */
  readonly newValue: number | null;
  readonly comment: string | null;
  readonly reviewer: string | null;
  /** ISO date. */
  readonly reviewedOn: string | null;
  readonly sheet: string;
  /** 1-based spreadsheet row. */
  readonly row: number;
}

type Cell = ExcelJS.CellValue;

function plain(v: Cell): Cell {
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) return (v as ExcelJS.CellFormulaValue).result === undefined ? v : ((v as ExcelJS.CellFormulaValue).result as Cell);
    if ("text" in v && "hyperlink" in v) return v.text;
  }
  return v;
}

function isBlank(v: Cell): boolean {
  const p = plain(v);
  return p === null || p === undefined || (typeof p === "string" && p.trim() === "");
}

function describe(v: Cell): string {
  const p = plain(v);
  if (p instanceof Date) return `the date ${p.toISOString().slice(0, 10)}`;
  if (typeof p === "string") return `the text ${JSON.stringify(p)}`;
  if (typeof p === "number") return `the number ${p}`;
  if (typeof p === "boolean") return `the boolean ${p}`;
  if (p && typeof p === "object" && "error" in p) return `the error ${String((p as ExcelJS.CellErrorValue).error)}`;
  if (p && typeof p === "object" && "formula" in p) return `a formula with no stored result (=${(p as ExcelJS.CellFormulaValue).formula})`;
  return "an unreadable value";
}

function asText(v: Cell): string | null | undefined {
  const p = plain(v);
  if (p === null || p === undefined) return null;
  if (typeof p === "string") return p.trim() === "" ? null : p.trim();
  if (typeof p === "number" || typeof p === "boolean") return String(p);
  return undefined;
}

function asIsoDate(v: Cell): string | null | undefined {
  const p = plain(v);
  if (p === null || p === undefined || (typeof p === "string" && p.trim() === "")) return null;
  if (p instanceof Date && !Number.isNaN(p.getTime())) return p.toISOString().slice(0, 10);
  if (typeof p === "string" && /^\d{4}-\d{2}-\d{2}$/.test(p.trim())) {
    const d = new Date(`${p.trim()}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === p.trim()) return p.trim();
  }
  return undefined;
}

function targetsOverlap(a: FindingTarget, b: FindingTarget): boolean {
  if (a.kind === "company-year" && b.kind === "company-year") return a.fiscalYear === b.fiscalYear;
  if (a.kind === "price-days" && b.kind === "price-days") return a.from <= b.to && b.from <= a.to;
  return false;
}

/**
 * Loads a workbook from a file path or the bytes of one.
 *
 * @example
 * ```ts
 * const wb = await loadWorkbook("build/validation/review.xlsx");
 * ```
 * @throws InputError WORKBOOK_NOT_FOUND for a missing file, BAD_WORKBOOK when it is not an .xlsx file.
 */
export async function loadWorkbook(source: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const name = typeof source === "string" ? source : "(workbook bytes)";
  let bytes: Uint8Array;
  if (typeof source === "string") {
    try {
      bytes = await readFile(source);
    } catch {
      throw new InputError("WORKBOOK_NOT_FOUND", `no review workbook at ${source}; write one with writeReviewWorkbook first`, { path: source });
    }
  } else bytes = source;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    // The zip reader's own message ends with a link to its documentation: keep only what went wrong.
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s*If it is, see\s+\S+/, "").replace(/\s*https?:\/\/\S+/g, "").trim();
    throw new InputError(
      "BAD_WORKBOOK",
      `${name} is not a readable .xlsx workbook (${reason}); open it in Excel and save it as an Excel Workbook (.xlsx), or write a new one with writeReviewWorkbook`,
      { path: name },
      { cause: e },
    );
  }
  return wb;
}

/**
 * The decisions marked in a review workbook, each checked against `findings` (the current run's):
 * every sheet of {@link CHECK_SHEETS} must be there with its headers; each row with a Decision must
 * carry the id of a current finding of that sheet (once), a decision in `accept` / `exclude` /
 * `adjust` that the finding allows, a New value only for `adjust` (then a number: typed or a
 * formula's stored result; a price > 0), text in Comment and Reviewer, a date in Reviewed on; and
 * no two decisions may exclude and adjust, or adjust differently, the same rows. Everything is
 * checked before anything is returned: one bad cell refuses the whole workbook.
 *
 * @example
 * ```ts
 * const decisions = await readWorkbookDecisions("build/validation/review-edited.xlsx", report.findings);
 * decisions.map((d) => `${d.finding.id} ${d.decision}`); // => ["stale-price/CMDX/2011-05-12 exclude", …]
 * ```
 * @throws DecisionSheetError listing every problem with its sheet, row and column (nothing applied).
 * @throws InputError WORKBOOK_NOT_FOUND / BAD_WORKBOOK when the file cannot be read.
 */
export async function readWorkbookDecisions(source: string | Uint8Array, findings: readonly Finding[]): Promise<WorkbookDecision[]> {
  const name = typeof source === "string" ? source : "(workbook bytes)";
  const wb = await loadWorkbook(source);
  const byId = new Map(findings.map((f) => [f.id, f]));
  const problems: SheetProblem[] = [];
  const out: WorkbookDecision[] = [];
  const seen = new Map<string, { sheet: string; row: number }>();
  const where = (c: FindingColumn): string => `${c.letter} (${c.header})`;
  for (const [check, sheet] of Object.entries(CHECK_SHEETS) as [CheckName, string][]) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) {
      problems.push({ code: "MISSING_SHEET", sheet, row: null, column: null, message: `the sheet is missing (the workbook has ${wb.worksheets.map((w) => w.name).join(", ") || "no sheets"}); use a workbook written by writeReviewWorkbook` });
      continue;
    }
    let headersOk = true;
    for (const c of FINDING_COLUMNS) {
      const h = asText(ws.getCell(`${c.letter}1`).value);
      if (h !== c.header) {
        headersOk = false;
        problems.push({ code: "BAD_HEADER", sheet, row: 1, column: where(c), message: `expected the header ${JSON.stringify(c.header)}, found ${describe(ws.getCell(`${c.letter}1`).value)}; do not move, rename or delete columns` });
      }
    }
    if (!headersOk) continue;
    const cell = (r: number, key: FindingColumn["key"]): Cell => ws.getCell(`${findingColumn(key).letter}${r}`).value;
    for (let r = 2; r <= ws.rowCount; r++) {
      const problem = (key: FindingColumn["key"], code: string, message: string): void => {
        problems.push({ code, sheet, row: r, column: where(findingColumn(key)), message });
      };
      const decisionCell = cell(r, "decision");
      const analystKeys = ["newValue", "comment", "reviewer", "reviewedOn"] as const;
      if (isBlank(decisionCell)) {
        if (!isBlank(cell(r, "newValue"))) problem("newValue", "VALUE_WITHOUT_DECISION", `a new value (${describe(cell(r, "newValue"))}) without a decision; choose adjust in column ${findingColumn("decision").letter} or clear the value`);
        continue;
      }
      const rawDecision = asText(decisionCell);
      const decision = rawDecision?.toLowerCase() as DecisionKind | undefined;
      if (!decision || !DECISION_KINDS.includes(decision)) {
        problem("decision", "UNKNOWN_DECISION", `unknown decision (${describe(decisionCell)}); use ${DECISION_KINDS.join(", ")}`);
        continue;
      }
      const id = asText(cell(r, "id"));
      if (!id) {
        problem("id", "MISSING_FINDING_ID", `a decision on a row without a finding id; keep column ${findingColumn("id").letter} as written`);
        continue;
      }
      const finding = byId.get(id);
      if (!finding || finding.check !== check) {
        problem("id", "UNKNOWN_FINDING", `finding ${JSON.stringify(id)} does not exist in the current checks (the data changed, or the row was edited); rerun the checks and review a fresh workbook`);
        continue;
      }
      const earlier = seen.get(id);
      if (earlier) {
        problem("id", "DUPLICATE_FINDING", `finding ${id} is decided twice (also on ${earlier.sheet} row ${earlier.row}); keep one row`);
        continue;
      }
      seen.set(id, { sheet, row: r });
      if (!finding.allowed.includes(decision)) {
        problem("decision", "DECISION_NOT_ALLOWED", `${decision} does not apply to ${finding.rule} findings; allowed: ${finding.allowed.join(", ")}`);
        continue;
      }
      const rawValue = plain(cell(r, "newValue"));
      let newValue: number | null = null;
      if (decision === "adjust") {
        if (typeof rawValue !== "number" || !Number.isFinite(rawValue)) {
          problem("newValue", isBlank(cell(r, "newValue")) ? "MISSING_VALUE" : "BAD_VALUE", `adjust needs a number in New value, found ${isBlank(cell(r, "newValue")) ? "nothing" : describe(cell(r, "newValue"))}`);
          continue;
        }
        if (finding.target.kind === "price-days" && !(rawValue > 0)) {
          problem("newValue", "BAD_VALUE", `a price must be > 0, found ${rawValue}`);
          continue;
        }
        newValue = rawValue;
      } else if (!isBlank(cell(r, "newValue"))) {
        problem("newValue", "VALUE_WITHOUT_ADJUST", `a new value (${describe(cell(r, "newValue"))}) with decision ${decision}; only adjust takes a value: clear it or choose adjust`);
        continue;
      }
      const texts: Partial<Record<(typeof analystKeys)[number], string | null>> = {};
      let bad = false;
      for (const key of ["comment", "reviewer"] as const) {
        const t = asText(cell(r, key));
        if (t === undefined) {
          problem(key, "BAD_TEXT", `expected text, found ${describe(cell(r, key))}`);
          bad = true;
        } else texts[key] = t;
      }
      const reviewedOn = asIsoDate(cell(r, "reviewedOn"));
      if (reviewedOn === undefined) {
        problem("reviewedOn", "BAD_DATE", `expected a date (a date cell or text YYYY-MM-DD), found ${describe(cell(r, "reviewedOn"))}`);
        bad = true;
      }
      if (bad) continue;
      out.push({ finding, decision, newValue, comment: texts.comment ?? null, reviewer: texts.reviewer ?? null, reviewedOn: reviewedOn ?? null, sheet, row: r });
    }
  }
  const changing = out.filter((d) => d.decision !== "accept");
  for (let i = 0; i < changing.length; i++) {
    for (let j = i + 1; j < changing.length; j++) {
      const a = changing[i]!;
      const b = changing[j]!;
      if (a.finding.ticker !== b.finding.ticker || !targetsOverlap(a.finding.target, b.finding.target)) continue;
      const sameField = a.finding.target.kind !== "company-year" || b.finding.target.kind !== "company-year" || a.finding.target.field === b.finding.target.field;
      const conflict = a.decision !== b.decision ? a.decision === "exclude" || b.decision === "exclude" : a.decision === "adjust" && sameField && a.newValue !== b.newValue;
      if (conflict) {
        problems.push({
          code: "CONFLICTING_DECISIONS",
          sheet: b.sheet,
          row: b.row,
          column: where(findingColumn("decision")),
          message: `${b.decision} ${b.finding.id} conflicts with ${a.decision} ${a.finding.id} (${a.sheet} row ${a.row}) on the same data; decide once (e.g. accept one of them)`,
        });
      }
    }
  }
  if (problems.length > 0) throw new DecisionSheetError(problems, name);
  return out;
}
