/**
 * Column means and standard deviations learnt on training rows, applied to any rows.
 */

/**
 * Means and sds (ddof 0) of each column; a constant column gets sd 1 (checked out earlier by `checkTrainingData`).
 *
 * @example
 * ```ts
 * fitStandardiser([Float64Array.of(1, 3)]); // => { means: Float64Array [2], sds: Float64Array [1] }
 * ```
 */
export function fitStandardiser(columns: readonly Float64Array[]): { means: Float64Array; sds: Float64Array } {
  const k = columns.length;
  const means = new Float64Array(k);
  const sds = new Float64Array(k);
  columns.forEach((c, j) => {
    const n = c.length;
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i]!;
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (c[i]! - m) ** 2;
    means[j] = m;
    sds[j] = ss > 0 ? Math.sqrt(ss / n) : 1;
  });
  return { means, sds };
}

/**
 * Row-major `n × k` matrix of standardised values `(x − mean) / sd`.
 *
 * @example
 * ```ts
 * standardise([Float64Array.of(1, 3)], Float64Array.of(2), Float64Array.of(1)); // => Float64Array [-1, 1]
 * ```
 */
export function standardise(columns: readonly Float64Array[], means: Float64Array, sds: Float64Array): Float64Array {
  const k = columns.length;
  const n = k > 0 ? columns[0]!.length : 0;
  const out = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    const c = columns[j]!;
    const m = means[j]!;
    const s = sds[j]!;
    for (let i = 0; i < n; i++) out[i * k + j] = (c[i]! - m) / s;
  }
  return out;
}
