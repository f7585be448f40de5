/**
 * Everything the feature definitions read about one ticker, prepared once by the feature store.
 */
import type { PointInTimeFundamentals, StabilityScore } from "./point-in-time";

/**
 * One ticker's point-in-time inputs on the price calendar. Prices are forward-filled over interior
 * gaps (the last known price is what was known that day) and `NaN` before the first price.
 *
 * @example
 * ```ts
 * history.prices[history.firstPrice]; // the first observed price
 * ```
 */
export interface TickerHistory {
  readonly ticker: string;
  /** The shared price calendar (ISO dates, ascending). */
  readonly dates: readonly string[];
  /** Adjusted closes, forward-filled, `NaN` before the first price. Length `nDates`. */
  readonly prices: Float64Array;
  /** Index of the first observed price (`nDates` if none). */
  readonly firstPrice: number;
  /** Simple daily returns of `prices`, `NaN` up to `firstPrice`. */
  readonly returns: Float64Array;
  /** Log daily returns of `prices`. */
  readonly logReturns: Float64Array;
  /** The benchmark's simple daily returns on the same calendar, or `null` without a benchmark. */
  readonly marketReturns: Float64Array | null;
  /** This ticker's fundamentals, sorted by filed date. */
  readonly fundamentals: readonly PointInTimeFundamentals[];
  /** `fundamentals[i].filedDate`, for look-ups. */
  readonly filedDates: readonly string[];
  /** This ticker's stability scores sorted by `knownFrom` (empty when none were given). */
  readonly stabilityScores: readonly StabilityScore[];
  /** `stabilityScores[i].knownFrom`, for look-ups. */
  readonly stabilityDates: readonly string[];
}
