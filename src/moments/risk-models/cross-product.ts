/**
 * The cross-product (Gram) matrix `XᵀX` of a column-major data matrix: the inner loop of every covariance here.
 */
import { InputError } from "../../core/index";
import { checkColumnMajor } from "../../linalg/index";
import { wasmCrossPanels, wasmCrossProduct, type ColumnPanelWriter } from "../../linalg/index";

/** Rows processed per pass, so the 6 columns a 3 × 3 block reads stay in the L1/L2 cache. */
const ROW_CHUNK = 512;

/**
 * `G = XᵀX` for `X` stored column-major (`columns[j * nRows + i]` = row `i`, column `j`): `G[a][b] = Σᵢ X[i][a]·X[i][b]`.
 *
 * Computed by the WebAssembly SIMD kernel (`linear-algebra/cross-product-kernel.wat`: 4 × 2 blocks of the lower
 * triangle, two rows per instruction; see `wasmCrossProduct`), on this thread plus, for `nRows·nColumns² ≥ 2·10⁷`,
 * a persistent worker thread per further core (up to 3) sharing its memory. For 5,000 × 500 that is about 3.5 times
 * faster than {@link scalarCrossProduct} on one core, about 6.5 times on two (≈ 70 ms and 38 ms against 250 ms on the
 * 2-core development machine). Synchronous all the same: the calling thread waits with `Atomics.wait`. Where
 * WebAssembly SIMD is unavailable, or a worker fails, {@link scalarCrossProduct} computes it. The result is exactly
 * symmetric and the same, bit for bit, with or without workers; summation order differs from BLAS, so results agree
 * with numpy's `X.T @ X` to rounding (≈ 1e-16 relative per term). `NaN`s propagate; callers fill or mask them first.
 *
 * @param columns column-major values, length `nRows × nColumns`.
 * @param nRows number of rows (observations).
 * @param nColumns number of columns (assets).
 * @returns a new row-major `nColumns × nColumns` symmetric matrix.
 * @throws InputError when the length is not `nRows × nColumns`.
 *
 * @example
 * ```ts
 * // X = [[1, 2], [3, 4]] (rows), stored by column as [1, 3, 2, 4]
 * crossProduct(Float64Array.from([1, 3, 2, 4]), 2, 2); // => Float64Array [10, 14, 14, 20]
 * ```
 */
export function crossProduct(columns: Float64Array, nRows: number, nColumns: number): Float64Array {
  checkColumnMajor(columns, nRows, nColumns, "crossProduct");
  return wasmCrossProduct(columns, nRows, nColumns) ?? scalarCrossProduct(columns, nRows, nColumns);
}

/**
 * `G = XᵀX` for an `X` that `write` produces column-major, panel by panel (see `ColumnPanelWriter`), instead of an
 * array holding it: the WebAssembly kernel gets `X` written straight into its memory (`wasmCrossPanels`), so a caller
 * that computes `X` on the fly (returns from prices, centred) allocates no `nRows × nColumns` array. Where the kernel is
 * unavailable (or a worker failed) `X` is written once more into a new array, whole, for {@link scalarCrossProduct}:
 * `write` must therefore give the same values whenever it is called for the same rows. Bit for bit the
 * {@link crossProduct} of the matrix `write` describes.
 *
 * @param write writes rows `firstRow … firstRow + rows − 1` of each column `j` from `target[j·stride]`.
 * @param nRows number of rows (observations).
 * @param nColumns number of columns (assets).
 * @returns a new row-major `nColumns × nColumns` symmetric matrix.
 * @throws InputError when `nRows` or `nColumns` is not a whole number ≥ 0.
 *
 * @example
 * ```ts
 * // X = [[1, 2], [3, 4]] (rows): X[i][j] = 1 + j + 2i
 * const write: ColumnPanelWriter = (target, stride, firstRow, rows) => {
 *   for (let j = 0; j < 2; j++) for (let i = 0; i < rows; i++) target[j * stride + i] = 1 + j + 2 * (firstRow + i);
 * };
 * crossProductOfPanels(write, 2, 2); // => Float64Array [10, 14, 14, 20]
 * ```
 */
