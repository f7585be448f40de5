/**
 * Returns laid out column by column, with each column's observation count: the first step the estimators share
 * (PyPortfolioOpt's `returns_from_prices` followed by per-column work).
 */
import { InputError } from "../../core/index";
import type { DateTable } from "../../core/index";
import { returnsFromPrices } from "../../core/index";

/** Per-period returns of a price table, in both layouts, with their observation counts. */
export interface ReturnColumns {
  /** The returns as {@link returnsFromPrices} gives them: row-major, `nRows × nColumns`, `NaN` = missing. */
  readonly returns: DateTable;
  /** The same returns column-major: `columns[j * nRows + i]` is the return of ticker `j` on row `i`. */
  readonly columns: Float64Array;
  /** Non-`NaN` returns per column, length `nColumns`. */
  readonly counts: Int32Array;
  /** Number of return rows (dates kept by `returnsFromPrices`). */
  readonly nRows: number;
  /** Number of tickers. */
  readonly nColumns: number;
  /** `true` when no return is missing. */
  readonly complete: boolean;
}

/** Options of {@link returnColumns}. */
export interface ReturnColumnsOptions {
  /** Log returns `ln(p_t / p_{t-1})` instead of simple returns. Default `false`. */
  readonly logReturns?: boolean;
  /** Fewest non-missing returns a column may have. Default 2 (the rule of every estimator here). */
  readonly minObservations?: number;
}

/** A returns table copied column-major, with each column's count of observed (non-`NaN`) returns. */
export interface ColumnMajorReturns {
  /** `columns[j * nRows + i]` is the return of ticker `j` on row `i` (`NaN` = missing). */
  readonly columns: Float64Array;
  /** Observed returns per column, length `nColumns`. */
  readonly counts: Int32Array;
}

/** Rows per block of the transpose, so the writes to each column stay in cache. */
const ROWS_PER_BLOCK = 64;

/**
 * Copies a row-major returns table column-major (in blocks of rows, so the writes to each column stay in cache) and
 * counts each column's observed returns. A missing return (`NaN`) is kept; an infinite one is refused.
 *
 * @param returns per-period returns, `nRows × nColumns` row-major; `NaN` = missing.
 * @param caller the public function name used to prefix error messages.
 * @returns `{ columns, counts }` (see {@link ColumnMajorReturns}).
 * @throws InputError NON_FINITE_RETURN naming the ticker and date of a ±Infinity return.
 *
 * @example
 * ```ts
 * const r = columnMajorReturns({ dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.of(0.1, NaN, 0.2, 0.3) }, "f");
 * r.columns; // => Float64Array [0.1, 0.2, NaN, 0.3]
 * r.counts;  // => Int32Array [2, 1]
 * ```
 */
export function columnMajorReturns(returns: DateTable, caller: string): ColumnMajorReturns {
  const nRows = returns.dates.length;
  const nColumns = returns.tickers.length;
  const values = returns.values;
  const columns = new Float64Array(nRows * nColumns);
  const counts = new Int32Array(nColumns);
  for (let i0 = 0; i0 < nRows; i0 += ROWS_PER_BLOCK) {
    const i1 = Math.min(nRows, i0 + ROWS_PER_BLOCK);
    for (let j = 0; j < nColumns; j++) {
      const base = j * nRows;
      let observed = 0;
      for (let i = i0; i < i1; i++) {
        const r = values[i * nColumns + j]!;
        columns[base + i] = r;
        if (r - r === 0) observed++; // finite
        else if (r === Infinity || r === -Infinity) {
          throw new InputError(
            "NON_FINITE_RETURN",
            `${caller}: return of ${returns.tickers[j]} on ${returns.dates[i]} is ${r}; check the prices around that date (a zero price?)`,
            { ticker: returns.tickers[j], date: returns.dates[i], value: r },
          );
        }
      }
      counts[j] = counts[j]! + observed;
    }
  }
  return { columns, counts };
}

/**
 * Returns from prices ({@link returnsFromPrices}: no padding across gaps, all-missing rows dropped), copied
 * column-major, with each column's count of observed returns checked against `minObservations`.
 *
 * @param prices prices, shape `nDates × nTickers`; `NaN` = missing.
 * @param caller the public function name used to prefix error messages.
 * @param options `{ logReturns = false, minObservations = 2 }`.
 * @returns the returns in both layouts with their counts (see {@link ReturnColumns}).
 * @throws InputError for bad prices (see {@link returnsFromPrices}) or a column with fewer than `minObservations`
 *   returns (the message names the ticker).
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.from([10, 20, 11, 22, 12.1, 22]) };
 * const r = returnColumns(prices, "example");
 * r.columns; // => ≈ Float64Array [0.1, 0.1, 0.1, 0]  (A's two returns, then B's)
 * r.counts;  // => Int32Array [2, 2]
 * ```
 */
export function returnColumns(prices: DateTable, caller: string, options: ReturnColumnsOptions = {}): ReturnColumns {
  const minObservations = options.minObservations ?? 2;
  let returns: DateTable;
  try {
    returns = returnsFromPrices(prices, { logReturns: options.logReturns ?? false });
  } catch (error) {
    // Re-prefix the message with the public caller so the user sees where it came from.
    if (error instanceof InputError) {
      throw new InputError(error.code, error.message.replace(/^returnsFromPrices:/, `${caller}:`), { ...error.details }, { cause: error });
    }
    throw error;
  }
  const nRows = returns.dates.length;
  const nColumns = returns.tickers.length;
  const { columns, counts } = columnMajorReturns(returns, caller);
  let complete = true;
  for (let j = 0; j < nColumns && complete; j++) complete = counts[j] === nRows;
  for (let j = 0; j < nColumns; j++) {
    if (counts[j]! < minObservations) {
      throw new InputError(
        "TOO_FEW_OBSERVATIONS",
        `${caller}: column ${returns.tickers[j]} has ${counts[j]} return observation${counts[j] === 1 ? "" : "s"}; pass at least ${minObservations} (a longer window) or drop the column`,
        { ticker: returns.tickers[j], count: counts[j] },
      );
    }
  }
  return { returns, columns, counts, nRows, nColumns, complete };
}
