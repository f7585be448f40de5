import { escapeHtml } from "./escape-html";
import { InputError } from "./errors";
import { displayBundle } from "./display";
import { formatInUnit, type Unit } from "./unit";

/** A cell value of a display table. */
export type TableValue = string | number | boolean | null | undefined;

/** How to format one column of a {@link tableHtml}. */
export interface ColumnFormat {
  /** `"percent"` (0.1234 → 12.34 %), `"number"` (fixed decimals), `"integer"` (thousands separators), or `"text"`. */
  readonly kind?: "percent" | "number" | "integer" | "text";
  /** Decimals for `percent` and `number` (default 2 and 4). */
  readonly decimals?: number;
}

/** Options of {@link tableHtml} and {@link showTable}. */
export interface TableOptions {
  readonly caption?: string;
  /** Column units by column name: each value prints in its unit ({@link formatInUnit}); `formats` overrides. */
  readonly units?: Readonly<Record<string, Unit>>;
  /** Column formats by column name (decimals, or a kind other than the unit's). */
  readonly formats?: Readonly<Record<string, ColumnFormat>>;
  /** At most this many rows are shown (default 50); the caption says how many were left out. */
  readonly maxRows?: number;
  /**
   * Column headers: by default each key in words ({@link headerText}: `riskParityContribution` → "risk parity
   * contribution"); a record renames the keys it names; `"keys"` shows the keys as they are.
   */
  readonly headers?: Readonly<Record<string, string>> | "keys";
}

const PROPER = new Set(["Sharpe", "Sortino", "Calmar", "Omega", "Kelly", "Ledoit", "Wolf", "Black", "Litterman", "Markowitz", "Treynor", "Ulcer"]);

/**
 * A column key in words: camelCase split and lowercased, acronyms (`CVaR`, `HRP`) and names (`Sharpe`) kept,
 * snake_case and other keys left as they are (feature names are identifiers the reader types).
 *
 * @example
 * ```ts
 * headerText("riskParityContribution"); // => "risk parity contribution"
 * headerText("maxSharpe");              // => "max Sharpe"
 * headerText("minCVaR");                // => "min CVaR"
 * headerText("volatility_63d");         // => "volatility_63d"
 * headerText("sharpe");                 // => "Sharpe"
 * ```
 */
