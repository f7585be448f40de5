import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError, InputError } from "../../src/core/errors";
import { DecisionSheetError, applyWorkbookDecisions, markReviewWorkbook, readModellingSet, readRecordedDecisions, readWorkbookDecisions, writeReviewWorkbook, type DecisionMark } from "../../src/validation";
import { smallMarket, type SmallMarket } from "../fixtures/validation/small-market";

let m: SmallMarket;
let dir: string;
let path: string;
beforeAll(async () => {
  m = await smallMarket();
  dir = await mkdtemp(join(tmpdir(), "review-bad-"));
  path = await writeReviewWorkbook(m.report, join(dir, "review.xlsx"));
});
afterAll(async () => {
  m.db.close();
  await rm(dir, { recursive: true, force: true });
});

const rowOf = async (file: string, id: string): Promise<{ sheet: string; row: number }> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets) {
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === id) return { sheet: ws.name, row: r };
  }
  throw new Error(`no row for ${id}`);
};

async function refused(marks: readonly DecisionMark[], name: string): Promise<DecisionSheetError> {
  const file = await markReviewWorkbook(path, join(dir, name), marks);
  const before = await readRecordedDecisions(m.db);
  const error = await applyWorkbookDecisions(m.db, file, m.report.findings).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DecisionSheetError);
  expect(error).toBeInstanceOf(DataError);
  expect(await readRecordedDecisions(m.db)).toEqual(before); // nothing applied
  return error as DecisionSheetError;
}

