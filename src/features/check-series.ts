/**
 * Shared checks of the rolling-window functions: a positive integer window, a series long enough
 * for it, and no `NaN` after the first observation (leading `NaN`, before a listing, is allowed).
 */
import { InputError } from "../core/index";

/**
 * Index of the first non-`NaN` value of a series, or `series.length` when every value is `NaN`.
 *
 * @example
 * ```ts
 * firstObserved(Float64Array.from([NaN, NaN, 3, 4])); // => 2
 * ```
 */
export function firstObserved(series: ArrayLike<number>): number {
  let i = 0;
  while (i < series.length && Number.isNaN(series[i]!)) i++;
  return i;
}

/**
 * Validates a series and a window for a rolling computation and returns the index of its first
 * observation.
 *
 * @param caller the public function name used in messages, e.g. `"rollingMean"`.
 * @param series the values, `NaN` allowed only before the first observation.
 * @param window the number of observations in each window (`minWindow` or more).
 * @throws InputError BAD_WINDOW (not an integer ≥ `minWindow`), NAN_IN_INPUT (a `NaN` or ±Infinity
 *   after the first observation, naming its index), TOO_FEW_OBSERVATIONS (fewer observations than
 *   the window needs).
 * @example
 * ```ts
 * checkSeries("rollingMean", Float64Array.from([NaN, 1, 2, 3]), 2); // => 1
 * checkSeries("rollingMean", Float64Array.from([1, 2]), 3);         // throws TOO_FEW_OBSERVATIONS
 * ```
 */
export function checkSeries(caller: string, series: ArrayLike<number>, window: number, minWindow = 1, what = "series"): number {
  if (!Number.isInteger(window) || window < minWindow) {
    throw new InputError("BAD_WINDOW", `${caller}: window ${window} must be an integer ≥ ${minWindow}`, { window });
  }
  const first = firstObserved(series);
  for (let i = first; i < series.length; i++) {
    if (!Number.isFinite(series[i]!)) {
      throw new InputError(
        "NAN_IN_INPUT",
        `${caller}: ${what} has ${series[i]} at index ${i}, after its first observation at index ${first}; fill or drop the gap first (the feature store forward-fills prices)`,
        { index: i, value: series[i] },
      );
    }
  }
  const observed = series.length - first;
  if (observed < window) {
    throw new InputError(
      "TOO_FEW_OBSERVATIONS",
      `${caller}: ${what} has ${observed} observation${observed === 1 ? "" : "s"} but the window needs ${window}; pass a longer history or a shorter window`,
      { observed, window },
    );
  }
  return first;
}

/**
 * The positions to evaluate: `at` (checked to be integer indices into the series) or every index.
 *
 * @example
 * ```ts
 * evaluationIndices("rollingMean", 3);                       // => Int32Array [0, 1, 2]
 * evaluationIndices("rollingMean", 3, Int32Array.from([2])); // => Int32Array [2]
 * ```
 * @throws InputError BAD_INDEX when an index is outside `[0, length)`.
 */
export function evaluationIndices(caller: string, length: number, at?: ArrayLike<number>): Int32Array {
  if (at === undefined) {
    const all = new Int32Array(length);
    for (let i = 0; i < length; i++) all[i] = i;
    return all;
  }
  const out = new Int32Array(at.length);
  for (let k = 0; k < at.length; k++) {
    const i = at[k]!;
    if (!Number.isInteger(i) || i < 0 || i >= length) {
      throw new InputError("BAD_INDEX", `${caller}: index ${i} (position ${k} of at) is outside the series of length ${length}`, { index: i });
    }
    out[k] = i;
  }
  return out;
}
