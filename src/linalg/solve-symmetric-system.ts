/**
 * Solution of `A·X = B` for a symmetric `A`, as `np.linalg.solve` with PyPortfolioOpt's `lstsq` fallback.
 */
import { InputError } from "../core/index";
import { symmetricEigen } from "./symmetric-eigen";

/** The solution of a linear system and how it was obtained. */
export interface LinearSolution {
  /** `X`, row-major `n × nRhs`. */
  readonly x: Float64Array;
  /** `true` when `A` was exactly singular and `X` is the minimum-norm least-squares solution. */
  readonly leastSquares: boolean;
}

/**
 * Solves `A·X = B` for a symmetric `n × n` matrix `A` and `nRhs` right-hand sides.
 *
 * As PyPortfolioOpt's Black-Litterman code: `np.linalg.solve` (LU with partial pivoting, LAPACK `gesv`), and when
 * LAPACK reports the matrix exactly singular (a zero pivot), `np.linalg.lstsq(A, B, rcond=None)`: the minimum-norm
 * least-squares solution, with singular values below `ε·n·σ_max` treated as 0 (computed here from the
 * eigendecomposition, since `A` is symmetric). Near-singular systems are solved as they are, like numpy.
 *
 * @param a row-major `n × n` symmetric matrix (not modified).
 * @param n the dimension (0 allowed: nothing to solve).
 * @param b row-major `n × nRhs` right-hand sides (not modified).
 * @param nRhs number of right-hand sides.
 * @returns `{ x, leastSquares }`.
 * @throws InputError when the lengths do not match `n` and `nRhs`.
 *
 * @example
 * ```ts
 * solveSymmetricSystem(Float64Array.from([4, 2, 2, 3]), 2, Float64Array.from([2, 1]), 1).x; // => ≈ Float64Array [0.5, 0]
 * solveSymmetricSystem(Float64Array.from([1, 1, 1, 1]), 2, Float64Array.from([2, 2]), 1);
 * // => { x: ≈ Float64Array [1, 1], leastSquares: true }
 * ```
 */
export function solveSymmetricSystem(a: Float64Array, n: number, b: Float64Array, nRhs: number): LinearSolution {
  if (a.length !== n * n || b.length !== n * nRhs) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `solveSymmetricSystem: A has ${a.length} values and B ${b.length} for n = ${n} and ${nRhs} right-hand sides; pass n × n and n × nRhs`,
      { n, nRhs },
    );
  }
  const lu = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let largest = Math.abs(lu[col * n + col]!);
    for (let r = col + 1; r < n; r++) {
      const value = Math.abs(lu[r * n + col]!);
      if (value > largest) {
        largest = value;
        pivotRow = r;
      }
    }
    if (largest === 0) return { x: minimumNormSolution(a, n, b, nRhs), leastSquares: true };
    if (pivotRow !== col) {
      swapRows(lu, n, col, pivotRow);
      swapRows(x, nRhs, col, pivotRow);
    }
    const pivot = lu[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const factor = lu[r * n + col]! / pivot;
      if (factor === 0) continue;
      for (let c = col + 1; c < n; c++) lu[r * n + c] = lu[r * n + c]! - factor * lu[col * n + c]!;
      for (let c = 0; c < nRhs; c++) x[r * nRhs + c] = x[r * nRhs + c]! - factor * x[col * nRhs + c]!;
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    const pivot = lu[row * n + row]!;
    for (let c = 0; c < nRhs; c++) {
      let s = x[row * nRhs + c]!;
      for (let k = row + 1; k < n; k++) s -= lu[row * n + k]! * x[k * nRhs + c]!;
      x[row * nRhs + c] = s / pivot;
    }
  }
  return { x, leastSquares: false };
}

function swapRows(m: Float64Array, width: number, i: number, j: number): void {
  for (let c = 0; c < width; c++) {
    const tmp = m[i * width + c]!;
    m[i * width + c] = m[j * width + c]!;
    m[j * width + c] = tmp;
  }
}

/** `A⁺·B` from `A = V·diag(λ)·Vᵀ`, dropping |λ| ≤ ε·n·max|λ| (numpy `lstsq`'s default `rcond`). */
function minimumNormSolution(a: Float64Array, n: number, b: Float64Array, nRhs: number): Float64Array {
  const { values, vectors } = symmetricEigen(a, n);
  let largest = 0;
  for (let k = 0; k < n; k++) largest = Math.max(largest, Math.abs(values[k]!));
  const cutoff = Number.EPSILON * n * largest;
  const x = new Float64Array(n * nRhs);
  for (let k = 0; k < n; k++) {
    const lambda = values[k]!;
    if (!(Math.abs(lambda) > cutoff)) continue;
    for (let c = 0; c < nRhs; c++) {
      let projection = 0; // vₖᵀ b_c
      for (let i = 0; i < n; i++) projection += vectors[i * n + k]! * b[i * nRhs + c]!;
      const coefficient = projection / lambda;
      for (let i = 0; i < n; i++) x[i * nRhs + c] = x[i * nRhs + c]! + coefficient * vectors[i * n + k]!;
    }
  }
  return x;
}
