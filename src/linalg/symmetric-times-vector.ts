/**
 * The product of a dense symmetric matrix and a vector that is mostly zeros — the gradient `Qx` of a
 * long-only portfolio problem, where most weights sit at 0.
 */
import { InputError } from "../core/index";

/**
 * `out = Q·x` for a symmetric `n × n` matrix `Q` (row-major), read as `Σⱼ xⱼ·(row j of Q)` over the non-zero
 * `xⱼ` only: O(n·nnz(x)) instead of O(n²), with contiguous rows and four rows per pass. Exact up to round-off
 * for a symmetric `Q` (row `j` is column `j`); for a slightly asymmetric one it is `Qᵀx`.
 *
 * @param Q symmetric `n × n` matrix, row-major.
 * @param x the vector, length `n`.
 * @param out receives `Q·x`, length `n` (not `x` itself).
 * @param scratch optional index buffer of length ≥ `n`, reused across calls to avoid an allocation.
 * @returns `out`.
 * @throws InputError when the lengths disagree, `scratch` is shorter than `n` or `out` is `x`.
 *
 * @example
 * ```ts
 * symmetricTimesVector(Float64Array.of(2, 1, 1, 3), Float64Array.of(0, 1), new Float64Array(2));
 * // => Float64Array [1, 3]
 * ```
 */
export function symmetricTimesVector(Q: Float64Array, x: Float64Array, out: Float64Array, scratch?: Int32Array): Float64Array {
  const n = x.length;
  if (Q.length !== n * n || out.length !== n || out === x || (scratch !== undefined && scratch.length < n)) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `symmetricTimesVector: Q has ${Q.length} values, x ${n}, out ${out.length}${out === x ? " (the same array as x)" : ""}; pass an n × n Q, length-n vectors and a separate out`,
      { n },
    );
  }
  const nonZero = scratch ?? new Int32Array(n);
  let m = 0;
  for (let j = 0; j < n; j++) if (x[j] !== 0) nonZero[m++] = j;
  out.fill(0);
  // Four rows per pass; the last pass repeats its first row with weight 0 where fewer than four are left (one
  // loop for every count keeps the optimised code from meeting a path it has not seen).
  for (let k = 0; k < m; k += 4) {
    const j0 = nonZero[k]!;
    const j1 = k + 1 < m ? nonZero[k + 1]! : j0;
    const j2 = k + 2 < m ? nonZero[k + 2]! : j0;
    const j3 = k + 3 < m ? nonZero[k + 3]! : j0;
    const x0 = x[j0]!;
    const x1 = k + 1 < m ? x[j1]! : 0;
    const x2 = k + 2 < m ? x[j2]! : 0;
    const x3 = k + 3 < m ? x[j3]! : 0;
    const r0 = j0 * n;
    const r1 = j1 * n;
    const r2 = j2 * n;
    const r3 = j3 * n;
    for (let i = 0; i < n; i++) out[i] = out[i]! + (Q[r0 + i]! * x0 + Q[r1 + i]! * x1 + (Q[r2 + i]! * x2 + Q[r3 + i]! * x3));
  }
  return out;
}