describe("reading decisions back refuses bad input, naming sheet, row and column, and applies nothing", () => {
  it("an unknown decision, even next to good ones (all or nothing)", async () => {
    const stale = m.report.findings.find((f) => f.rule === "stale-price")!;
    const restated = m.report.findings.find((f) => f.rule === "restatement")!;
    const e = await refused([
      { findingId: restated.id, decision: "exclude" },
      { findingId: stale.id, decision: "delete" },
    ], "unknown.xlsx");
    const at = await rowOf(path, stale.id);
    expect(e.problems).toEqual([{ code: "UNKNOWN_DECISION", sheet: at.sheet, row: at.row, column: "J (Decision)", message: 'unknown decision (the text "delete"); use accept, exclude, adjust' }]);
    expect(e.message).toContain(`sheet ${at.sheet}, row ${at.row}, column J (Decision)`);
    expect(e.message).toContain("no decision was applied");
    expect((await readModellingSet(m.db)).fundamentals.length).toBe(m.input.fundamentals.length);
  });

  it("a value of the wrong type, a missing value, a value without adjust, a bad date", async () => {
    const gap = m.report.findings.find((f) => f.rule === "price-gap" && f.allowed.includes("adjust"))!;
    const restated = m.report.findings.find((f) => f.rule === "restatement")!;
    const stale = m.report.findings.find((f) => f.rule === "stale-price")!;
    const split = m.report.findings.find((f) => f.rule === "unadjusted-split")!;
    const e = await refused([
      { findingId: gap.id, decision: "adjust", newValue: "about 50" },
      { findingId: restated.id, decision: "adjust" },
      { findingId: stale.id, decision: "exclude", newValue: 3 },
      { findingId: split.id, decision: "accept", reviewer: "ana" },
    ], "types.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "types.xlsx"));
    expect(e.problems.map((p) => [p.code, p.column]).sort()).toEqual([
      ["BAD_VALUE", "K (New value)"],
      ["MISSING_VALUE", "K (New value)"],
      ["VALUE_WITHOUT_ADJUST", "K (New value)"],
    ].sort());
    expect(e.problems.find((p) => p.code === "BAD_VALUE")!.message).toBe('adjust needs a number in New value, found the text "about 50"');
    const dated = await markReviewWorkbook(path, join(dir, "date.xlsx"), [{ findingId: split.id, decision: "accept" }]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(dated);
    const at = await rowOf(dated, split.id);
    wb2.getWorksheet(at.sheet)!.getCell(`N${at.row}`).value = "last Tuesday";
    await wb2.xlsx.writeFile(dated);
    await expect(readWorkbookDecisions(dated, m.report.findings)).rejects.toThrow(`sheet ${at.sheet}, row ${at.row}, column N (Reviewed on): expected a date`);
  });

  it("a decision on a row that no longer exists, or one the finding does not allow", async () => {
    const stale = m.report.findings.find((f) => f.rule === "stale-price")!;
    const missing = m.report.findings.find((f) => f.rule === "missing-year")!;
    const file = await markReviewWorkbook(path, join(dir, "gone.xlsx"), [{ findingId: stale.id, decision: "exclude" }, { findingId: missing.id, decision: "exclude" }]);
    const current = m.report.findings.filter((f) => f.id !== stale.id); // the data changed: the stale run is gone
    const e = await readWorkbookDecisions(file, current).then(() => undefined, (x: unknown) => x as DecisionSheetError);
    expect(e!.problems.map((p) => [p.code, p.column])).toEqual([
      ["DECISION_NOT_ALLOWED", "J (Decision)"],
      ["UNKNOWN_FINDING", "A (Finding id)"],
    ]);
    expect(e!.problems[1]!.message).toMatch(/does not exist in the current checks/);
  });

  it("a missing sheet, a moved column, a non-positive price", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.removeWorksheet(wb.getWorksheet("Prices")!.id);
    wb.getWorksheet("Earnings")!.getCell("K1").value = "Value (new)";
    const broken = join(dir, "broken.xlsx");
    await wb.xlsx.writeFile(broken);
    const e = await readWorkbookDecisions(broken, m.report.findings).then(() => undefined, (x: unknown) => x as DecisionSheetError);
    expect(e!.problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ["BAD_HEADER", "Earnings", 1, "K (New value)"],
      ["MISSING_SHEET", "Prices", null, null],
    ]);

    const gap = m.report.findings.find((f) => f.rule === "price-gap" && f.allowed.includes("adjust"))!;
    const text = await markReviewWorkbook(path, join(dir, "text.xlsx"), [{ findingId: gap.id, decision: "adjust", newValue: -3 }]);
    await expect(readWorkbookDecisions(text, m.report.findings)).rejects.toThrow(/a price must be > 0/);
  });

  it("two decisions that exclude and adjust the same company-year", async () => {
    const base = { check: "earnings" as const, ticker: "A", fiscalYear: 2020, date: "2020-12-31", severity: "warning" as const, value: 1, message: "m",
      allowed: ["accept", "exclude", "adjust"] as const };
    const findings = [
      { ...base, id: "revenue-jump/A/2020", rule: "revenue-jump", target: { kind: "company-year" as const, fiscalYear: 2020, field: "revenue" as const } },
      { ...base, id: "restatement/A/2020", rule: "restatement", target: { kind: "company-year" as const, fiscalYear: 2020, field: "netIncome" as const } },
    ];
    const report = { ...m.report, findings };
    const file = await writeReviewWorkbook(report, join(dir, "conflict.xlsx"));
    const marked = await markReviewWorkbook(file, join(dir, "conflict-marked.xlsx"), [
      { findingId: findings[0]!.id, decision: "adjust", newValue: 10 },
      { findingId: findings[1]!.id, decision: "exclude" },
    ]);
    const e = await readWorkbookDecisions(marked, findings).then(() => undefined, (x: unknown) => x as DecisionSheetError);
    expect(e!.problems.map((p) => [p.code, p.row])).toEqual([["CONFLICTING_DECISIONS", 3]]);
    const fine = await markReviewWorkbook(file, join(dir, "conflict-fine.xlsx"), [
      { findingId: findings[0]!.id, decision: "adjust", newValue: 10 },
      { findingId: findings[1]!.id, decision: "adjust", newValue: 2 },
    ]);
    expect(await readWorkbookDecisions(fine, findings)).toHaveLength(2); // different fields of one year
  });

  it("a file that is missing or not a workbook", async () => {
    await expect(readWorkbookDecisions(join(dir, "nope.xlsx"), m.report.findings)).rejects.toThrow(InputError);
    await expect(readWorkbookDecisions(new Uint8Array([1, 2, 3]), m.report.findings)).rejects.toThrow(/not a readable .xlsx workbook/);
  });
});
