/**
 * Portfolio variance `wᵀΣw`, a pure measure used by the optimisers.
 */

/**
 * `wᵀΣw` for a row-major `n × n` covariance and weights of length `n` (no checks: an internal measure; use
 * `portfolioPerformance` for checked, labelled inputs). Slightly negative round-off is returned as 0.
 *
 * @example
 * ```ts
 * portfolioVariance(Float64Array.of(0.04, 0, 0, 0.09), [0.5, 0.5]); // => 0.0325
 * ```
 */
export function portfolioVariance(cov: ArrayLike<number>, weights: ArrayLike<number>): number {
  const n = weights.length;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights[i]!;
    if (wi === 0) continue;
    let row = 0;
    for (let j = 0; j < n; j++) row += cov[i * n + j]! * weights[j]!;
    variance += wi * row;
  }
  return Math.max(0, variance);
}
