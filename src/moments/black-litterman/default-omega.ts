/**
 * The default view uncertainty of He and Litterman (1999), as PyPortfolioOpt's `BlackLittermanModel.default_omega`.
 */
import type { LabelledMatrix } from "../../core/index";
import { checkCovariance } from "../../linalg/index";
import { checkTau } from "./check-black-litterman-scalars";
import { checkViewMatrices, type ViewMatrices } from "./view-matrices";

/**
 * `Ω = diag(τ·P·Σ·Pᵀ)`: each view's uncertainty is τ times the variance of its portfolio, so `Ω / τ` is proportional
 * to the views' variances and the views are independent (diagonal Ω).
 *
 * @param cov prior covariance Σ, `N × N` labelled by ticker (annual when the views are).
 * @param views `{ P, Q }` (`K × N` and `K`), e.g. from `absoluteViews` or `relativeViews`.
 * @param tau the weight on the prior τ in (0, 1]. Default 0.05.
 * @returns Ω, a `K × K` diagonal matrix (rows of numbers), in squared return units.
 * @throws InputError for a malformed covariance, views that do not fit it (see `checkViewMatrices`) or a bad τ.
 *
 * @example
 * ```ts
 * const cov = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) };
 * defaultOmega(cov, { P: [[1, 0], [1, -1]], Q: [0.1, 0.02] }); // => ≈ [[0.002, 0], [0, 0.0055]]
 * ```
 */
export function defaultOmega(cov: LabelledMatrix, views: ViewMatrices, tau = 0.05): number[][] {
  const caller = "defaultOmega";
  const n = checkCovariance(cov, caller);
  checkTau(tau, caller);
  const { k, p } = checkViewMatrices(views.P, views.Q, n, caller, views.names);
  const diagonal = defaultOmegaDiagonal(cov.values, p, k, n, tau);
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? diagonal[i]! : 0)));
}

/**
 * The diagonal of `τ·P·Σ·Pᵀ` (PyPortfolioOpt's `np.diag(tau * P @ cov_matrix @ P.T)`), from row-major arrays.
 *
 * @param sigma Σ, row-major `N × N`.
 * @param p P, row-major `K × N`.
 * @param k number of views.
 * @param n number of assets.
 * @param tau τ.
 * @returns the K diagonal entries.
 *
 * @example
 * ```ts
 * defaultOmegaDiagonal(Float64Array.from([0.04, 0.01, 0.01, 0.09]), Float64Array.from([1, -1]), 1, 2, 0.05); // => ≈ Float64Array [0.0055]
 * ```
 */
export function defaultOmegaDiagonal(sigma: Float64Array, p: Float64Array, k: number, n: number, tau: number): Float64Array {
  const out = new Float64Array(k);
  for (let v = 0; v < k; v++) out[v] = viewVariance(sigma, p, v, n, tau);
  return out;
}

/**
 * `(s·pᵥ)·Σ·pᵥᵀ` for row v of P, evaluated left to right as numpy does `s * P_view @ cov_matrix @ P_view.T`.
 *
 * @example
 * ```ts
 * viewVariance(Float64Array.from([0.04, 0.01, 0.01, 0.09]), Float64Array.from([1, -1]), 0, 2, 1); // => ≈ 0.11
 * ```
 */
export function viewVariance(sigma: Float64Array, p: Float64Array, v: number, n: number, scale: number): number {
  let total = 0;
  for (let j = 0; j < n; j++) {
    let s = 0; // ((scale·p)ᵀΣ)_j
    for (let i = 0; i < n; i++) s += scale * p[v * n + i]! * sigma[i * n + j]!;
    total += s * p[v * n + j]!;
  }
  return total;
}
