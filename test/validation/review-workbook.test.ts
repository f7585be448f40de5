import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_SHEETS, applyWorkbookDecisions, markReviewWorkbook, readModellingSet, readRecordedDecisions, readWorkbookDecisions, writeReviewWorkbook } from "../../src/validation";
import { readFundamentals, readPrices } from "../../src/data/sql";
import { smallMarket, type SmallMarket } from "../fixtures/validation/small-market";

let m: SmallMarket;
let dir: string;
let path: string;
beforeAll(async () => {
  m = await smallMarket();
  dir = await mkdtemp(join(tmpdir(), "review-"));
  path = await writeReviewWorkbook(m.report, join(dir, "review.xlsx"), { generatedOn: "2024-06-07" });
});
afterAll(async () => {
  m.db.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the review workbook", () => {
  it("has a summary, a sheet per check, quadrants, stability and settings", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Summary", "Earnings", "Prices", "Quadrants", "Stability", "Settings"]);
    const prices = wb.getWorksheet("Prices")!;
    const n = m.report.findings.filter((f) => f.check === "prices").length;
    expect(prices.rowCount).toBe(n + 1);
    expect(prices.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(prices.autoFilter).toBe(`A1:N${n + 1}`);
    expect(prices.getCell("J2").dataValidation).toMatchObject({ type: "list", formulae: [`"${m.report.findings.find((f) => f.check === "prices")!.allowed.join(",")}"`] });
    const cf = (prices as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map((c) => c.ref);
    expect(cf).toContain(`F2:F${n + 1}`);
  });

  it("stores formulas with their computed results on the summary", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const s = wb.getWorksheet("Summary")!;
    const earnings = m.report.findings.filter((f) => f.check === "earnings").length;
    expect(s.getCell("C6").value).toEqual({ formula: `COUNTA(Earnings!A2:A${Math.max(2, earnings + 1)})`, result: earnings });
    expect(s.getCell("C8").value).toEqual({ formula: "SUM(C6:C7)", result: m.report.findings.length });
    expect((s.getCell("D8").value as { result: number }).result).toBe(m.report.findings.filter((f) => f.severity === "error").length);
    const stability = wb.getWorksheet("Stability")!;
    const scored = m.report.stability.findIndex((x) => x.score !== null);
    expect((stability.getCell(`I${scored + 2}`).value as { result: number }).result).toBeCloseTo(m.report.stability[scored]!.score!, 12);
  });

  it("round-trips: write, edit, read, apply; the modelling set reflects the decisions", async () => {
    const stale = m.report.findings.find((f) => f.rule === "stale-price")!;
    const gap = m.report.findings.find((f) => f.rule === "price-gap" && f.allowed.includes("adjust"))!;
    const restated = m.report.findings.find((f) => f.rule === "restatement")!;
    const split = m.report.findings.find((f) => f.rule === "unadjusted-split")!;
    const edited = await markReviewWorkbook(path, join(dir, "edited.xlsx"), [
      { findingId: stale.id, decision: "exclude", comment: "vendor repeated", reviewer: "ana", reviewedOn: "2024-06-07" },
      { findingId: gap.id, decision: "adjust", newValue: 42.5, comment: "from the exchange" },
      { findingId: restated.id, decision: "Adjust", newValue: 999.5 },
      { findingId: split.id, decision: "accept" },
    ]);
    const read = await readWorkbookDecisions(edited, m.report.findings);
    const key = (x: readonly unknown[]) => JSON.stringify(x);
    expect(read.map((d) => key([d.finding.id, d.decision, d.newValue, d.sheet])).sort()).toEqual([
      key([restated.id, "adjust", 999.5, CHECK_SHEETS.earnings]),
      key([gap.id, "adjust", 42.5, CHECK_SHEETS.prices]),
      key([stale.id, "exclude", null, CHECK_SHEETS.prices]),
      key([split.id, "accept", null, CHECK_SHEETS.prices]),
    ].sort());

    const canonical = await readFundamentals(m.db);
    const recorded = await applyWorkbookDecisions(m.db, edited, m.report.findings, { appliedAt: "2024-06-07T10:00:00.000Z", workbook: "edited.xlsx" });
    expect(recorded).toHaveLength(4);
    const t = restated.target.kind === "company-year" ? restated.target : undefined;
    const row = canonical.find((r) => r.ticker === restated.ticker && r.fiscalYear === t!.fiscalYear)!;
    expect(recorded.find((d) => d.findingId === restated.id)).toMatchObject({ decision: "adjust", oldValue: row[t!.field], newValue: 999.5, appliedAt: "2024-06-07T10:00:00.000Z", workbook: "edited.xlsx" });
    expect(recorded.find((d) => d.findingId === stale.id)).toMatchObject({ reviewer: "ana", reviewedOn: "2024-06-07", comment: "vendor repeated", oldValue: null });

    const set = await readModellingSet(m.db);
    expect(set.decisions).toHaveLength(4);
    const adjusted = set.fundamentals.find((r) => r.ticker === restated.ticker && r.fiscalYear === t!.fiscalYear)!;
    expect(adjusted[t!.field]).toBe(999.5);
    if (t!.field === "revenue") expect(adjusted.netMargin).toBeCloseTo(adjusted.netIncome! / 999.5, 12);
    const prices = await readPrices(m.db);
    const at = (tab: typeof prices, ticker: string, date: string) => tab.values[tab.dates.indexOf(date) * tab.tickers.length + tab.tickers.indexOf(ticker)];
    expect(at(prices, gap.ticker, gap.date!)).toBeNaN();
    expect(at(set.prices, gap.ticker, gap.date!)).toBe(42.5);
    if (stale.target.kind !== "price-days") throw new Error("stale target");
    expect(at(prices, stale.ticker, stale.target.from)).toBeGreaterThan(0);
    expect(at(set.prices, stale.ticker, stale.target.from)).toBeNaN();
    expect(at(set.prices, stale.ticker, stale.target.to)).toBeNaN();

    // a later review overrides: accepting the stale run restores its prices
    const again = await markReviewWorkbook(path, join(dir, "again.xlsx"), [{ findingId: stale.id, decision: "accept", comment: "checked: the market was closed" }]);
    await applyWorkbookDecisions(m.db, again, m.report.findings, { appliedAt: "2024-06-08T10:00:00.000Z" });
    const later = await readModellingSet(m.db);
    expect(at(later.prices, stale.ticker, stale.target.from)).toBe(at(prices, stale.ticker, stale.target.from));
    expect((await readRecordedDecisions(m.db)).length).toBe(5);
    expect(later.decisions.map((d) => d.findingId).sort()).toEqual([restated.id, gap.id, stale.id, split.id].sort());
  });
});
