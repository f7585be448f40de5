/**
 * Rebalancing on the calendar: the first trading day of each week, month or quarter.
 */
import { InputError } from "../core/index";
import type { RebalanceRule } from "./rebalance-rule";

/** Calendar periods of {@link calendarRebalance}. */
export type CalendarPeriod = "weekly" | "monthly" | "quarterly";

const MS_PER_DAY = 86_400_000;

/**
 * The calendar period an ISO date falls in: a Monday-based week number, `YYYY-MM`, or `YYYY-Qn`.
 *
 * @example
 * ```ts
 * periodKey("2024-02-29", "monthly");   // => "2024-02"
 * periodKey("2024-02-29", "quarterly"); // => "2024-Q1"
 * periodKey("2024-03-03", "weekly") === periodKey("2024-03-04", "weekly"); // => false (Sunday, then Monday)
 * ```
 */
export function periodKey(date: string, period: CalendarPeriod): string {
  if (period === "monthly") return date.slice(0, 7);
  if (period === "quarterly") return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  const days = Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
  // 1970-01-01 was a Thursday: shifting by 3 days makes each week start on a Monday.
  return `W${Math.floor((days + 3) / 7)}`;
}

/**
 * Rebalances on the first trading day of each new week (Monday-based), month or quarter: the first day whose
 * period differs from the previous trading day's. It needs no knowledge of future dates (a "last day of the
 * month" rule would have to know that tomorrow starts a new month).
 *
 * @param period `"weekly"`, `"monthly"` or `"quarterly"`.
 * @throws InputError BAD_PERIOD for another value.
 * @example
 * ```ts
 * const rule = calendarRebalance("monthly");
 * rule.isDue({ date: "2024-02-01", previousDate: "2024-01-31", tickers: [], weights: new Float64Array(), target: new Float64Array() });
 * // => true
 * ```
 */
export function calendarRebalance(period: CalendarPeriod): RebalanceRule {
  if (period !== "weekly" && period !== "monthly" && period !== "quarterly") {
    throw new InputError("BAD_PERIOD", `calendarRebalance: period ${JSON.stringify(period)} is not one of "weekly", "monthly", "quarterly"`, { period });
  }
  return {
    name: period,
    isDue: (c) => c.previousDate !== null && periodKey(c.date, period) !== periodKey(c.previousDate, period),
  };
}
