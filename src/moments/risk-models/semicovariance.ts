/**
 * Annualised semicovariance of returns below a benchmark, as PyPortfolioOpt's `risk_models.semicovariance`.
 */
import { TRADING_DAYS_PER_YEAR } from "../../core/index";
import { InputError } from "../../core/index";
import type { DateTable } from "../../core/index";
import { returnColumns } from "../expected-returns/return-columns";
import { checkFrequency } from "../../core/index";
import { crossProduct } from "./cross-product";
import { fixNonpositiveSemidefinite, type PsdRepairedMatrix } from "./fix-nonpositive-semidefinite";

/** Options of {@link semicovariance}. */
export interface SemicovarianceOptions {
  /**
   * Per-period benchmark return `B` (a fraction per period, e.g. per day for daily prices). Default 0. PyPortfolioOpt's
   * default is `0.000079` (≈ 1.02^(1/252) − 1, a 2 % annual risk-free rate); pass it to compare.
   */
  readonly benchmark?: number;
  /** Periods per year used to annualise. Default {@link TRADING_DAYS_PER_YEAR} (252). */
  readonly frequency?: number;
  /** Use log returns `ln(p_t / p_{t-1})`. Default `false`. */
  readonly logReturns?: boolean;
}

/**
 * Annualised semicovariance matrix: `S = DᵀD / T × frequency` with `D[t][i] = min(r[t][i] − B, 0)`, the shortfalls
 * below the benchmark, then PSD repair (see `fixNonpositiveSemidefinite`; check `repaired`).
 *
 * Mirrors PyPortfolioOpt's `drops = np.fmin(returns - benchmark, 0); (drops.T @ drops) / T * frequency`, including
 * its treatment of missing data: `np.fmin` returns 0 for a `NaN` return, so a missing return counts as **no
 * shortfall**, and `T` is the number of return rows (after `returnsFromPrices` drops all-missing rows), the same for
 * every pair — a stock that listed late therefore has a smaller semivariance than over its own history. Not centred:
 * it is a second moment about `B`, not about the mean.
 *
 * @param prices prices, shape `nDates × nTickers`; `NaN` = missing.
 * @param options `{ benchmark = 0, frequency = 252, logReturns = false }`.
 * @returns annualised semicovariance (squared returns per year), `nTickers × nTickers` labelled by ticker,
 *   with `repaired` and `minEigenvalue` from the repair step.
 * @throws InputError for bad prices, a bad frequency, a non-finite benchmark, or a column with fewer than 2 returns.
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.from([100, 100, 90, 110, 99, 99]) };
 * // returns A: −0.1, 0.1; B: 0.1, −0.1 → shortfalls A: [−0.1, 0], B: [0, −0.1]
 * semicovariance(prices, { frequency: 1 }).values; // => ≈ Float64Array [0.005, 0, 0, 0.005]
 * ```
 */
export function semicovariance(prices: DateTable, options: SemicovarianceOptions = {}): PsdRepairedMatrix {
  const caller = "semicovariance";
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const benchmark = options.benchmark ?? 0;
  if (!Number.isFinite(benchmark)) {
    throw new InputError(
      "BAD_BENCHMARK",
      `${caller}: benchmark ${benchmark} is not finite; pass a per-period return, e.g. 0 or 0.000079 (2 % a year, daily)`,
      { benchmark },
    );
  }
  const { returns, columns, nRows, nColumns } = returnColumns(prices, caller, { logReturns: options.logReturns ?? false });
  const drops = new Float64Array(columns.length);
  for (let k = 0; k < columns.length; k++) {
    const shortfall = columns[k]! - benchmark;
    // np.fmin(NaN, 0) = 0: a missing return is no shortfall.
    drops[k] = shortfall < 0 ? shortfall : 0;
  }
  const gram = crossProduct(drops, nRows, nColumns);
  const scale = frequency / nRows;
  const annual = gram.map((x) => x * scale);
  return fixNonpositiveSemidefinite({ labels: [...returns.tickers], values: annual });
}
