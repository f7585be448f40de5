/**
 * Ledoit-Wolf shrinkage towards a scaled identity, as PyPortfolioOpt's
 * `CovarianceShrinkage(prices).ledoit_wolf()` (which calls `sklearn.covariance.ledoit_wolf`).
 */
import { TRADING_DAYS_PER_YEAR } from "../../core/index";
import type { DateTable } from "../../core/index";
import { checkFrequency } from "../../core/index";
import { crossProduct } from "./cross-product";
import { shrinkageReturns } from "./shrinkage-returns";
import { annualiseShrunk, type ShrinkageOptions, type ShrunkCovariance } from "./shrunk-covariance";

/**
 * Ledoit-Wolf (2004) shrunk covariance with the **constant-variance** target `F = μ·I`, `μ = trace(S) / N`,
 * annualised and PSD-repaired; the optimal intensity δ is returned as `shrinkage`.
 *
 * Exactly sklearn's `ledoit_wolf(np.nan_to_num(X))` as PyPortfolioOpt calls it:
 * - `X` = returns with **missing returns filled with 0** (see `shrinkageReturns`), centred by column;
 * - `S = XᵀX / T` (**ddof 0**, unlike `sampleCovariance`'s ddof 1);
 * - `β = (Σₜ‖xₜ‖⁴ / T − ‖S‖²_F) / (N·T)`, `δ̂ = ‖S − μI‖²_F / N`, `δ = min(β, δ̂) / δ̂` (0 when the numerator is 0);
 * - result `(1 − δ)·S + δ·μ·I`, times `frequency`, then `fixNonpositiveSemidefinite`.
 * With one asset, δ = 0 and the result is the asset's ddof-0 variance, as sklearn.
 *
 * Cost: one `XᵀX` (`T·N²/2` multiply-adds) plus `O(T·N)`.
 *
 * @param prices prices, shape `nDates × nTickers`; `NaN` = missing.
 * @param options `{ frequency = 252, logReturns = false }`.
 * @returns the annualised shrunk covariance, `nTickers × nTickers` labelled by ticker, with `shrinkage`, `repaired`
 *   and `minEigenvalue`.
 * @throws InputError for bad prices or frequency, or a column with fewer than 2 returns (naming the ticker).
 *
 * @example
 * ```ts
 * const cov = ledoitWolfConstantVariance(prices);
 * cov.shrinkage; // => a number in [0, 1], e.g. 0.0519 on test/fixtures/allocation/prices.csv
 * ```
 */
export function ledoitWolfConstantVariance(prices: DateTable, options: ShrinkageOptions = {}): ShrunkCovariance {
  const caller = "ledoitWolfConstantVariance";
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const { returns, centred, nRows: t, nColumns: n } = shrinkageReturns(prices, caller, options.logReturns ?? false);
  const gram = crossProduct(centred, t, n);
  const empirical = gram.map((x) => x / t);
  if (n === 1) return annualiseShrunk(empirical, returns.tickers, frequency, 0);

  // β: Σ over the entries of (X²)ᵀ(X²) is Σₜ (Σᵢ xₜᵢ²)², an O(T·N) sum.
  const rowSquares = new Float64Array(t);
  for (let j = 0; j < n; j++) {
    const base = j * t;
    for (let i = 0; i < t; i++) {
      const x = centred[base + i]!;
      rowSquares[i] = rowSquares[i]! + x * x;
    }
  }
  let betaSum = 0;
  for (let i = 0; i < t; i++) betaSum += rowSquares[i]! * rowSquares[i]!;
  let traceSum = 0; // Σᵢ emp_cov_trace_i = trace(S)
  for (let j = 0; j < n; j++) traceSum += gram[j * n + j]! / t;
  const mu = traceSum / n;
  let deltaSum = 0; // Σ (XᵀX)²
  for (let k = 0; k < gram.length; k++) deltaSum += gram[k]! * gram[k]!;
  deltaSum /= t * t;

  let beta = (1 / (n * t)) * (betaSum / t - deltaSum);
  let delta = deltaSum - 2 * mu * traceSum + n * mu * mu;
  delta /= n;
  beta = Math.min(beta, delta);
  const shrinkage = beta === 0 ? 0 : beta / delta;

  const shrunk = empirical.map((x) => (1 - shrinkage) * x);
  for (let j = 0; j < n; j++) shrunk[j * n + j] = shrunk[j * n + j]! + shrinkage * mu;
  return annualiseShrunk(shrunk, returns.tickers, frequency, shrinkage);
}
