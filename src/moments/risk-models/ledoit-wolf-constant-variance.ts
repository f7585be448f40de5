/**
 * Ledoit-Wolf shrinkage towards a scaled identity, as PyPortfolioOpt's
 * `CovarianceShrinkage(prices).ledoit_wolf()` (which calls `sklearn.covariance.ledoit_wolf`).
 */
import { TRADING_DAYS_PER_YEAR } from "../../core/index";
import type { DateTable } from "../../core/index";
import { checkFrequency } from "../../core/index";
import { completeCentredReturns } from "./complete-centred-returns";
import { crossProduct, crossProductOfPanels } from "./cross-product";
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
 * The repair step is skipped (`repaired: false`, `minEigenvalue: null`, as it would return) when the result is
 * certainly positive definite: `δμ` above the rounding errors of `XᵀX` and of the Cholesky test (see
 * `surelyPositiveDefinite` in the source), which real data meet by orders of magnitude.
 *
 * Cost: one `XᵀX` (`T·N²/2` multiply-adds) plus `O(T·N)`. Without a missing price (nothing to fill) the returns are
 * computed as they are written into the cross product (`completeCentredReturns`, `crossProductOfPanels`): two passes
 * over the prices and no `T × N` array, the same bits as the general path; 5,000 days × 500 assets take about 45 ms
 * on the 2-core development machine.
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
  const logReturns = options.logReturns ?? false;
  // No missing price (nothing to fill): the centred returns go straight into the cross product, with the row sums
  // of squares taken in the same pass; the numbers are bit for bit those of the general path.
  const complete = completeCentredReturns(prices, logReturns);
  if (complete !== null && complete.nColumns > 1) {
    const { nRows: t, nColumns: n } = complete;
    const rowSquares = new Float64Array(t);
    const gram = crossProductOfPanels(complete.writer(rowSquares), t, n);
    return shrink(gram, rowSquares, t, n, prices.tickers, frequency);
  }
  const { returns, centred, nRows: t, nColumns: n } = shrinkageReturns(prices, caller, logReturns);
  const gram = crossProduct(centred, t, n);
  if (n === 1) return annualiseShrunk(gram.map((x) => x / t), returns.tickers, frequency, 0);
  // Σⱼ xₜⱼ² per row, summed in column order.
  const rowSquares = new Float64Array(t);
  for (let j = 0; j < n; j++) {
    const base = j * t;
    for (let i = 0; i < t; i++) {
      const x = centred[base + i]!;
      rowSquares[i] = rowSquares[i]! + x * x;
    }
  }
  return shrink(gram, rowSquares, t, n, returns.tickers, frequency);
}

/**
 * sklearn's shrinkage from `G = XᵀX` of the centred returns and the row sums of squares `Σⱼ xₜⱼ²`, overwriting `G`
 * with the annualised shrunk covariance.
 */
function shrink(gram: Float64Array, rowSquares: Float64Array, t: number, n: number, tickers: readonly string[], frequency: number): ShrunkCovariance {
  // β: Σ over the entries of (X²)ᵀ(X²) is Σₜ (Σᵢ xₜᵢ²)², an O(T·N) sum.
  let betaSum = 0;
  for (let i = 0; i < t; i++) betaSum += rowSquares[i]! * rowSquares[i]!;
  let traceSum = 0; // Σᵢ emp_cov_trace_i = trace(S)
  let maxVariance = 0;
  for (let j = 0; j < n; j++) {
    const variance = gram[j * n + j]! / t;
    traceSum += variance;
    maxVariance = Math.max(maxVariance, variance);
  }
  const mu = traceSum / n;
  let deltaSum = 0; // Σ (XᵀX)²
  for (let k = 0; k < gram.length; k++) deltaSum += gram[k]! * gram[k]!;
  deltaSum /= t * t;

  let beta = (1 / (n * t)) * (betaSum / t - deltaSum);
  let delta = deltaSum - 2 * mu * traceSum + n * mu * mu;
  delta /= n;
  beta = Math.min(beta, delta);
  const shrinkage = beta === 0 ? 0 : beta / delta;

  // (1 − δ)·S + δ·μ·I, in place: S = G / T.
  const shrunk = gram;
  for (let k = 0; k < shrunk.length; k++) shrunk[k] = (1 - shrinkage) * (shrunk[k]! / t);
  for (let j = 0; j < n; j++) shrunk[j * n + j] = shrunk[j * n + j]! + shrinkage * mu;
  if (!surelyPositiveDefinite(shrinkage * mu, (1 - shrinkage) * maxVariance + shrinkage * mu, n, t)) {
    return annualiseShrunk(shrunk, tickers, frequency, shrinkage);
  }
  // Certainly positive definite (below): PyPortfolioOpt's repair step would find a Cholesky factor and change nothing.
  for (let k = 0; k < shrunk.length; k++) shrunk[k] = shrunk[k]! * frequency;
  return { labels: [...tickers], values: shrunk, repaired: false, minEigenvalue: null, shrinkage };
}

/**
 * Whether `A = (1 − δ)·S + δμ·I`, computed in floating point from `S = fl(XᵀX)/T`, certainly passes the Cholesky test of
 * `fixNonpositiveSemidefinite`. Exactly, `λ_min(A) ≥ δμ` (S is a Gram matrix). In floating point `S` is off by at most
 * `γ_T·√(SₐₐS_bb)` per entry (recursive summation over `T` rows; the kernel's pairwise lanes do better), so
 * `‖ΔS‖₂ ≤ N·γ_T·max Sₐₐ`, and forming `A` adds `≤ 2u·N·max Aₐₐ`. Cholesky completes when the unit-diagonal scaling of
 * `A` has `λ_min > N·γ_{N+1}/(1 − γ_{N+1})` (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed.,
 * Thm 10.7), which holds when `λ_min(A) > N(N + 1)·2u·max Aₐₐ`. Asked with a factor 4 to spare:
 * `δμ > 4·u·N·(T + N + 3)·max Aₐₐ`. On real data δμ / max Aₐₐ is 10⁻³ or more against some 10⁻⁹ here; when it fails
 * (δ = 0, say) the caller runs the test itself.
 */
function surelyPositiveDefinite(shift: number, maxDiagonal: number, n: number, t: number): boolean {
  const u = Number.EPSILON / 2;
  return shift > 0 && Number.isFinite(maxDiagonal) && shift > 4 * u * n * (t + n + 3) * maxDiagonal;
}
