/**
 * The shape check of a column-major data matrix, shared by the cross-product kernels.
 */
import { InputError } from "../core/index";

/**
 * Checks that `columns` holds `nRows × nColumns` values (whole, non-negative counts).
 *
 * @param columns column-major values.
 * @param nRows number of rows (observations).
 * @param nColumns number of columns (assets).
 * @param caller the public function name used to prefix the message.
 * @throws InputError SHAPE_MISMATCH when the counts are not whole and non-negative or the length differs.
 *
 * @example
 * ```ts
 * checkColumnMajor(Float64Array.of(1, 2, 3), 2, 2, "crossProduct"); // => throws "crossProduct: 3 values do not make 2 rows × 2 columns; …"
 * ```
 */
export function checkColumnMajor(columns: Float64Array, nRows: number, nColumns: number, caller: string): void {
  if (!Number.isInteger(nRows) || !Number.isInteger(nColumns) || nRows < 0 || nColumns < 0 || columns.length !== nRows * nColumns) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `${caller}: ${columns.length} values do not make ${nRows} rows × ${nColumns} columns; pass a column-major matrix`,
      { length: columns.length, nRows, nColumns },
    );
  }
}
