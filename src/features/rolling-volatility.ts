import { windowStandardDeviation } from "../measures/index";
import { checkSeries, evaluationIndices } from "./check-series";
import { rollingStatistic } from "./rolling-statistic";

/**
 * Trailing sample standard deviation (ddof 1) over the last `window` observations, ending at each
 * index (the measures layer's `windowStandardDeviation`). Not annualised: multiply by √252 for an annual volatility of daily returns.
 *
 * @param series values (e.g. daily returns), `NaN` only before the first observation.
 * @param window observations per window (integer ≥ 2).
 * @param at optional indices to evaluate (default: every index).
 * @throws InputError BAD_WINDOW, NAN_IN_INPUT, TOO_FEW_OBSERVATIONS.
 * @example
 * ```ts
 * rollingVolatility(Float64Array.from([1, 3, 5]), 2); // => Float64Array [NaN, 1.41421, 1.41421]
 * ```
 */
export function rollingVolatility(series: ArrayLike<number>, window: number, at?: ArrayLike<number>): Float64Array {
  const first = checkSeries("rollingVolatility", series, window, 2);
  const idx = evaluationIndices("rollingVolatility", series.length, at);
  return rollingStatistic(idx, first, window, (start, end) => windowStandardDeviation(series, start, end));
}
