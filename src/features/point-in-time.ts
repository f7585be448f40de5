/**
 * The inputs the feature store reads besides prices, with the date each fact became known.
 */

/**
 * One company-year of fundamentals as the feature store needs it, known from `filedDate` on.
 * `FundamentalsRow` from `readFundamentals` (src/data/sql) has these fields; `null` = not available.
 *
 * @example
 * ```ts
 * const f: PointInTimeFundamentals = { ticker: "AAPX", fiscalYear: 2012, filedDate: "2012-11-20", revenueGrowth: 0.08,
 *   netIncomeGrowth: 0.12, netMargin: 0.1, operatingMargin: 0.15, returnOnEquity: 0.14 };
 * ```
 */
export interface PointInTimeFundamentals {
  readonly ticker: string;
  readonly fiscalYear: number;
  /** The date the figures became public (ISO); a feature dated t uses them only if `filedDate ≤ t`. */
  readonly filedDate: string;
  /** Simple growth against the previous fiscal year (fraction), `null` when unknown. */
  readonly revenueGrowth: number | null;
  readonly netIncomeGrowth: number | null;
  /** Net income / revenue (fraction). */
  readonly netMargin: number | null;
  /** Operating income / revenue (fraction). */
  readonly operatingMargin: number | null;
  /** Net income / total equity (fraction). */
  readonly returnOnEquity: number | null;
}

/**
 * A per-company stability score (the validation layer's measure of how trustworthy a company's
 * reported figures are), known from `knownFrom` on. Optional input of the feature store.
 *
 * @example
 * ```ts
 * const s: StabilityScore = { ticker: "AAPX", knownFrom: "2012-11-20", score: 0.85 };
 * ```
 */
export interface StabilityScore {
  readonly ticker: string;
  /** ISO date from which the score may be used. */
  readonly knownFrom: string;
  /** The score; higher = more stable. Must be finite. */
  readonly score: number;
}

/**
 * The position of the last item whose date is ≤ `date` in a list sorted by that date, or −1.
 *
 * @example
 * ```ts
 * lastKnownIndex(["2020-02-10", "2021-02-12"], "2020-12-31"); // => 0
 * ```
 */
export function lastKnownIndex(sortedDates: readonly string[], date: string): number {
  let lo = 0;
  let hi = sortedDates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sortedDates[mid]! <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
