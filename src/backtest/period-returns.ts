/**
 * Daily returns compounded into weekly, monthly or quarterly ones.
 */
import type { ReturnSeries } from "../measures/index";
import { periodKey, type CalendarPeriod } from "./calendar-rebalance";

/**
 * Compounds a daily return series into one return per calendar period, `∏(1 + rₜ) − 1` over the days of each,
 * dated by the period's last day in the series. A partial first or last period is kept as it is.
 *
 * @param series dated daily returns; not changed.
 * @param period `"weekly"`, `"monthly"` or `"quarterly"`.
 * @example
 * ```ts
 * periodReturns({ dates: ["2024-01-30", "2024-01-31", "2024-02-01"], values: Float64Array.of(0.1, 0.1, -0.05) }, "monthly");
 * // => { dates: ["2024-01-31", "2024-02-01"], values: ≈ Float64Array [0.21, -0.05] }
 * ```
 */
export function periodReturns(series: ReturnSeries, period: CalendarPeriod): ReturnSeries {
  const dates: string[] = [];
  const values: number[] = [];
  let key: string | null = null;
  let growth = 1;
  for (let i = 0; i < series.dates.length; i++) {
    const k = periodKey(series.dates[i]!, period);
    if (key !== null && k !== key) {
      dates.push(series.dates[i - 1]!);
      values.push(growth - 1);
      growth = 1;
    }
    key = k;
    growth *= 1 + series.values[i]!;
  }
  if (key !== null) {
    dates.push(series.dates[series.dates.length - 1]!);
    values.push(growth - 1);
  }
  return { dates, values: Float64Array.from(values) };
}
