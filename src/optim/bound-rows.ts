/**
 * Variable bounds written as inequality rows, for a QP solver that takes no bounds of its own (quadprog).
 */

/**
 * The finite bounds of the variables in `working` as rows `A·x ≤ b` over those variables (column `a` is
 * `working[a]`): `xₐ ≤ upper` as `+1 · xₐ ≤ upper`, `xₐ ≥ lower` as `−1 · xₐ ≤ −lower`, upper before lower for each
 * variable, in the order of `working`. Infinite bounds give no row.
 *
 * @param working indices of the variables, into `lower` and `upper`.
 * @param lower lower bounds of all variables (`-Infinity` allowed).
 * @param upper upper bounds of all variables (`Infinity` allowed).
 * @returns `{ A, b }`: `A` row-major `m × working.length`, `b` of length `m`.
 *
 * @example
 * ```ts
 * const { A, b } = boundRows([1], Float64Array.of(0, 0.1), Float64Array.of(1, 0.5));
 * A; // => Float64Array [1, -1]  (x₁ ≤ 0.5, −x₁ ≤ −0.1)
 * b; // => Float64Array [0.5, -0.1]
 * ```
 */
export function boundRows(working: readonly number[], lower: Float64Array, upper: Float64Array): { A: Float64Array; b: Float64Array } {
  const k = working.length;
  const columns: number[] = [];
  const signs: number[] = [];
  const rhs: number[] = [];
  for (let a = 0; a < k; a++) {
    const i = working[a]!;
    if (upper[i]! !== Infinity) {
      columns.push(a);
      signs.push(1);
      rhs.push(upper[i]!);
    }
    if (lower[i]! !== -Infinity) {
      columns.push(a);
      signs.push(-1);
      rhs.push(-lower[i]!);
    }
  }
  const A = new Float64Array(rhs.length * k);
  for (let r = 0; r < rhs.length; r++) A[r * k + columns[r]!] = signs[r]!;
  return { A, b: Float64Array.from(rhs) };
}
