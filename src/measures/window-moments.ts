/**
 * Mean and sample standard deviation of a window of a series: the one windowed mean/variance every rolling measure
 * uses (the feature store's rolling features, `RollingMoments` in the backtester and `rollingSharpe`).
 */

/**
 * Mean of `values[start … end]` (inclusive), summed in index order, skipping `NaN` (absent, not zero).
 *
 * Units: those of the values, per period (not annualised).
 *
 * @param values the series; not changed.
 * @param start first index of the window.
 * @param end last index of the window (inclusive).
 * @returns the mean of the values present, `NaN` when the window holds none.
 *
 * @example
 * ```ts
 * windowMean([1, 2, 3, 4], 1, 3);   // => 3
 * windowMean([1, NaN, 5], 0, 2);    // => 3 (NaN skipped)
 * ```
 */
export function windowMean(values: ArrayLike<number>, start: number, end: number): number {
  let sum = 0;
  let count = 0;
  for (let i = start; i <= end; i++) {
    const v = values[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * Sample standard deviation (ddof 1) of `values[start … end]` (inclusive), skipping `NaN`, by two passes: the
 * {@link windowMean}, then the sum of squared deviations from it (no cancellation, unlike running sums of squares).
 *
 * Units: those of the values, per period (not annualised: × √252 for an annual volatility of daily returns).
 *
 * @param values the series; not changed.
 * @param start first index of the window.
 * @param end last index of the window (inclusive).
 * @returns the standard deviation, `NaN` when the window holds fewer than 2 values.
 *
 * @example
 * ```ts
 * windowStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9], 0, 7); // => ≈ 2.1381 (√(32 / 7))
 * windowStandardDeviation([1, NaN, 3], 0, 2);             // => ≈ 1.4142
 * ```
 */
export function windowStandardDeviation(values: ArrayLike<number>, start: number, end: number): number {
  const mean = windowMean(values, start, end);
  let squares = 0;
  let count = 0;
  for (let i = start; i <= end; i++) {
    const v = values[i]!;
    if (v === v) {
      const d = v - mean;
      squares += d * d;
      count++;
    }
  }
  return count < 2 ? Number.NaN : Math.sqrt(squares / (count - 1));
}
