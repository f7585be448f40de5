/**
 * Oracle Approximating Shrinkage, as PyPortfolioOpt's `CovarianceShrinkage(prices).oracle_approximating()`
 * (which calls `sklearn.covariance.oas`).
 */
import { TRADING_DAYS_PER_YEAR } from "../../core/index";
import type { DateTable } from "../../core/index";
import { checkFrequency } from "../../core/index";
import { crossProduct } from "./cross-product";
import { shrinkageReturns } from "./shrinkage-returns";
import { annualiseShrunk, type ShrinkageOptions, type ShrunkCovariance } from "./shrunk-covariance";

/**
 * Oracle Approximating Shrinkage (Chen et al. 2010) towards the scaled identity `μ·I`, `μ = trace(S) / N`,
 * annualised and PSD-repaired, with the intensity δ as `shrinkage`.
 *
 * Exactly sklearn's `oas(np.nan_to_num(X))` as PyPortfolioOpt calls it (sklearn's formula "from Chen et al.'s
 * implementation", the same in 1.2 and in the 1.3+ rewrite):
 * - `X` = returns with **missing returns filled with 0**, centred by column (see `shrinkageReturns`);
 * - `S = XᵀX / T` (ddof 0), `α = mean(S∘S)`, `δ = min((α + μ²) / ((T + 1)(α − μ²/N)), 1)` (1 when the denominator is 0);
 * - result `(1 − δ)·S + δ·μ·I`, times `frequency`, then `fixNonpositiveSemidefinite`.
 * With one asset, δ = 0 and the result is the asset's ddof-0 variance, as sklearn.
 *
 * @param prices prices, shape `nDates × nTickers`; `NaN` = missing.
 * @param options `{ frequency = 252, logReturns = false }`.
 * @returns the annualised shrunk covariance, labelled by ticker, with `shrinkage`, `repaired` and `minEigenvalue`.
 * @throws InputError for bad prices or frequency, or a column with fewer than 2 returns (naming the ticker).
 *
 * @example
 * ```ts
 * const cov = oracleApproximatingShrinkage(prices);
 * cov.shrinkage; // => a number in [0, 1], e.g. 0.0471 on test/fixtures/allocation/prices.csv
 * ```
 */
export function oracleApproximatingShrinkage(prices: DateTable, options: ShrinkageOptions = {}): ShrunkCovariance {
  const caller = "oracleApproximatingShrinkage";
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const { returns, centred, nRows: t, nColumns: n } = shrinkageReturns(prices, caller, options.logReturns ?? false);
  const empirical = crossProduct(centred, t, n).map((x) => x / t);
  if (n === 1) return annualiseShrunk(empirical, returns.tickers, frequency, 0);

  let trace = 0;
  for (let j = 0; j < n; j++) trace += empirical[j * n + j]!;
  const mu = trace / n;
  let sumSquares = 0;
  for (let k = 0; k < empirical.length; k++) sumSquares += empirical[k]! * empirical[k]!;
  const alpha = sumSquares / (n * n);
  const numerator = alpha + mu * mu;
  const denominator = (t + 1) * (alpha - (mu * mu) / n);
  const shrinkage = denominator === 0 ? 1 : Math.min(numerator / denominator, 1);

  const shrunk = empirical.map((x) => (1 - shrinkage) * x);
  for (let j = 0; j < n; j++) shrunk[j * n + j] = shrunk[j * n + j]! + shrinkage * mu;
  return annualiseShrunk(shrunk, returns.tickers, frequency, shrinkage);
}
