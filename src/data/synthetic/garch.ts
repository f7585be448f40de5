/**
 * Volatility clustering: GARCH(1,1) shocks with Student-t innovations,
 * normalised to unit long-run variance so a caller scales them by any
 * target volatility.
 */
import type { Rng } from "../../core/index";

/**
 * A GARCH(1,1) shock series with unit long-run variance.
 *
 * `u[t] = √h[t] · z[t]`, `z[t]` Student-t with `df` degrees of freedom scaled
 * to unit variance, `h[0] = 1`, `h[t+1] = (1 − α − β) + α·u[t]² + β·h[t]`.
 * Large shocks raise the next days' variance, so `|u|` clusters; the
 * unconditional variance is 1 when `α + β < 1`.
 *
 * @param n - length of the series.
 * @param alpha - reaction α ≥ 0.
 * @param beta - persistence β ≥ 0, with `α + β < 1` (checked by `resolveMarketParams`).
 * @param df - degrees of freedom of the innovations, > 2 (`Infinity` for normal).
 * @param rng - the stream to draw from.
 * @returns `Float64Array` of length `n`, mean ≈ 0, variance ≈ 1.
 * @example
 * ```ts
 * const u = garchShocks(5000, 0.08, 0.9, 6, createRng(1));
 * // variance of u ≈ 1; autocorrelation of u² at lag 1 ≈ 0.1–0.3
 * ```
 */
export function garchShocks(n: number, alpha: number, beta: number, df: number, rng: Rng): Float64Array {
  const out = new Float64Array(n);
  const omega = 1 - alpha - beta;
  let h = 1;
  for (let t = 0; t < n; t++) {
    const u = Math.sqrt(h) * rng.studentT(df);
    out[t] = u;
    h = omega + alpha * u * u + beta * h;
  }
  return out;
}
