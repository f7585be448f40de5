/**
 * The period end of a fiscal year, under the canonical alignment of the fundamentals.
 */
import { monthEnd } from "../core/index";

/**
 * The period end of a fiscal year under the canonical alignment (build-fundamentals.sql): a
 * year ending in January–June belongs to the previous calendar year, so fiscal 2012 of a March
 * year end ends on 2013-03-31. The last day of `month` (1–12), as an ISO date (core's `monthEnd`).
 *
 * @param fiscalYear the fiscal year as the fundamentals label it, e.g. 2012.
 * @param month the month the fiscal year ends in, 1–12.
 * @example
 * ```ts
 * fiscalPeriodEnd(2012, 3);  // => "2013-03-31"
 * fiscalPeriodEnd(2012, 12); // => "2012-12-31"
 * ```
 */
export function fiscalPeriodEnd(fiscalYear: number, month: number): string {
  return monthEnd(month >= 7 ? fiscalYear : fiscalYear + 1, month);
}
