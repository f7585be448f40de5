/**
 * Writing the review workbook (.xlsx, with exceljs): a summary, one sheet per check with a
 * decision column for the analyst, the quadrants, the stability scores and the settings used.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { InputError } from "../core/index";
import { countBySeverity, type CheckName, type Finding } from "./finding";
import { escapeFormulaText } from "./escape-formula-text";
import { hasXmlInvalidText, xmlSafeText } from "./xml-safe-text";
import { CHECK_SHEETS, FINDING_COLUMNS, INFO_SHEETS, findingColumn } from "./review-layout";
import type { ValidationReport } from "./run-checks";

/** Options of {@link buildReviewWorkbook} and {@link writeReviewWorkbook}. */
export interface ReviewWorkbookOptions {
  /** Shown on the summary sheet, e.g. `"2024-06-07"`; nothing when omitted (no clock is read). */
  readonly generatedOn?: string;
  /** A line describing the data, e.g. `"synthetic market, seed 20240607"`. */
  readonly dataDescription?: string;
}

const FILL = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", bgColor: { argb }, fgColor: { argb } });
const SEVERITY_COLOURS = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" } as const;
const DECISION_COLOURS = { accept: "FFC6EFCE", exclude: "FFD9D9D9", adjust: "FFFFEB9C" } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3864" } };

/** Number format of a finding's value, by rule (fractions as percentages, money, prices, days, factors). */
const VALUE_FORMATS: Readonly<Record<string, string>> = {
  "net-margin-out-of-bounds": "0.0%",
  "operating-margin-out-of-bounds": "0.0%",
  "revenue-jump": "0.0%",
  "net-income-jump": "0.0%",
  restatement: "0.00%",
  "outlier-return": "0.0%",
  "split-like-return": "0.0%",
  "net-income-above-revenue": "#,##0.0",
  "net-income-sign-flip": "#,##0.0",
  "stale-price": "#,##0.00",
  "price-gap": "0",
  "unadjusted-split": "0.000",
  "close-ratio-jump": "0.000",
};

const text = (v: string | null): string | null => (v === null ? null : escapeFormulaText(xmlSafeText(v)));

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: "FFFFFFFF" } };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
}

function addFindingsSheet(wb: ExcelJS.Workbook, check: CheckName, findings: readonly Finding[]): void {
  const ws = wb.addWorksheet(CHECK_SHEETS[check], { views: [{ state: "frozen", xSplit: 1, ySplit: 1, activeCell: "J2" }] });
  ws.columns = FINDING_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  styleHeader(ws.getRow(1));
  for (const f of findings) {
    if (/^[=+\-@\t\r]/.test(f.id)) throw new InputError("BAD_FINDING_ID", `finding id ${JSON.stringify(f.id)} starts like a formula; ids start with the rule name`);
    if (hasXmlInvalidText(f.id)) {
      throw new InputError("BAD_FINDING_ID", `finding id ${JSON.stringify(f.id)} holds a control character an .xlsx file cannot hold; clean the ticker in the source data`);
    }
    const row = ws.addRow({
      id: f.id,
      ticker: text(f.ticker),
      fiscalYear: f.fiscalYear,
      date: f.date,
      rule: text(f.rule),
      severity: f.severity,
      value: f.value,
      message: text(f.message),
      allowed: f.allowed.join(", "),
    });
    row.getCell("value").numFmt = VALUE_FORMATS[f.rule] ?? "General";
    row.getCell("newValue").numFmt = "#,##0.00";
    row.getCell("decision").dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${f.allowed.join(",")}"`],
      showErrorMessage: true,
      errorTitle: "Decision",
      error: `Choose one of: ${f.allowed.join(", ")}`,
    };
    row.getCell("newValue").dataValidation = {
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [-1e15, 1e15],
      showErrorMessage: true,
      errorTitle: "New value",
      error: "Type a number (USD millions for fundamentals, USD for a price)",
    };
  }
  const last = Math.max(2, findings.length + 1);
  ws.autoFilter = { from: "A1", to: `N${last}` };
  const sev = findingColumn("severity").letter;
  ws.addConditionalFormatting({
    ref: `${sev}2:${sev}${last}`,
    rules: (["error", "warning", "info"] as const).map((s, i) => ({
      type: "containsText" as const,
      operator: "containsText" as const,
      text: s,
      priority: i + 1,
      style: { fill: FILL(SEVERITY_COLOURS[s]) },
    })),
  });
  const dec = findingColumn("decision").letter;
  ws.addConditionalFormatting({
    ref: `${dec}2:${dec}${last}`,
    rules: (["accept", "exclude", "adjust"] as const).map((d, i) => ({
      type: "containsText" as const,
      operator: "containsText" as const,
      text: d,
      priority: 10 + i,
      style: { fill: FILL(DECISION_COLOURS[d]) },
    })),
  });
}

