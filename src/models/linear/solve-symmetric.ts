/**
 * Solving `A·x = b` for a small symmetric positive-definite `A` (normal equations of the linear models).
 */
import { NumericalError } from "../../core/index";
import { choleskySolve, tryCholesky } from "../../linalg/index";

/**
 * Solves the normal equations `A·x = b` of a linear model by Cholesky factorisation (linalg's {@link tryCholesky}
 * and {@link choleskySolve}), with an error that says how to make the system solvable.
 *
 * @param a row-major `k × k` symmetric positive-definite matrix (not modified).
 * @param b right-hand side, length `k` (not modified).
 * @param what the model named in the error, e.g. `"RidgeRegression.fit"`.
 * @returns `x`, length `k`.
 * @throws NumericalError NOT_POSITIVE_DEFINITE when a pivot is not positive (increase the ridge penalty).
 * @example
 * ```ts
 * solveSymmetric(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1)); // => Float64Array [0.5, 0]
 * ```
 */
export function solveSymmetric(a: Float64Array, b: Float64Array, what = "linear model"): Float64Array {
  const k = b.length;
  const l = tryCholesky(a, k);
  if (l === null) {
    throw new NumericalError(
      "NOT_POSITIVE_DEFINITE",
      `${what}: the normal equations are singular (not positive definite); increase the ridge penalty (alpha) or drop collinear features`,
      { k },
    );
  }
  return choleskySolve(l, b, k);
}
