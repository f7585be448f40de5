/**
 * Cholesky factorisation `A = L·Lᵀ` of a symmetric positive-definite matrix.
 */
import { InputError, NumericalError } from "../../core/errors";

/**
 * Cholesky factor of a symmetric positive-definite `n × n` matrix (row-major), or `null` when a
 * pivot is not strictly positive (the matrix is not numerically positive definite) — the same test
 * as LAPACK `dpotrf`, which numpy's `cholesky` and PyPortfolioOpt's `_is_positive_semidefinite` use.
 *
 * Only the lower triangle (`i >= j`) is read; the input is not modified.
 *
 * @param a row-major `n × n` values.
 * @param n the dimension.
 * @returns the lower-triangular factor `L` (row-major `n × n`, zeros above the diagonal), or `null`.
 * @throws InputError when `a.length !== n * n`.
 *
 * @example
 * ```ts
 * tryCholesky(Float64Array.from([4, 2, 2, 10]), 2); // => Float64Array [2, 0, 1, 3]
 * tryCholesky(Float64Array.from([1, 2, 2, 1]), 2);  // => null (eigenvalues 3 and -1)
 * ```
 */
export function tryCholesky(a: Float64Array, n: number): Float64Array | null {
  if (!Number.isInteger(n) || n < 0 || a.length !== n * n) {
    throw new InputError(
      "NOT_SQUARE",
      `cholesky: matrix has ${a.length} values but n = ${n} needs ${n * n}; pass a row-major n × n matrix`,
      { length: a.length, n },
    );
  }
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let diagonal = a[rowJ + j]!;
    for (let k = 0; k < j; k++) diagonal -= l[rowJ + k]! * l[rowJ + k]!;
    // `!(diagonal > 0)` also rejects NaN.
    if (!(diagonal > 0)) return null;
    const pivot = Math.sqrt(diagonal);
    l[rowJ + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let sum = a[rowI + j]!;
      for (let k = 0; k < j; k++) sum -= l[rowI + k]! * l[rowJ + k]!;
      l[rowI + j] = sum / pivot;
    }
  }
  return l;
}

/**
 * Cholesky factor `L` (lower-triangular, row-major `n × n`) of a symmetric positive-definite matrix.
 *
 * @param a row-major `n × n` values; only the lower triangle is read.
 * @param n the dimension.
 * @throws InputError when `a.length !== n * n`.
 * @throws NumericalError when the matrix is not positive definite (a pivot is ≤ 0 or NaN).
 *
 * @example
 * ```ts
 * cholesky(Float64Array.from([4, 2, 2, 10]), 2); // => Float64Array [2, 0, 1, 3]
 * ```
 */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const l = tryCholesky(a, n);
  if (l === null) {
    throw new NumericalError(
      "NOT_POSITIVE_DEFINITE",
      `cholesky: the ${n} × ${n} matrix is not positive definite; repair it (riskModels.fixNonpositiveSemidefinite) or add a small ridge to its diagonal`,
      { n },
    );
  }
  return l;
}
