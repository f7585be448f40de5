import { InputError } from "../core/index";
import type { DateTable } from "../core/index";

/** Share of each month's dates on which each ticker has a value. */
export interface MonthlyCoverage {
  readonly tickers: readonly string[];
  /** Months `YYYY-MM`, in order. */
  readonly months: readonly string[];
  /** Row-major `tickers × months`, each in [0, 1]: days with a value / dates of the table in that month. */
  readonly fraction: Float64Array;
}

/**
 * Which instrument has data when: for each ticker and month, the fraction of the table's dates in
 * that month on which the ticker has a (non-NaN) value. 0 before listing, 1 for a full month,
 * in between where days are missing.
 *
 * @example
 * ```ts
 * monthlyCoverage({ dates: ["2024-01-30", "2024-01-31", "2024-02-01"], tickers: ["A"], values: Float64Array.from([NaN, 1, 1]) });
 * // => { tickers: ["A"], months: ["2024-01", "2024-02"], fraction: Float64Array [0.5, 1] }
 * ```
 * @throws InputError when the table has no dates.
 */
export function monthlyCoverage(table: DateTable): MonthlyCoverage {
  const n = table.dates.length;
  const m = table.tickers.length;
  if (n === 0) throw new InputError("EMPTY_INPUT", "monthlyCoverage: the table has no dates; widen the date range");
  const months: string[] = [];
  const monthOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const month = table.dates[i]!.slice(0, 7);
    if (months[months.length - 1] !== month) months.push(month);
    monthOf[i] = months.length - 1;
  }
  const k = months.length;
  const days = new Float64Array(k);
  const counts = new Float64Array(m * k);
  for (let i = 0; i < n; i++) {
    const c = monthOf[i]!;
    days[c]! += 1;
    for (let j = 0; j < m; j++) if (!Number.isNaN(table.values[i * m + j]!)) counts[j * k + c]! += 1;
  }
  for (let j = 0; j < m; j++) for (let c = 0; c < k; c++) counts[j * k + c] = counts[j * k + c]! / days[c]!;
  return { tickers: table.tickers, months, fraction: counts };
}
