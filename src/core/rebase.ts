import { InputError } from "./errors";
import type { DateTable } from "./frame";

/**
 * Rebases each column to start at `base` on its first available value, so series of different
 * price levels can share a chart (growth of 100). Missing values stay missing.
 *
 * @example
 * ```ts
 * rebase({ dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.from([50, NaN, 55, 20]) }).values;
 * // => Float64Array [100, NaN, 110, 100]
 * ```
 * @throws InputError when `base` is not a positive finite number, or a column's first value is not positive.
 */
export function rebase(table: DateTable, base = 100): DateTable {
  if (!(base > 0) || !Number.isFinite(base)) throw new InputError("BAD_BASE", `rebase: base must be a positive finite number, got ${base}`);
  const m = table.tickers.length;
  const n = table.dates.length;
  const values = new Float64Array(n * m).fill(Number.NaN);
  for (let j = 0; j < m; j++) {
    let first = Number.NaN;
    for (let i = 0; i < n; i++) {
      const v = table.values[i * m + j]!;
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(first)) {
        if (!(v > 0)) throw new InputError("NON_POSITIVE_PRICE", `rebase: first value of ${table.tickers[j]} on ${table.dates[i]} is ${v}; rebasing needs a positive start`, { ticker: table.tickers[j], date: table.dates[i] });
        first = v;
      }
      values[i * m + j] = (v / first) * base;
    }
  }
  return { dates: table.dates, tickers: table.tickers, values };
}
