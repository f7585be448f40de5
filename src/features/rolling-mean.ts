import { windowMean } from "../measures/index";
import { checkSeries, evaluationIndices } from "./check-series";
import { rollingStatistic } from "./rolling-statistic";

/**
 * Trailing mean over the last `window` observations, ending at (and including) each index (the measures layer's
 * `windowMean`).
 * Not annualised. `NaN` where fewer than `window` observations are available (before a listing).
 *
 * @param series values, `NaN` only before the first observation, length `n`.
 * @param window observations per window (integer ≥ 1).
 * @param at optional indices to evaluate (default: every index); the output has one value per index.
 * @throws InputError BAD_WINDOW, NAN_IN_INPUT, TOO_FEW_OBSERVATIONS (see {@link checkSeries}).
 * @example
 * ```ts
 * rollingMean(Float64Array.from([1, 2, 3, 4]), 2); // => Float64Array [NaN, 1.5, 2.5, 3.5]
 * ```
 */
export function rollingMean(series: ArrayLike<number>, window: number, at?: ArrayLike<number>): Float64Array {
  const first = checkSeries("rollingMean", series, window);
  const idx = evaluationIndices("rollingMean", series.length, at);
  return rollingStatistic(idx, first, window, (start, end) => windowMean(series, start, end));
}
