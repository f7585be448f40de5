/**
 * The layout of the review workbook, shared by the writer and the reader: sheet names and the
 * columns of a findings sheet.
 */
import type { CheckName } from "./finding";

/**
 * The sheet of each check's findings.
 *
 * @example
 * ```ts
 * CHECK_SHEETS.prices; // => "Prices"
 * ```
 */
export const CHECK_SHEETS: Readonly<Record<CheckName, string>> = Object.freeze({ earnings: "Earnings", prices: "Prices" });

/** The other sheets of the review workbook. */
export const INFO_SHEETS = Object.freeze({ summary: "Summary", quadrants: "Quadrants", stability: "Stability", settings: "Settings" });

/**
 * One column of a findings sheet: its letter, header text and width (characters).
 *
 * @example
 * ```ts
 * FINDING_COLUMNS.find((c) => c.key === "decision"); // => { key: "decision", letter: "J", header: "Decision", width: 11 }
 * ```
 */
export interface FindingColumn {
  readonly key: "id" | "ticker" | "fiscalYear" | "date" | "rule" | "severity" | "value" | "message" | "allowed" | "decision" | "newValue" | "comment" | "reviewer" | "reviewedOn";
  readonly letter: string;
  readonly header: string;
  readonly width: number;
}

/** The columns of a findings sheet, A to N; J to N are the analyst's. */
export const FINDING_COLUMNS: readonly FindingColumn[] = Object.freeze([
  { key: "id", letter: "A", header: "Finding id", width: 38 },
  { key: "ticker", letter: "B", header: "Ticker", width: 9 },
  { key: "fiscalYear", letter: "C", header: "Fiscal year", width: 10 },
  { key: "date", letter: "D", header: "Date", width: 12 },
  { key: "rule", letter: "E", header: "Rule", width: 28 },
  { key: "severity", letter: "F", header: "Severity", width: 10 },
  { key: "value", letter: "G", header: "Value", width: 12 },
  { key: "message", letter: "H", header: "Message", width: 90 },
  { key: "allowed", letter: "I", header: "Allowed decisions", width: 22 },
  { key: "decision", letter: "J", header: "Decision", width: 11 },
  { key: "newValue", letter: "K", header: "New value", width: 12 },
  { key: "comment", letter: "L", header: "Comment", width: 40 },
  { key: "reviewer", letter: "M", header: "Reviewer", width: 14 },
  { key: "reviewedOn", letter: "N", header: "Reviewed on", width: 12 },
] as const);

/**
 * The column of a findings sheet with this key.
 *
 * @example
 * ```ts
 * findingColumn("newValue").letter; // => "K"
 * ```
 */
export function findingColumn(key: FindingColumn["key"]): FindingColumn {
  return FINDING_COLUMNS.find((c) => c.key === key)!;
}