export function headerText(key: string): string {
  const proper = [...PROPER].find((name) => name.toLowerCase() === key);
  if (proper !== undefined) return proper;
  if (!/^[a-z][A-Za-z0-9]*$/.test(key) || !/[a-z0-9][A-Z]/.test(key)) return key;
  const words = key.match(/R?L?[CE]?[VD]aR|[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|\d+[a-z]*|[A-Z]/g) ?? [key];
  return words.map((w) => (PROPER.has(w) || !/^[A-Z][a-z0-9]*$/.test(w) ? w : w.toLowerCase())).join(" ");
}

function headerOf(column: string, options: TableOptions): string {
  if (options.headers === "keys") return column;
  return options.headers?.[column] ?? headerText(column);
}

/** A column is numeric when its shown values are numbers (blanks aside): right-aligned; text is left-aligned. */
function isNumericColumn(rows: readonly Readonly<Record<string, TableValue>>[], column: string): boolean {
  let numbers = 0;
  for (const r of rows) {
    const v = r[column];
    if (v === null || v === undefined) continue;
    if (typeof v !== "number") return false;
    numbers++;
  }
  return numbers > 0;
}

/** One cell's text: its column's format when that names a kind, else its column's unit, else a plain number. */
function cellText(value: TableValue, column: string, options: TableOptions): string {
  const format = options.formats?.[column];
  const unit = options.units?.[column];
  if (unit !== undefined && format?.kind === undefined) return formatInUnit(value, unit, format?.decimals);
  return formatValue(value, format);
}

/**
 * Formats one value for display.
 *
 * @example
 * ```ts
 * formatValue(0.12345, { kind: "percent" }); // => "12.35 %"
 * formatValue(1234567, { kind: "integer" }); // => "1,234,567"
 * formatValue(Number.NaN); // => "—"
 * ```
 */
export function formatValue(value: TableValue, format: ColumnFormat = {}): string {
  return formatInUnit(value, UNIT_OF_KIND[format.kind ?? "number"], format.decimals);
}

/** The unit each {@link ColumnFormat} kind prints as. */
const UNIT_OF_KIND: Readonly<Record<NonNullable<ColumnFormat["kind"]>, Unit>> = { percent: "fraction", integer: "count", number: "number", text: "text" };

/**
 * An HTML table of rows (objects sharing keys): headers in words, text left-aligned, numbers right-aligned and
 * formatted.
 *
 * @example
 * ```ts
 * tableHtml([{ ticker: "A", weight: 0.6 }], { formats: { weight: { kind: "percent", decimals: 1 } } });
 * // => '<table class="aw-table">…<td style="text-align:left">A</td><td style="text-align:right">60.0 %</td>…</table>'
 * ```
 * @throws InputError when rows is empty.
 */
export function tableHtml(rows: readonly Readonly<Record<string, TableValue>>[], options: TableOptions = {}): string {
  if (rows.length === 0) throw new InputError("EMPTY_TABLE", "tableHtml: no rows to show; check the filter that produced them");
  const columns = Object.keys(rows[0]!);
  const max = options.maxRows ?? 50;
  const shown = rows.slice(0, max);
  const numeric = columns.map((c) => isNumericColumn(shown, c));
  const align = (j: number) => ` style="text-align:${numeric[j] ? "right" : "left"}"`;
  const head = columns.map((c, j) => `<th${align(j)}>${escapeHtml(headerOf(c, options))}</th>`).join("");
  const body = shown
    .map((r) => `<tr>${columns.map((c, j) => `<td${align(j)}>${escapeHtml(cellText(r[c], c, options))}</td>`).join("")}</tr>`)
    .join("");
  const more = rows.length > max ? ` (first ${max} of ${rows.length} rows)` : "";
  const caption = options.caption || more ? `<caption>${escapeHtml((options.caption ?? "") + more)}</caption>` : "";
  return `<table class="aw-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * A plain-text rendering of the same table, aligned in columns (for terminals and text outputs).
 *
 * @example
 * ```ts
 * tableText([{ ticker: "A", weight: 0.6 }], { formats: { weight: { kind: "percent", decimals: 1 } } });
 * // => "ticker  weight\nA       60.0 %"  (numbers right-aligned under their header)
 * ```
 */
export function tableText(rows: readonly Readonly<Record<string, TableValue>>[], options: TableOptions = {}): string {
  if (rows.length === 0) return "(no rows)";
  const columns = Object.keys(rows[0]!);
  const shown = rows.slice(0, options.maxRows ?? 50);
  const cells = shown.map((r) => columns.map((c) => cellText(r[c], c, options)));
  const heads = columns.map((c) => headerOf(c, options));
  const numeric = columns.map((c) => isNumericColumn(shown, c));
  const widths = heads.map((h, j) => Math.max(h.length, ...cells.map((row) => row[j]!.length)));
  const line = (vals: string[]) => vals.map((v, j) => (numeric[j] ? v.padStart(widths[j]!) : v.padEnd(widths[j]!))).join("  ").trimEnd();
  return [line(heads), ...cells.map(line)].join("\n");
}

/**
 * Shows rows as a table: HTML in a notebook (with a text fallback), text elsewhere.
 *
 * @example
 * ```ts
 * showTable([{ ticker: "A", weight: 0.6 }, { ticker: "B", weight: 0.4 }], { formats: { weight: { kind: "percent" } } });
 * ```
 */
export function showTable(rows: readonly Readonly<Record<string, TableValue>>[], options: TableOptions = {}): void {
  displayBundle({ "text/html": tableHtml(rows, options), "text/plain": tableText(rows, options) });
}
