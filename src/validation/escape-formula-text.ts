/**
 * Text from data, written so that a spreadsheet cannot run it as a formula
 * (CSV/formula injection: a cell starting with `=`, `+`, `-` or `@` is a formula to Excel,
 * and a leading tab or carriage return can hide one).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text, prefixed with a single quote (`'`) when it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return, so that it is stored and shown as text. Other text is returned unchanged.
 *
 * @example
 * ```ts
 * escapeFormulaText("=HYPERLINK(\"http://x\")"); // => "'=HYPERLINK(\"http://x\")"
 * escapeFormulaText("-5 %");                      // => "'-5 %"
 * escapeFormulaText("AQVX");                      // => "AQVX"
 * ```
 */
export function escapeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * True when {@link escapeFormulaText} would change the text.
 *
 * @example
 * ```ts
 * needsFormulaEscape("@SUM(A1)"); // => true
 * ```
 */
export function needsFormulaEscape(text: string): boolean {
  return FORMULA_START.test(text);
}