function addSummarySheet(wb: ExcelJS.Workbook, report: ValidationReport, options: ReviewWorkbookOptions): void {
  const ws = wb.getWorksheet(INFO_SHEETS.summary)!;
  ws.columns = [{ width: 22 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
  ws.getCell("A1").value = "Validation review";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = text(options.dataDescription ?? "");
  ws.getCell("A3").value = options.generatedOn ? `Generated on ${options.generatedOn}` : "";
  ws.getCell("A4").value =
    "Review each finding on the Earnings and Prices sheets: choose accept, exclude or adjust in the Decision column (for adjust, type the New value), then apply the workbook.";
  const header = ws.getRow(5);
  header.values = ["Check", "Sheet", "Findings", "Errors", "Warnings", "Info", "Decided", "Open"];
  styleHeader(header);
  const checks: [CheckName, string][] = [
    ["earnings", "Earnings sanity"],
    ["prices", "Price data"],
  ];
  checks.forEach(([check, label], i) => {
    const r = 6 + i;
    const sheet = CHECK_SHEETS[check];
    const findings = report.findings.filter((f) => f.check === check);
    const last = Math.max(2, findings.length + 1);
    const counts = countBySeverity(findings);
    const col = (key: Parameters<typeof findingColumn>[0]): string => `${sheet}!${findingColumn(key).letter}2:${findingColumn(key).letter}${last}`;
    const row = ws.getRow(r);
    row.getCell(1).value = label;
    row.getCell(2).value = sheet;
    row.getCell(3).value = { formula: `COUNTA(${col("id")})`, result: findings.length };
    row.getCell(4).value = { formula: `COUNTIF(${col("severity")},"error")`, result: counts.error };
    row.getCell(5).value = { formula: `COUNTIF(${col("severity")},"warning")`, result: counts.warning };
    row.getCell(6).value = { formula: `COUNTIF(${col("severity")},"info")`, result: counts.info };
    row.getCell(7).value = { formula: `COUNTA(${col("decision")})`, result: 0 };
    row.getCell(8).value = { formula: `C${r}-G${r}`, result: findings.length };
  });
  const total = ws.getRow(6 + checks.length);
  total.getCell(1).value = "Total";
  total.font = { bold: true };
  const totals = checks.map(([check]) => report.findings.filter((f) => f.check === check));
  const all = countBySeverity(report.findings);
  const results = [report.findings.length, all.error, all.warning, all.info, 0, report.findings.length];
  "CDEFGH".split("").forEach((c, i) => {
    total.getCell(3 + i).value = { formula: `SUM(${c}6:${c}${5 + totals.length})`, result: results[i]! };
  });
  ws.addConditionalFormatting({
    ref: `D6:D${6 + checks.length}`,
    rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["0"], priority: 1, style: { fill: FILL(SEVERITY_COLOURS.error) } }],
  });

  const q0 = 10 + checks.length;
  const qHeader = ws.getRow(q0);
  qHeader.values = ["Quadrant", "Companies"];
  styleHeader(qHeader);
  const names = ["profitable and growing", "profitable and shrinking", "unprofitable and growing", "unprofitable and shrinking"];
  const qLast = Math.max(2, report.quadrants.length + 1);
  names.forEach((name, i) => {
    const row = ws.getRow(q0 + 1 + i);
    row.getCell(1).value = name;
    row.getCell(2).value = { formula: `COUNTIF(${INFO_SHEETS.quadrants}!I2:I${qLast},A${q0 + 1 + i})`, result: report.quadrants.filter((q) => q.quadrant === name).length };
  });
  const qTotal = ws.getRow(q0 + 1 + names.length);
  qTotal.getCell(1).value = "Total";
  qTotal.font = { bold: true };
  qTotal.getCell(2).value = { formula: `SUM(B${q0 + 1}:B${q0 + names.length})`, result: report.quadrants.length };

  const s0 = q0 + names.length + 3;
  const scored = report.stability.filter((s) => s.score !== null).map((s) => s.score!);
  const sLast = Math.max(2, report.stability.length + 1);
  const sHeader = ws.getRow(s0);
  sHeader.values = ["Stability", "Value"];
  styleHeader(sHeader);
  ws.getRow(s0 + 1).values = ["Companies scored"];
  ws.getCell(`B${s0 + 1}`).value = { formula: `COUNT(${INFO_SHEETS.stability}!I2:I${sLast})`, result: scored.length };
  ws.getRow(s0 + 2).values = ["Mean score"];
  ws.getCell(`B${s0 + 2}`).value =
    scored.length > 0 ? { formula: `AVERAGE(${INFO_SHEETS.stability}!I2:I${sLast})`, result: scored.reduce((a, b) => a + b, 0) / scored.length } : null;
  ws.getCell(`B${s0 + 2}`).numFmt = "0.00";
  ws.views = [{ state: "frozen", ySplit: 5, xSplit: 0 }];
}

