import { InputError } from "../core/index";
import { displayBundle } from "./display";

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
  /** Column formats by column name. */
  readonly formats?: Readonly<Record<string, ColumnFormat>>;
  /** At most this many rows are shown (default 50); the caption says how many were left out. */
  readonly maxRows?: number;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
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
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "—";
  if (typeof value !== "number") return String(value);
  switch (format.kind) {
    case "percent":
      return `${(value * 100).toFixed(format.decimals ?? 2)} %`;
    case "integer":
      return Math.round(value).toLocaleString("en-US");
    case "text":
      return String(value);
    default:
      return Number.isInteger(value) && format.decimals === undefined ? String(value) : value.toFixed(format.decimals ?? 4);
  }
}

/**
 * An HTML table of rows (objects sharing keys), numbers right-aligned and formatted.
 *
 * @example
 * ```ts
 * tableHtml([{ ticker: "A", weight: 0.6 }], { formats: { weight: { kind: "percent", decimals: 1 } } });
 * // => '<table class="aw-table">…<td>A</td><td style="text-align:right">60.0 %</td>…</table>'
 * ```
 * @throws InputError when rows is empty.
 */
export function tableHtml(rows: readonly Readonly<Record<string, TableValue>>[], options: TableOptions = {}): string {
  if (rows.length === 0) throw new InputError("EMPTY_TABLE", "tableHtml: no rows to show; check the filter that produced them");
  const columns = Object.keys(rows[0]!);
  const max = options.maxRows ?? 50;
  const shown = rows.slice(0, max);
  const head = columns.map((c) => `<th>${escape(c)}</th>`).join("");
  const body = shown
    .map(
      (r) =>
        `<tr>${columns
          .map((c) => {
            const v = r[c];
            const align = typeof v === "number" ? ' style="text-align:right"' : "";
            return `<td${align}>${escape(formatValue(v, options.formats?.[c]))}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("");
  const more = rows.length > max ? ` (first ${max} of ${rows.length} rows)` : "";
  const caption = options.caption || more ? `<caption>${escape((options.caption ?? "") + more)}</caption>` : "";
  return `<table class="aw-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * A plain-text rendering of the same table, aligned in columns (for terminals and text outputs).
 *
 * @example
 * ```ts
 * tableText([{ ticker: "A", weight: 0.6 }], { formats: { weight: { kind: "percent", decimals: 1 } } });
 * // => "ticker  weight\nA       60.0 %"
 * ```
 */
export function tableText(rows: readonly Readonly<Record<string, TableValue>>[], options: TableOptions = {}): string {
  if (rows.length === 0) return "(no rows)";
  const columns = Object.keys(rows[0]!);
  const shown = rows.slice(0, options.maxRows ?? 50);
  const cells = shown.map((r) => columns.map((c) => formatValue(r[c], options.formats?.[c])));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j]!.length)));
  const line = (vals: string[]) => vals.map((v, j) => v.padEnd(widths[j]!)).join("  ").trimEnd();
  return [line(columns), ...cells.map(line)].join("\n");
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