export function crossProductOfPanels(write: ColumnPanelWriter, nRows: number, nColumns: number): Float64Array {
  if (!Number.isSafeInteger(nRows) || !Number.isSafeInteger(nColumns) || nRows < 0 || nColumns < 0) {
    throw new InputError("SHAPE_MISMATCH", `crossProductOfPanels: ${nRows} rows × ${nColumns} columns is not a matrix shape; pass whole numbers ≥ 0`, { nRows, nColumns });
  }
  const g = wasmCrossPanels(write, nRows, nColumns);
  if (g !== null) return g;
  const columns = new Float64Array(nRows * nColumns);
  if (nRows > 0) write(columns, nRows, 0, nRows);
  return scalarCrossProduct(columns, nRows, nColumns);
}

/**
 * {@link crossProduct} in plain JavaScript on the calling thread: the fallback where WebAssembly SIMD is unavailable.
 *
 * Only the lower triangle is computed, in 3 × 3 register blocks over chunks of {@link ROW_CHUNK} rows (about three
 * times faster than one dot product per pair in V8), then mirrored, so the result is exactly symmetric. Agrees with
 * {@link crossProduct} to rounding (the SIMD kernel sums even and odd rows separately).
 *
 * @param columns column-major values, length `nRows × nColumns`.
 * @param nRows number of rows (observations).
 * @param nColumns number of columns (assets).
 * @returns a new row-major `nColumns × nColumns` symmetric matrix.
 * @throws InputError when the length is not `nRows × nColumns`.
 *
 * @example
 * ```ts
 * scalarCrossProduct(Float64Array.from([1, 3, 2, 4]), 2, 2); // => Float64Array [10, 14, 14, 20]
 * ```
 */
export function scalarCrossProduct(columns: Float64Array, nRows: number, nColumns: number): Float64Array {
  checkColumnMajor(columns, nRows, nColumns, "scalarCrossProduct");
  const t = nRows;
  const n = nColumns;
  const g = new Float64Array(n * n);
  const n3 = n - (n % 3);
  for (let i0 = 0; i0 < t; i0 += ROW_CHUNK) {
    const i1 = Math.min(t, i0 + ROW_CHUNK);
    for (let a = 0; a < n3; a += 3) {
      const a0 = a * t;
      const a1 = a0 + t;
      const a2 = a1 + t;
      for (let b = 0; b <= a; b += 3) {
        const b0 = b * t;
        const b1 = b0 + t;
        const b2 = b1 + t;
        let s00 = 0, s01 = 0, s02 = 0, s10 = 0, s11 = 0, s12 = 0, s20 = 0, s21 = 0, s22 = 0;
        for (let i = i0; i < i1; i++) {
          const y0 = columns[b0 + i]!;
          const y1 = columns[b1 + i]!;
          const y2 = columns[b2 + i]!;
          const x0 = columns[a0 + i]!;
          const x1 = columns[a1 + i]!;
          const x2 = columns[a2 + i]!;
          s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2;
          s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2;
          s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2;
        }
        const r0 = a * n + b;
        const r1 = r0 + n;
        const r2 = r1 + n;
        g[r0] = g[r0]! + s00; g[r0 + 1] = g[r0 + 1]! + s01; g[r0 + 2] = g[r0 + 2]! + s02;
        g[r1] = g[r1]! + s10; g[r1 + 1] = g[r1 + 1]! + s11; g[r1 + 2] = g[r1 + 2]! + s12;
        g[r2] = g[r2]! + s20; g[r2 + 1] = g[r2 + 1]! + s21; g[r2 + 2] = g[r2 + 2]! + s22;
      }
    }
  }
  // The last n % 3 columns against every column up to themselves.
  for (let a = n3; a < n; a++) {
    const a0 = a * t;
    for (let b = 0; b <= a; b++) {
      const b0 = b * t;
      let s = 0;
      for (let i = 0; i < t; i++) s += columns[a0 + i]! * columns[b0 + i]!;
      g[a * n + b] = s;
    }
  }
  // Mirror the lower triangle (the diagonal 3 × 3 blocks also filled a few upper cells: overwrite them).
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < a; b++) g[b * n + a] = g[a * n + b]!;
  }
  return g;
}
