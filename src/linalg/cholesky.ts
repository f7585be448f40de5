/**
 * Cholesky factorisation `A = L·Lᵀ` of a symmetric positive-definite matrix.
 */
import { InputError, NumericalError } from "../core/index";

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
  // Left-looking, two columns at a time: Lᵢⱼ = (Aᵢⱼ − Σ_{k<j} Lᵢₖ·Lⱼₖ) / Lⱼⱼ. Rows are processed four at a time against
  // the column pair (j, j + 1), so each pass over k runs eight independent sums over contiguous rows; every sum
  // still starts from Aᵢⱼ and subtracts the products in the order k = 0, 1, …, so the factor is bit for bit the
  // one of the plain loop.
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j += 2) {
    const rowJ = j * n;
    const rowJ1 = rowJ + n;
    // The diagonal block: Lⱼⱼ, Lⱼ₊₁,ⱼ, Lⱼ₊₁,ⱼ₊₁. `!(d > 0)` also rejects NaN.
    let d0 = a[rowJ + j]!;
    for (let k = 0; k < j; k++) d0 -= l[rowJ + k]! * l[rowJ + k]!;
    if (!(d0 > 0)) return null;
    const pivot0 = Math.sqrt(d0);
    l[rowJ + j] = pivot0;
    if (j + 1 === n) break; // the last column of an odd n: only its diagonal
    let below = a[rowJ1 + j]!;
    for (let k = 0; k < j; k++) below -= l[rowJ1 + k]! * l[rowJ + k]!;
    const lj1j = below / pivot0;
    l[rowJ1 + j] = lj1j;
    let d1 = a[rowJ1 + j + 1]!;
    for (let k = 0; k <= j; k++) d1 -= l[rowJ1 + k]! * l[rowJ1 + k]!;
    if (!(d1 > 0)) return null;
    const pivot1 = Math.sqrt(d1);
    l[rowJ1 + j + 1] = pivot1;
    let i = j + 2;
    for (; i + 3 < n; i += 4) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let s00 = a[r0 + j]!;
      let s01 = a[r0 + j + 1]!;
      let s10 = a[r1 + j]!;
      let s11 = a[r1 + j + 1]!;
      let s20 = a[r2 + j]!;
      let s21 = a[r2 + j + 1]!;
      let s30 = a[r3 + j]!;
      let s31 = a[r3 + j + 1]!;
      for (let k = 0; k < j; k++) {
        const y0 = l[rowJ + k]!;
        const y1 = l[rowJ1 + k]!;
        const x0 = l[r0 + k]!;
        const x1 = l[r1 + k]!;
        const x2 = l[r2 + k]!;
        const x3 = l[r3 + k]!;
        s00 -= x0 * y0;
        s01 -= x0 * y1;
        s10 -= x1 * y0;
        s11 -= x1 * y1;
        s20 -= x2 * y0;
        s21 -= x2 * y1;
        s30 -= x3 * y0;
        s31 -= x3 * y1;
      }
      // Column j + 1 also subtracts the k = j term, Lᵢⱼ·Lⱼ₊₁,ⱼ, last.
      let lij = s00 / pivot0;
      l[r0 + j] = lij;
      l[r0 + j + 1] = (s01 - lij * lj1j) / pivot1;
      lij = s10 / pivot0;
      l[r1 + j] = lij;
      l[r1 + j + 1] = (s11 - lij * lj1j) / pivot1;
      lij = s20 / pivot0;
      l[r2 + j] = lij;
      l[r2 + j + 1] = (s21 - lij * lj1j) / pivot1;
      lij = s30 / pivot0;
      l[r3 + j] = lij;
      l[r3 + j + 1] = (s31 - lij * lj1j) / pivot1;
    }
    for (; i < n; i++) {
      const rowI = i * n;
      let s0 = a[rowI + j]!;
      let s1 = a[rowI + j + 1]!;
      for (let k = 0; k < j; k++) {
        const x = l[rowI + k]!;
        s0 -= x * l[rowJ + k]!;
        s1 -= x * l[rowJ1 + k]!;
      }
      const lij = s0 / pivot0;
      l[rowI + j] = lij;
      l[rowI + j + 1] = (s1 - lij * lj1j) / pivot1;
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
