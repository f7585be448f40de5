/**
 * Units of displayed values: what a number means decides how it prints, so no table needs a `formats` object.
 */

/**
 * The unit of a value or a column.
 *
 * - `"fraction"`: a share or a rate, stored as a fraction (0.1234) and shown as a percent ("12.34 %"): weights,
 *   returns, volatilities, drawdowns.
 * - `"money"`: an amount in the portfolio's currency, two decimals with thousands separators ("1,234,567.80").
 * - `"ratio"`: a dimensionless ratio, two decimals ("1.37"): Sharpe, Sortino, Calmar, betas.
 * - `"count"`: a whole number with thousands separators ("1,234"): holdings, shares, rows.
 * - `"date"`: an ISO date, shown as it is.
 * - `"number"`: anything else, four decimals (integers as they are).
 * - `"text"`: shown as it is.
 *
 * @example
 * ```ts
 * const unit: Unit = "fraction"; // 0.25 prints as "25.00 %"
 * ```
 */
export type Unit = "fraction" | "money" | "ratio" | "count" | "date" | "number" | "text";

/** Every unit, in the order of {@link Unit}'s documentation. */
export const UNITS: readonly Unit[] = ["fraction", "money", "ratio", "count", "date", "number", "text"];

/**
 * Formats one number in its unit. Missing values (`NaN`, `null`, `undefined`) print as "—".
 *
 * @param value the value, in the unit's storage form (a fraction for `"fraction"`).
 * @param unit its unit (default `"number"`).
 * @param decimals decimals, overriding the unit's default (fraction 2, money 2, ratio 2, number 4).
 * @example
 * ```ts
 * formatInUnit(0.12345, "fraction");   // => "12.35 %"
 * formatInUnit(1234567.8, "money");    // => "1,234,567.80"
 * formatInUnit(1.3678, "ratio");       // => "1.37"
 * formatInUnit(1234, "count");         // => "1,234"
 * formatInUnit(Number.NaN, "fraction"); // => "—"
 * ```
 */
export function formatInUnit(value: number | string | boolean | null | undefined, unit: Unit = "number", decimals?: number): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "—";
  if (typeof value !== "number") return String(value);
  switch (unit) {
    case "fraction":
      return `${(value * 100).toFixed(decimals ?? 2)} %`;
    case "money":
      return value.toLocaleString("en-US", { minimumFractionDigits: decimals ?? 2, maximumFractionDigits: decimals ?? 2 });
    case "ratio":
      return value.toFixed(decimals ?? 2);
    case "count":
      return Math.round(value).toLocaleString("en-US");
    case "date":
    case "text":
      return String(value);
    default:
      return Number.isInteger(value) && decimals === undefined ? String(value) : value.toFixed(decimals ?? 4);
  }
}
