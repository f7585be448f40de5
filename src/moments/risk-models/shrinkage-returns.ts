/**
 * The returns PyPortfolioOpt's `CovarianceShrinkage` works on: missing returns filled with 0, then demeaned.
 */
import type { DateTable } from "../../core/index";
import { returnColumns } from "../expected-returns/return-columns";

/** Returns prepared for the shrinkage estimators (see {@link shrinkageReturns}). */
export interface ShrinkageReturns {
  /** The returns with their gaps (`NaN`), row-major `nRows × nColumns`, as `returnsFromPrices` gives them. */
  readonly returns: DateTable;
  /** Column-major `nRows × nColumns`: each return minus its column mean, after filling missing returns with 0. */
  readonly centred: Float64Array;
  /** Number of return rows `T`. */
  readonly nRows: number;
  /** Number of assets `N`. */
  readonly nColumns: number;
  /** `true` when no return was missing (so nothing was filled). */
  readonly complete: boolean;
}

/**
 * Returns from prices, prepared as PyPortfolioOpt's `CovarianceShrinkage` does:
 * `X = returns_from_prices(prices).dropna(how="all")`, then `np.nan_to_num(X)` — **every missing return becomes a
 * 0 return** (before a stock listed, after it delisted, on both sides of a gap) — then `X − X.mean(axis=0)`, so the
 * column means include those zeros. The shrinkage estimators all start from this matrix (sklearn centres it the same
 * way), except that the constant-correlation target also uses the gap-aware sample covariance.
 *
 * @param prices prices, shape `nDates × nTickers`; `NaN` = missing.
 * @param caller the public function name used to prefix error messages.
 * @param logReturns use log returns. Default `false`.
 * @returns the filled, centred returns column-major, with the original returns.
 * @throws InputError for bad prices or a column with fewer than 2 returns (naming the ticker).
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3", "d4"], tickers: ["A", "B"],
 *   values: Float64Array.from([10, NaN, 11, 20, 12.1, 22, 11, 24.2]) };
 * // returns A: 0.1, 0.1, −1.1/12.1; B: NaN → 0, 0.1, 0.1 (mean 0.0667)
 * shrinkageReturns(prices, "example").centred.slice(3); // => ≈ Float64Array [-0.0667, 0.0333, 0.0333]
 * ```
 */
export function shrinkageReturns(prices: DateTable, caller: string, logReturns = false): ShrinkageReturns {
  const { returns, columns, nRows: t, nColumns: n, complete } = returnColumns(prices, caller, { logReturns });
  const centred = new Float64Array(n * t);
  for (let j = 0; j < n; j++) {
    const base = j * t;
    let sum = 0;
    for (let i = 0; i < t; i++) {
      const r = columns[base + i]!;
      const filled = Number.isNaN(r) ? 0 : r;
      centred[base + i] = filled;
      sum += filled;
    }
    const mean = sum / t;
    for (let i = 0; i < t; i++) centred[base + i] = centred[base + i]! - mean;
  }
  return { returns, centred, nRows: t, nColumns: n, complete };
}
