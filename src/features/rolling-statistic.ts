/**
 * The loop every trailing-window feature shares: one value per evaluation index, `NaN` until the window is full.
 */

/**
 * For each index `t` of `at`, `statistic(start, t, k)` over the window `start = t − window + 1 … t` (inclusive), or
 * `NaN` while the window reaches before `first`, the first index at which every input series is observed.
 *
 * @param at the indices to evaluate (see `evaluationIndices`), in any order.
 * @param first the first observed index (see `checkSeries`).
 * @param window observations per window (≥ 1).
 * @param statistic the measure over one full window; `k` is the position in `at` (for callers that fill more than
 *   one output).
 * @returns one value per index of `at`.
 *
 * @example
 * ```ts
 * const x = Float64Array.of(1, 2, 3, 4);
 * rollingStatistic(Int32Array.of(0, 1, 2, 3), 0, 2, (start, end) => x[start]! + x[end]!); // => Float64Array [NaN, 3, 5, 7]
 * ```
 */
export function rollingStatistic(at: ArrayLike<number>, first: number, window: number, statistic: (start: number, end: number, k: number) => number): Float64Array {
  const out = new Float64Array(at.length);
  for (let k = 0; k < at.length; k++) {
    const t = at[k]!;
    const start = t - window + 1;
    out[k] = start < first ? Number.NaN : statistic(start, t, k);
  }
  return out;
}
