/**
 * The product of the LSTM engine in "A·Bᵀ" form, C += A·Bᵀ, where both operands are read along their rows: each
 * entry of C is a dot product of two contiguous runs. Plain JavaScript: the reference of the WebAssembly kernel
 * (`transposed-product-kernel.ts`), and what runs where WebAssembly SIMD is missing.
 */

/**
 * C += A · Bᵀ on one flat array holding all three matrices, row-major with free row strides: for i < m, j < n,
 * `mem[c + i·ldc + j] += Σ_{p<k} mem[a + i·lda + p] · mem[b + j·ldb + p]` (offsets and strides in elements).
 * Each sum runs in increasing p, in pairs (even p, odd p) added at the end, as the SIMD kernel adds its two lanes;
 * so both give bit-identical results.
 *
 * @param m rows of A and C; n rows of B, columns of C; k the length of each dot product.
 * @example
 * ```ts
 * const mem = Float64Array.of(1, 2, 3, 4, 0); // A = [1 2], B = [3 4], C at 4
 * multiplyAddTransposed(1, 1, 2, mem, 0, 2, 2, 2, 4, 1);
 * mem[4]; // => 11
 * ```
 */
export function multiplyAddTransposed(m: number, n: number, k: number, mem: Float64Array, a: number, lda: number, b: number, ldb: number, c: number, ldc: number): void {
  multiplyAddTransposedRange(0, m, 0, n, k, mem, a, lda, b, ldb, c, ldc);
}

/**
 * {@link multiplyAddTransposed} restricted to rows i0 ≤ i < i1 and columns j0 ≤ j < j1 of C (the edges the SIMD
 * kernel's 4 × 2 blocks leave).
 *
 * @example
 * ```ts
 * const mem = Float64Array.of(1, 2, 3, 4, 0, 0); // A = [1 2; 3 4] (rows 0, 1), B = A, C at 4 (2 × 1)
 * multiplyAddTransposedRange(1, 2, 0, 1, 2, mem, 0, 2, 0, 2, 4, 1);
 * mem[5]; // => 11 (row 1 of A · row 0 of B); mem[4] stays 0
 * ```
 */
export function multiplyAddTransposedRange(i0: number, i1: number, j0: number, j1: number, k: number, mem: Float64Array, a: number, lda: number, b: number, ldb: number, c: number, ldc: number): void {
  const even = k & ~1;
  for (let i = i0; i < i1; i++) {
    const ai = a + i * lda;
    for (let j = j0; j < j1; j++) {
      const bj = b + j * ldb;
      let s0 = 0;
      let s1 = 0;
      let p = 0;
      for (; p < even; p += 2) {
        s0 += mem[ai + p]! * mem[bj + p]!;
        s1 += mem[ai + p + 1]! * mem[bj + p + 1]!;
      }
      if (p < k) s0 += mem[ai + p]! * mem[bj + p]!;
      const at = c + i * ldc + j;
      mem[at] = mem[at]! + (s0 + s1);
    }
  }
}
