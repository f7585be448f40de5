/**
 * Number formatting for diagnosis messages: short, and rounded in the safe direction when suggesting a value.
 */

/**
 * A number with `digits` significant digits, without trailing zeros (for messages).
 *
 * @example
 * ```ts
 * formatNumber(0.159034); // => "0.159"
 * formatNumber(1);        // => "1"
 * ```
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  return String(Number(x.toPrecision(digits)));
}

/**
 * `x` rounded up (`direction = "up"`) or down to `digits` significant digits, formatted: a suggested target
 * that is on the feasible side of the true limit.
 *
 * @example
 * ```ts
 * formatRounded(0.159034, "up");   // => "0.16"
 * formatRounded(0.31057, "down");  // => "0.31"
 * ```
 */
export function formatRounded(x: number, direction: "up" | "down", digits = 3): string {
  if (!Number.isFinite(x) || x === 0) return formatNumber(x, digits);
  const exponent = Math.floor(Math.log10(Math.abs(x))) - digits + 1;
  const unit = Math.pow(10, exponent);
  const scaled = x / unit;
  const rounded = direction === "up" ? Math.ceil(scaled - 1e-9) : Math.floor(scaled + 1e-9);
  return formatNumber(rounded * unit, digits + 1);
}
