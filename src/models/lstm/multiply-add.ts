/**
 * The small matrix product of the LSTM engine, C += A·B on Float64Arrays, blocked four rows by
 * four inner indices so that each pass of the inner loop does 16 multiply-adds for 4 loads of B
 * and 4 loads and stores of C (about twice the speed of a plain triple loop in V8).
 */

/**
 * C += A · B on flat arrays with offsets and strides: for i < m, j < n,
 * `c[cOff + i·cRow + j] += Σ_{p<k} a[aOff + i·aRow + p·aCol] · b[bOff + p·bRow + j]`.
 * B and C are row-major (their columns contiguous); A's strides are free, so `aRow = 1,
 * aCol = width` multiplies by the transpose of a row-major A.
 *
 * @example
 * ```ts
 * const c = new Float64Array(1);
 * multiplyAdd(1, 2, 1, Float64Array.of(1, 2), 0, 2, 1, Float64Array.of(3, 4), 0, 1, c, 0, 1);
 * c; // => Float64Array [11]
 * ```
 */
export function multiplyAdd(
  m: number,
  k: number,
  n: number,
  a: Float64Array,
  aOff: number,
  aRow: number,
  aCol: number,
  b: Float64Array,
  bOff: number,
  bRow: number,
  c: Float64Array,
  cOff: number,
  cRow: number,
): void {
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = aOff + i * aRow;
    const a1 = a0 + aRow;
    const a2 = a1 + aRow;
    const a3 = a2 + aRow;
    const c0 = cOff + i * cRow;
    const c1 = c0 + cRow;
    const c2 = c1 + cRow;
    const c3 = c2 + cRow;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const q0 = p * aCol;
      const q1 = q0 + aCol;
      const q2 = q1 + aCol;
      const q3 = q2 + aCol;
      const x00 = a[a0 + q0]!, x01 = a[a0 + q1]!, x02 = a[a0 + q2]!, x03 = a[a0 + q3]!;
      const x10 = a[a1 + q0]!, x11 = a[a1 + q1]!, x12 = a[a1 + q2]!, x13 = a[a1 + q3]!;
      const x20 = a[a2 + q0]!, x21 = a[a2 + q1]!, x22 = a[a2 + q2]!, x23 = a[a2 + q3]!;
      const x30 = a[a3 + q0]!, x31 = a[a3 + q1]!, x32 = a[a3 + q2]!, x33 = a[a3 + q3]!;
      const b0 = bOff + p * bRow;
      const b1 = b0 + bRow;
      const b2 = b1 + bRow;
      const b3 = b2 + bRow;
      for (let j = 0; j < n; j++) {
        const y0 = b[b0 + j]!;
        const y1 = b[b1 + j]!;
        const y2 = b[b2 + j]!;
        const y3 = b[b3 + j]!;
        c[c0 + j] += x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
        c[c1 + j] += x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
        c[c2 + j] += x20 * y0 + x21 * y1 + x22 * y2 + x23 * y3;
        c[c3 + j] += x30 * y0 + x31 * y1 + x32 * y2 + x33 * y3;
      }
    }
    for (; p < k; p++) {
      const q = p * aCol;
      const x0 = a[a0 + q]!, x1 = a[a1 + q]!, x2 = a[a2 + q]!, x3 = a[a3 + q]!;
      const b0 = bOff + p * bRow;
      for (let j = 0; j < n; j++) {
        const y = b[b0 + j]!;
        c[c0 + j] += x0 * y;
        c[c1 + j] += x1 * y;
        c[c2 + j] += x2 * y;
        c[c3 + j] += x3 * y;
      }
    }
  }
  for (; i < m; i++) {
    const a0 = aOff + i * aRow;
    const c0 = cOff + i * cRow;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const x0 = a[a0 + p * aCol]!, x1 = a[a0 + (p + 1) * aCol]!, x2 = a[a0 + (p + 2) * aCol]!, x3 = a[a0 + (p + 3) * aCol]!;
      const b0 = bOff + p * bRow;
      const b1 = b0 + bRow;
      const b2 = b1 + bRow;
      const b3 = b2 + bRow;
      for (let j = 0; j < n; j++) c[c0 + j] += x0 * b[b0 + j]! + x1 * b[b1 + j]! + x2 * b[b2 + j]! + x3 * b[b3 + j]!;
    }
    for (; p < k; p++) {
      const x = a[a0 + p * aCol]!;
      const b0 = bOff + p * bRow;
      for (let j = 0; j < n; j++) c[c0 + j] += x * b[b0 + j]!;
    }
  }
}