function addQuadrantsSheet(wb: ExcelJS.Workbook, report: ValidationReport): void {
  const ws = wb.addWorksheet(INFO_SHEETS.quadrants, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  ws.columns = [
    { header: "Ticker", key: "ticker", width: 9 },
    { header: "From year", key: "fromYear", width: 10 },
    { header: "To year", key: "toYear", width: 10 },
    { header: "Years averaged", key: "years", width: 15 },
    { header: "Net margin", key: "netMargin", width: 12, style: { numFmt: "0.0%" } },
    { header: "Revenue growth (CAGR)", key: "revenueGrowth", width: 22, style: { numFmt: "0.0%" } },
    { header: "Profitable", key: "profitable", width: 11 },
    { header: "Growing", key: "growing", width: 10 },
    { header: "Quadrant", key: "quadrant", width: 28 },
  ];
  styleHeader(ws.getRow(1));
  for (const q of report.quadrants) ws.addRow({ ...q, ticker: text(q.ticker) });
  const last = Math.max(2, report.quadrants.length + 1);
  ws.autoFilter = { from: "A1", to: `I${last}` };
  ws.addConditionalFormatting({
    ref: `I2:I${last}`,
    rules: [
      { type: "containsText", operator: "containsText", text: "unprofitable", priority: 1, style: { fill: FILL(SEVERITY_COLOURS.error) } },
      { type: "containsText", operator: "containsText", text: "shrinking", priority: 2, style: { fill: FILL(SEVERITY_COLOURS.warning) } },
      { type: "containsText", operator: "containsText", text: "growing", priority: 3, style: { fill: FILL(DECISION_COLOURS.accept) } },
    ],
  });
}

function addStabilitySheet(wb: ExcelJS.Workbook, report: ValidationReport): void {
  const ws = wb.addWorksheet(INFO_SHEETS.stability, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  ws.columns = [
    { header: "Ticker", key: "ticker", width: 9 },
    { header: "Growth years", key: "growthYears", width: 13 },
    { header: "Growth volatility", key: "growthVolatility", width: 16, style: { numFmt: "0.0%" } },
    { header: "Growth score", key: "growthScore", width: 13, style: { numFmt: "0.00" } },
    { header: "Earnings variation", key: "earningsVariation", width: 17, style: { numFmt: "0.00" } },
    { header: "Earnings score", key: "earningsScore", width: 14, style: { numFmt: "0.00" } },
    { header: "Max drawdown", key: "maxDrawdown", width: 14, style: { numFmt: "0.0%" } },
    { header: "Drawdown score", key: "drawdownScore", width: 15, style: { numFmt: "0.00" } },
    { header: "Stability score", key: "score", width: 15, style: { numFmt: "0.00" } },
  ];
  styleHeader(ws.getRow(1));
  const w = report.settings.stability.weights;
  const total = w.growth + w.earnings + w.drawdown;
  for (const s of report.stability) {
    const row = ws.addRow({ ...s, ticker: text(s.ticker), earningsVariation: s.earningsVariation !== null && Number.isFinite(s.earningsVariation) ? s.earningsVariation : null, score: null });
    const r = row.number;
    if (s.score !== null) row.getCell("score").value = { formula: `(${w.growth}*D${r}+${w.earnings}*F${r}+${w.drawdown}*H${r})/${total}`, result: s.score };
  }
  const last = Math.max(2, report.stability.length + 1);
  ws.autoFilter = { from: "A1", to: `I${last}` };
  ws.addConditionalFormatting({
    ref: `I2:I${last}`,
    rules: [{ type: "colorScale", priority: 1, cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }], color: [{ argb: "FFF8696B" }, { argb: "FF63BE7B" }] }],
  });
}

