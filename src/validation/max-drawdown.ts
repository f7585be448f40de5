/**
 * Maximum drawdown of a price path.
 */

/**
 * The largest fall from a running peak, as a fraction of the peak (0 = never fell, 0.5 = halved),
 * over the finite values in order (NaN skipped). `NaN` when fewer than two finite values.
 *
 * @example
 * ```ts
 * maxDrawdown([100, 120, 60, 90, 130]); // => 0.5
 * ```
 */
export function maxDrawdown(prices: ArrayLike<number>): number {
  let peak = Number.NaN;
  let worst = 0;
  let count = 0;
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i]!;
    if (!Number.isFinite(p)) continue;
    count++;
    if (!(p <= peak)) peak = p;
    else worst = Math.max(worst, 1 - p / peak);
  }
  return count >= 2 ? worst : Number.NaN;
}
