/**
 * Triangular solves with a Cholesky factor: forward substitution `L·z = b`, back substitution `Lᵀ·x = z`, and both
 * together, `A·x = b` for `A = L·Lᵀ`.
 */
import { InputError } from "../core/index";

function checkShapes(l: Float64Array, b: ArrayLike<number>, n: number, caller: string): void {
  if (!Number.isInteger(n) || n < 0 || l.length !== n * n || b.length !== n) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `${caller}: L has ${l.length} values and the right-hand side ${b.length} for n = ${n}; pass a row-major n × n factor and n values`,
      { n, factor: l.length, rhs: b.length },
    );
  }
}

/**
 * Solves `L·z = b` for a lower-triangular `L` by forward substitution:
 * `zᵢ = (bᵢ − Σ_{k<i} Lᵢₖ·zₖ) / Lᵢᵢ`, the products subtracted in the order k = 0, 1, …
 *
 * @param l row-major `n × n` lower-triangular matrix (only `i >= j` is read; e.g. from {@link cholesky}); not modified.
 * @param b right-hand side, length `n`; not modified.
 * @param n the dimension.
 * @returns `z`, a new array of length `n` (same units as `b` over those of `L`).
 * @throws InputError when the lengths do not match `n`.
 *
 * @example
 * ```ts
 * forwardSubstitution(Float64Array.of(2, 0, 1, 3), Float64Array.of(4, 5), 2); // => Float64Array [2, 1]
 * ```
 */
export function forwardSubstitution(l: Float64Array, b: ArrayLike<number>, n: number): Float64Array {
  checkShapes(l, b, n, "forwardSubstitution");
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * z[k]!;
    z[i] = s / l[i * n + i]!;
  }
  return z;
}

/**
 * Solves `Lᵀ·x = z` for a lower-triangular `L` (so `Lᵀ` is upper-triangular) by back substitution:
 * `xᵢ = (zᵢ − Σ_{k>i} Lₖᵢ·xₖ) / Lᵢᵢ`, the products subtracted in the order k = i + 1, i + 2, …
 *
 * @param l row-major `n × n` lower-triangular matrix (only `i >= j` is read); not modified.
 * @param z right-hand side, length `n`; not modified.
 * @param n the dimension.
 * @returns `x`, a new array of length `n`.
 * @throws InputError when the lengths do not match `n`.
 *
 * @example
 * ```ts
 * // Lᵀ = [[2, 1], [0, 3]]
 * transposedBackSubstitution(Float64Array.of(2, 0, 1, 3), Float64Array.of(2, 1), 2); // => ≈ Float64Array [0.8333, 0.3333]
 * ```
 */
export function transposedBackSubstitution(l: Float64Array, z: ArrayLike<number>, n: number): Float64Array {
  checkShapes(l, z, n, "transposedBackSubstitution");
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/**
 * Solves `A·x = b` given the Cholesky factor `L` of `A = L·Lᵀ` ({@link cholesky} or {@link tryCholesky}):
 * {@link forwardSubstitution} then {@link transposedBackSubstitution}.
 *
 * @param l row-major `n × n` Cholesky factor of `A`; not modified.
 * @param b right-hand side, length `n`; not modified.
 * @param n the dimension.
 * @returns `x`, a new array of length `n`.
 * @throws InputError when the lengths do not match `n`.
 *
 * @example
 * ```ts
 * // A = [[4, 2], [2, 3]] = L·Lᵀ
 * choleskySolve(cholesky(Float64Array.of(4, 2, 2, 3), 2), Float64Array.of(2, 1), 2); // => Float64Array [0.5, 0]
 * ```
 */
export function choleskySolve(l: Float64Array, b: ArrayLike<number>, n: number): Float64Array {
  return transposedBackSubstitution(l, forwardSubstitution(l, b, n), n);
}
