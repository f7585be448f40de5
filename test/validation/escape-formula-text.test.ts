import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { DEFAULT_VALIDATION_SETTINGS, buildReviewWorkbook, escapeFormulaText, needsFormulaEscape, type Finding } from "../../src/validation";

describe("escapeFormulaText", () => {
  it("prefixes a quote to text Excel would run as a formula, and leaves other text alone", () => {
    for (const t of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil\",\"click\")"]) {
      expect(escapeFormulaText(t)).toBe(`'${t}`);
      expect(needsFormulaEscape(t)).toBe(true);
    }
    for (const t of ["AQVX", "a=b", "", " =x", "10-K/A"]) expect(escapeFormulaText(t)).toBe(t);
  });

  it("is applied to every data text written to the review workbook, which stores it as text", async () => {
    const evil: Finding = {
      id: "stale-price/=EVIL/2024-01-02", check: "prices", rule: "stale-price", ticker: "=EVIL()", fiscalYear: null, date: "2024-01-02",
      severity: "warning", value: 1, message: "-1 means trouble", target: { kind: "price-days", from: "2024-01-02", to: "2024-01-03" }, allowed: ["accept", "exclude"],
    };
    const wb = buildReviewWorkbook({ settings: DEFAULT_VALIDATION_SETTINGS, findings: [evil], quadrants: [{ ticker: "+Q", fromYear: 1, toYear: 2, years: 1, netMargin: 0.1, revenueGrowth: 0.1, profitable: true, growing: true, quadrant: "profitable and growing" }], stability: [] });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const prices = back.getWorksheet("Prices")!;
    expect(prices.getCell("B2").value).toBe("'=EVIL()");
    expect(prices.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(prices.getCell("H2").value).toBe("'-1 means trouble");
    expect(back.getWorksheet("Quadrants")!.getCell("A2").value).toBe("'+Q");
    expect(() => buildReviewWorkbook({ settings: DEFAULT_VALIDATION_SETTINGS, findings: [{ ...evil, id: "=x" }], quadrants: [], stability: [] })).toThrow(/starts like a formula/);
  });
});