function settingRows(value: unknown, path: string): [string, string | number][] {
  if (Array.isArray(value)) return [[path, value.join(", ")]];
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => settingRows(v, path ? `${path}.${k}` : k));
  return [[path, value as number]];
}

function addSettingsSheet(wb: ExcelJS.Workbook, report: ValidationReport): void {
  const ws = wb.addWorksheet(INFO_SHEETS.settings, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  ws.columns = [
    { header: "Setting", key: "setting", width: 40 },
    { header: "Value", key: "value", width: 20 },
  ];
  styleHeader(ws.getRow(1));
  for (const [setting, value] of settingRows(report.settings, "")) ws.addRow({ setting, value });
}

/**
 * The review workbook in memory (an exceljs `Workbook`): sheets Summary (counts by check and
 * severity, decided and open rows, quadrant counts and the mean stability score, as formulas with
 * their computed results stored), Earnings and Prices (one row per finding, with the analyst's
 * Decision list, New value, Comment, Reviewer and Reviewed on columns), Quadrants, Stability (the
 * score as a formula of its parts) and Settings. Headers are frozen and filtered, severities and
 * decisions coloured. Text from data is escaped ({@link escapeFormulaText}) and cleaned of the characters an .xlsx file
 * cannot hold ({@link xmlSafeText}). The report is only read.
 *
 * @example
 * ```ts
 * const wb = buildReviewWorkbook(report, { generatedOn: "2024-06-07" });
 * wb.worksheets.map((s) => s.name); // => ["Summary", "Earnings", "Prices", "Quadrants", "Stability", "Settings"]
 * ```
 * @throws InputError BAD_FINDING_ID for a finding id that starts like a formula or holds a control character.
 */
export function buildReviewWorkbook(report: ValidationReport, options: ReviewWorkbookOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "allocation-workbook";
  wb.addWorksheet(INFO_SHEETS.summary);
  for (const check of Object.keys(CHECK_SHEETS) as CheckName[]) addFindingsSheet(wb, check, report.findings.filter((f) => f.check === check));
  addQuadrantsSheet(wb, report);
  addStabilitySheet(wb, report);
  addSettingsSheet(wb, report);
  addSummarySheet(wb, report, options);
  return wb;
}

/**
 * Writes the review workbook ({@link buildReviewWorkbook}) to an .xlsx file, creating its folder.
 * Returns the path written.
 *
 * @example
 * ```ts
 * await writeReviewWorkbook(report, "build/validation/review.xlsx"); // => "build/validation/review.xlsx"
 * ```
 * @throws InputError BAD_WORKBOOK_PATH when the path does not end in .xlsx.
 */
export async function writeReviewWorkbook(report: ValidationReport, path: string, options: ReviewWorkbookOptions = {}): Promise<string> {
  if (typeof path !== "string" || !path.endsWith(".xlsx")) {
    throw new InputError("BAD_WORKBOOK_PATH", `writeReviewWorkbook: ${JSON.stringify(path)} must be a file path ending in .xlsx`);
  }
  await mkdir(dirname(path), { recursive: true });
  await buildReviewWorkbook(report, options).xlsx.writeFile(path);
  return path;
}
