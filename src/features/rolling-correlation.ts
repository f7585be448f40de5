import { InputError } from "../core/index";
import { windowMean } from "../measures/index";
import { checkSeries, evaluationIndices } from "./check-series";
import { rollingStatistic } from "./rolling-statistic";

/**
 * Trailing Pearson correlation of two aligned series over the last `window` observations
 * (e.g. a stock's daily returns against the market's). `NaN` where either series is not yet
 * observed for the whole window, or where either is constant over it.
 *
 * @param a values, `NaN` only before the first observation, length `n`.
 * @param b values aligned with `a`, length `n`.
 * @param window observations per window (integer ≥ 3).
 * @param at optional indices to evaluate (default: every index).
 * @throws InputError SHAPE_MISMATCH, BAD_WINDOW, NAN_IN_INPUT, TOO_FEW_OBSERVATIONS.
 * @example
 * ```ts
 * rollingCorrelation(Float64Array.from([1, 2, 3, 5]), Float64Array.from([2, 4, 6, 7]), 3);
 * // => Float64Array [NaN, NaN, 1, 0.9286] (13/14)
 * ```
 */
export function rollingCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, window: number, at?: ArrayLike<number>): Float64Array {
  if (a.length !== b.length) {
    throw new InputError("SHAPE_MISMATCH", `rollingCorrelation: the series have ${a.length} and ${b.length} values; align them on the same dates`);
  }
  const first = Math.max(checkSeries("rollingCorrelation", a, window, 3, "the first series"), checkSeries("rollingCorrelation", b, window, 3, "the second series"));
  const idx = evaluationIndices("rollingCorrelation", a.length, at);
  return rollingStatistic(idx, first, window, (start, end) => {
    const ma = windowMean(a, start, end);
    const mb = windowMean(b, start, end);
    let saa = 0;
    let sbb = 0;
    let sab = 0;
    for (let i = start; i <= end; i++) {
      const da = a[i]! - ma;
      const db = b[i]! - mb;
      saa += da * da;
      sbb += db * db;
      sab += da * db;
    }
    return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
  });
}
