/**
 * Centred returns of a price table without gaps, produced on the fly for the cross product: the fast path shared by
 * `sampleCovariance` and `ledoitWolfConstantVariance`.
 */
import type { DateTable } from "../../core/index";
import { checkDateTable } from "../../core/index";
import type { ColumnPanelWriter } from "../../linalg/index";

/** The centred returns of a complete price table, described rather than stored (see {@link completeCentredReturns}). */
export interface CompleteCentredReturns {
  /** Number of return rows `T` (dates − 1: nothing is dropped when no price is missing). */
  readonly nRows: number;
  /** Number of assets `N`. */
  readonly nColumns: number;
  /** Column means of the returns, length `N` (per period). */
  readonly means: Float64Array;
  /**
   * A `ColumnPanelWriter` of the centred returns `X[i][j] = r_ij − mean_j`, column-major. With `rowSquares`
   * (length `T`), each call also sets `rowSquares[i] = Σⱼ X[i][j]²` (summed in column order) for the rows it writes.
   */
  writer(rowSquares?: Float64Array): ColumnPanelWriter;
}

/**
 * The returns `r_ij = p_{i+1,j} / p_{i,j} − 1` (or `ln(1 + r_ij)`) of a price table **without any missing price**,
 * centred by column, as a writer for `crossProductOfPanels`: the returns are computed in the pass that lays them out
 * column-major, so no `T × N` array is made (not the row-major returns, not their column-major copy, not the centred
 * copy — each 20 MB on 5,000 × 500, and fresh pages are what dominated). The values are, bit for bit, those of
 * `returnsFromPrices` → `columnMajorReturns` → centring (means summed over rows in order, then `r − mean`), which is
 * what both `pairwiseCovariance` (complete columns) and `shrinkageReturns` (nothing to fill) compute.
 *
 * Returns `null` — the caller then takes its general path, which also reports errors — unless the table is well
 * formed (`checkDateTable`), has at least 3 dates, every price is positive and finite, and every column's sum of
 * returns is finite.
 *
 * @param prices prices, shape `nDates × nTickers`, row-major.
 * @param logReturns log returns instead of simple returns. Default `false`.
 * @returns the shape, the column means and the writer; or `null` (see above).
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3"], tickers: ["A"], values: Float64Array.from([10, 11, 12.1]) };
 * const c = completeCentredReturns(prices)!;  // returns 0.1, 0.1
 * c.means; // => ≈ Float64Array [0.1]
 * const x = new Float64Array(2);
 * c.writer()(x, 2, 0, 2); // x => ≈ [0, 0]
 * completeCentredReturns({ ...prices, values: Float64Array.from([10, NaN, 12.1]) }); // => null (a gap)
 * ```
 */
export function completeCentredReturns(prices: DateTable, logReturns = false): CompleteCentredReturns | null {
  try {
    checkDateTable(prices, "completeCentredReturns", "prices");
  } catch {
    return null;
  }
  const n = prices.tickers.length;
  const t = prices.dates.length - 1;
  if (t < 2 || n < 1) return null;
  const p = prices.values;
  const means = columnMeans(p, t, n, logReturns);
  if (means === null) return null;
  const writer = (rowSquares?: Float64Array): ColumnPanelWriter => (target, stride, firstRow, rows) =>
    writeCentred(p, n, means, logReturns, target, stride, firstRow, rows, rowSquares ?? null);
  return { nRows: t, nColumns: n, means, writer };
}

/**
 * Column means of the returns, each summed over the rows in order; `null` when a price is not positive and finite
 * (a return not in (−1, ∞): a zero, negative, NaN or infinite price on either side — or a fall so steep, below
 * 2⁻⁵³ of the price, that `r` rounds to −1, left to the general path too) or a sum is not finite.
 */
function columnMeans(p: Float64Array, t: number, n: number, logReturns: boolean): Float64Array | null {
  const sums = new Float64Array(n);
  for (let i = 0; i < t; i++) {
    const before = i * n;
    const after = before + n;
    if (logReturns) {
      for (let j = 0; j < n; j++) {
        const r = p[after + j]! / p[before + j]! - 1;
        if (!(r > -1 && r < Infinity)) return null;
        sums[j] = sums[j]! + Math.log(1 + r);
      }
    } else {
      for (let j = 0; j < n; j++) {
        const r = p[after + j]! / p[before + j]! - 1;
        if (!(r > -1 && r < Infinity)) return null;
        sums[j] = sums[j]! + r;
      }
    }
  }
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(sums[j]!)) return null;
    sums[j] = sums[j]! / t;
  }
  return sums;
}

/**
 * Writes the centred returns of rows `firstRow … firstRow + rows − 1` column-major into `target` (row by row: the
 * prices are read in order, each row's values scattered to their columns), with each row's sum of squares.
 */
function writeCentred(
  p: Float64Array, n: number, means: Float64Array, logReturns: boolean,
  target: Float64Array, stride: number, firstRow: number, rows: number, rowSquares: Float64Array | null,
): void {
  for (let k = 0; k < rows; k++) {
    const i = firstRow + k;
    const before = i * n;
    const after = before + n;
    let squares = 0;
    if (logReturns) {
      for (let j = 0, at = k; j < n; j++, at += stride) {
        const x = Math.log(1 + (p[after + j]! / p[before + j]! - 1)) - means[j]!;
        target[at] = x;
        squares += x * x;
      }
    } else {
      for (let j = 0, at = k; j < n; j++, at += stride) {
        const x = p[after + j]! / p[before + j]! - 1 - means[j]!;
        target[at] = x;
        squares += x * x;
      }
    }
    if (rowSquares !== null) rowSquares[i] = squares;
  }
}
