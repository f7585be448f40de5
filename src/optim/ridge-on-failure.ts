/**
 * Solving again with a small ridge when a quadratic programme's curvature is singular.
 */
import { NumericalError } from "../core/index";

/**
 * The ridge a singular curvature gets, relative to the mean of its first `n` diagonal entries: small enough to move
 * the minimiser by about 1e-10 × (mean variance / smallest non-zero eigenvalue), large enough for the factorisation.
 */
export const FALLBACK_RIDGE = 1e-10;

/**
 * `Q` (`N × N`, row-major) with `relative ×` the mean of its first `n` diagonal entries added to them.
 *
 * @example
 * ```ts
 * withRelativeRidge(Float64Array.of(2, 0, 0, 0), 2, 2, 0.5); // => Float64Array [2.5, 0, 0, 0.5]
 * ```
 */
export function withRelativeRidge(Q: Float64Array, N: number, n: number, relative: number): Float64Array {
  let trace = 0;
  for (let i = 0; i < n; i++) trace += Q[i * N + i]!;
  const ridge = relative * Math.max(trace / n, Number.MIN_VALUE);
  const out = Float64Array.from(Q);
  for (let i = 0; i < n; i++) out[i * N + i] = out[i * N + i]! + ridge;
  return out;
}

/**
 * `solve(Q)`, and when it fails with `NOT_POSITIVE_DEFINITE` (a singular covariance: a riskless asset, fewer days
 * than assets), `solve` again on `Q` with {@link FALLBACK_RIDGE} × the mean of its first `n` diagonal entries added
 * to them (the weights' block of an `N × N` curvature). A definite `Q` is solved as given.
 *
 * @example
 * ```ts
 * solveWithRidgeOnFailure(Q, n, n, (q) => solveBoxBudgetQp({ Q: q, budget: 1, lower, upper }).x);
 * ```
 * @throws whatever `solve` throws on the second attempt, or on the first for any other error.
 */
export function solveWithRidgeOnFailure<T>(Q: Float64Array, N: number, n: number, solve: (Q: Float64Array) => T): T {
  try {
    return solve(Q);
  } catch (error) {
    if (!(error instanceof NumericalError && error.code === "NOT_POSITIVE_DEFINITE")) throw error;
    return solve(withRelativeRidge(Q, N, n, FALLBACK_RIDGE));
  }
}
