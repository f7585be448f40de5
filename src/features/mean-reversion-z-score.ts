import { windowMean, windowStandardDeviation } from "../measures/index";
import { checkSeries, evaluationIndices } from "./check-series";
import { rollingStatistic } from "./rolling-statistic";

/**
 * Mean-reversion z-score of the log price: `(ln p[t] − mean) / sd` over the last `window` log
 * prices (sd with ddof 1). Positive: the price is above its recent average (a reversion signal
 * expects it to fall back). `NaN` before `window` prices are observed, and where the window's
 * prices are all equal (sd 0; the feature store counts and drops such rows).
 *
 * @param prices positive prices, `NaN` only before the first observation.
 * @param window prices per window (integer ≥ 2).
 * @param at optional indices to evaluate (default: every index).
 * @throws InputError BAD_WINDOW, NAN_IN_INPUT, TOO_FEW_OBSERVATIONS.
 * @example
 * ```ts
 * meanReversionZScore(Float64Array.from([1, Math.E, Math.E ** 2]), 3); // => Float64Array [NaN, NaN, 1]
 * ```
 */
export function meanReversionZScore(prices: ArrayLike<number>, window: number, at?: ArrayLike<number>): Float64Array {
  const first = checkSeries("meanReversionZScore", prices, window, 2, "prices");
  const idx = evaluationIndices("meanReversionZScore", prices.length, at);
  const logPrices = Float64Array.from(prices, Math.log);
  return rollingStatistic(idx, first, window, (start, end) => {
    const sd = windowStandardDeviation(logPrices, start, end);
    return sd > 0 ? (logPrices[end]! - windowMean(logPrices, start, end)) / sd : Number.NaN;
  });
}
