/**
 * Solving `A·x = b` for a small symmetric positive-definite `A` (normal equations of the linear models).
 */
import { NumericalError } from "../../core/index";

/**
 * Solves `A·x = b` by Cholesky factorisation.
 *
 * @param a row-major `k × k` symmetric positive-definite matrix (not modified).
 * @param b right-hand side, length `k` (not modified).
 * @throws NumericalError NOT_POSITIVE_DEFINITE when a pivot is not positive (increase the ridge penalty).
 * @example
 * ```ts
 * solveSymmetric(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1)); // => Float64Array [0.5, 0]
 * ```
 */
export function solveSymmetric(a: Float64Array, b: Float64Array, what = "linear model"): Float64Array {
  const k = b.length;
  const l = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j]!;
    for (let q = 0; q < j; q++) d -= l[j * k + q]! ** 2;
    if (!(d > 0)) throw new NumericalError("NOT_POSITIVE_DEFINITE", `${what}: the normal equations are singular at column ${j}; increase the ridge penalty (alpha) or drop collinear features`, { column: j });
    const pivot = Math.sqrt(d);
    l[j * k + j] = pivot;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j]!;
      for (let q = 0; q < j; q++) s -= l[i * k + q]! * l[j * k + q]!;
      l[i * k + j] = s / pivot;
    }
  }
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let q = 0; q < i; q++) s -= l[i * k + q]! * z[q]!;
    z[i] = s / l[i * k + i]!;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let q = i + 1; q < k; q++) s -= l[q * k + i]! * x[q]!;
    x[i] = s / l[i * k + i]!;
  }
  return x;
}
