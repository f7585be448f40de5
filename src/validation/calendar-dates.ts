/**
 * Date helpers of the validation layer: ISO dates computed with UTC day arithmetic
 * (no local time zone, no clock).
 */

/**
 * The ISO date `days` days after `iso` (negative: before).
 *
 * @example
 * ```ts
 * addDays("2024-12-31", 90); // => "2025-03-31"
 * ```
 */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The period end of a fiscal year under the canonical alignment (build-fundamentals.sql): a
 * year ending in January–June belongs to the previous calendar year, so fiscal 2012 of a March
 * year end ends on 2013-03-31. The last day of `month` (1–12).
 *
 * @example
 * ```ts
 * fiscalPeriodEnd(2012, 3);  // => "2013-03-31"
 * fiscalPeriodEnd(2012, 12); // => "2012-12-31"
 * ```
 */
export function fiscalPeriodEnd(fiscalYear: number, month: number): string {
  const year = month >= 7 ? fiscalYear : fiscalYear + 1;
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
