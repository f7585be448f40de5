/**
 * Ledoit-Wolf shrinkage towards a constant-correlation matrix, as PyPortfolioOpt's
 * `CovarianceShrinkage(prices).ledoit_wolf(shrinkage_target="constant_correlation")`.
 */
import { InputError } from "../../core/index";
import { COVARIANCE_DDOF, TRADING_DAYS_PER_YEAR } from "../../core/index";
import type { DateTable } from "../../core/index";
import { checkFrequency } from "../../core/index";
import { crossProduct } from "./cross-product";
import { pairwiseCovariance } from "./pairwise-covariance";
import { shrinkageReturns } from "./shrinkage-returns";
import { annualiseShrunk, checkTwoAssets, clipShrinkage, type ShrinkageOptions, type ShrunkCovariance } from "./shrunk-covariance";

/**
 * Ledoit-Wolf (2003) shrunk covariance with the **constant-correlation** target: `Fᵢⱼ = r̄·σᵢσⱼ` off the diagonal,
 * `Fᵢᵢ = σᵢ²`, where `r̄` is the mean pairwise correlation of `S`; annualised and PSD-repaired, with the intensity δ
 * as `shrinkage`.
 *
 * Exactly PyPortfolioOpt's `_ledoit_wolf_constant_correlation`, including its mix of two inputs when returns are
 * missing:
 * - `S` (target, `γ = ‖S − F‖²_F` and the shrunk result) is the **gap-aware** sample covariance, pairwise-complete
 *   with ddof 1 (pandas `X.cov()`, as `sampleCovariance` before annualising);
 * - `π̂` and `ρ̂` use `Xm`, the returns with **missing returns filled with 0**, centred (see `shrinkageReturns`):
 *   `π̂ = Σ [(Xm²)ᵀ(Xm²) / T − 2·(XmᵀXm)∘S / T + S∘S]`, `ρ̂ = Σᵢ π̂ᵢᵢ + r̄·Σᵢ≠ⱼ (σⱼ/σᵢ)·θᵢⱼ` term by term as the code;
 * - `δ = max(0, min(1, (π̂ − ρ̂) / γ / T))` (Python's `min`, so 0 / 0 gives 1); result `δ·F + (1 − δ)·S`, times
 *   `frequency`, then `fixNonpositiveSemidefinite`.
 * With no missing return, `S = XmᵀXm / (T − 1)`. The `N × N` product `(Xm³)ᵀXm` enters only through a weighted sum,
 * evaluated in `O(T·N)`; only `XmᵀXm` (and, with gaps, the pairwise `S`) cost `T·N²/2`.
 *
 * With two assets the target equals `S`, so δ is arbitrary (γ ≈ 0) while the result is `S`.
 *
 * @param prices prices, shape `nDates × nTickers` with at least 2 tickers; `NaN` = missing.
 * @param options `{ frequency = 252, logReturns = false }`.
 * @returns the annualised shrunk covariance, labelled by ticker, with `shrinkage`, `repaired` and `minEigenvalue`.
 * @throws InputError for bad prices or frequency, fewer than 2 tickers, a column with fewer than 2 returns, or a pair
 *   of tickers observed together on fewer than 2 dates (naming them).
 *
 * @example
 * ```ts
 * const cov = ledoitWolfConstantCorrelation(prices);
 * cov.shrinkage; // => a number in [0, 1], e.g. 0.2129 on test/fixtures/allocation/prices.csv
 * ```
 */
export function ledoitWolfConstantCorrelation(prices: DateTable, options: ShrinkageOptions = {}): ShrunkCovariance {
  const caller = "ledoitWolfConstantCorrelation";
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const { returns, centred: xm, nRows: t, nColumns: n, complete } = shrinkageReturns(prices, caller, options.logReturns ?? false);
  checkTwoAssets(n, caller);

  const gram = crossProduct(xm, t, n); // XmᵀXm
  const s = complete ? gram.map((x) => x / (t - COVARIANCE_DDOF)) : pairwiseCovariance(returns).values;

  // Constant-correlation target.
  const variance = new Float64Array(n);
  const std = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    variance[i] = s[i * n + i]!;
    if (!(variance[i]! > 0)) {
      throw new InputError(
        "ZERO_VARIANCE",
        `${caller}: ${prices.tickers[i]} is constant (zero variance), so it has no correlation to shrink towards; drop it or use ledoitWolfConstantVariance`,
        { ticker: prices.tickers[i] },
      );
    }
    std[i] = Math.sqrt(variance[i]!);
  }
  let correlationSum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) correlationSum += s[i * n + j]! / (std[i]! * std[j]!);
  }
  const rBar = (correlationSum - n) / (n * (n - 1));
  const target = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) target[i * n + j] = i === j ? variance[i]! : rBar * (std[i]! * std[j]!);
  }

  // Row sums over assets: of y = Xm², of Xm³/σ and of Xm·σ; and Σ Xm⁴ per column.
  const rowY = new Float64Array(t);
  const rowCubeOverStd = new Float64Array(t);
  const rowTimesStd = new Float64Array(t);
  const fourth = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const base = j * t;
    const sd = std[j]!;
    let sumFourth = 0;
    for (let i = 0; i < t; i++) {
      const x = xm[base + i]!;
      const y = x * x;
      rowY[i] = rowY[i]! + y;
      rowCubeOverStd[i] = rowCubeOverStd[i]! + (y * x) / sd;
      rowTimesStd[i] = rowTimesStd[i]! + x * sd;
      sumFourth += y * y;
    }
    fourth[j] = sumFourth;
  }
  let sumYTY = 0; // Σ (yᵀy) = Σₜ (Σᵢ yₜᵢ)²
  let sumTerm1Weighted = 0; // Σᵢⱼ (σⱼ/σᵢ) ((Xm³)ᵀXm)ᵢⱼ = Σₜ (Σᵢ Xmₜᵢ³/σᵢ)(Σⱼ Xmₜⱼ σⱼ)
  for (let i = 0; i < t; i++) {
    sumYTY += rowY[i]! * rowY[i]!;
    sumTerm1Weighted += rowCubeOverStd[i]! * rowTimesStd[i]!;
  }

  // π̂ = Σ pi_mat; Σ diag(pi_mat); γ = ‖S − F‖²; and the off-diagonal weighted sum of θ's terms 2–4.
  let sumGramS = 0;
  let sumSSquared = 0;
  let sumPiDiagonal = 0;
  let gamma = 0;
  let sumTerms234 = 0; // Σᵢ≠ⱼ (σⱼ/σᵢ)(−term2 − term3 + term4)
  let sumTerm1Diagonal = 0; // Σᵢ (Xm³)ᵀXm ᵢᵢ / t, the diagonal that θ drops
  for (let i = 0; i < n; i++) {
    const helpDiagonal = gram[i * n + i]! / t;
    for (let j = 0; j < n; j++) {
      const sij = s[i * n + j]!;
      const gij = gram[i * n + j]!;
      sumGramS += gij * sij;
      sumSSquared += sij * sij;
      const d = sij - target[i * n + j]!;
      gamma += d * d;
      if (i === j) continue;
      const term2 = helpDiagonal * sij;
      const term3 = (gij / t) * variance[i]!;
      const term4 = variance[i]! * sij;
      sumTerms234 += (std[j]! / std[i]!) * (-term2 - term3 + term4);
    }
    const sii = s[i * n + i]!;
    sumPiDiagonal += fourth[i]! / t - (2 * gram[i * n + i]! * sii) / t + sii * sii;
    sumTerm1Diagonal += fourth[i]! / t;
  }
  const piHat = sumYTY / t - (2 * sumGramS) / t + sumSSquared;
  const thetaWeighted = sumTerm1Weighted / t - sumTerm1Diagonal + sumTerms234;
  const rhoHat = sumPiDiagonal + rBar * thetaWeighted;
  const kappa = (piHat - rhoHat) / gamma;
  const shrinkage = clipShrinkage(kappa / t);

  const shrunk = new Float64Array(n * n);
  for (let q = 0; q < shrunk.length; q++) shrunk[q] = shrinkage * target[q]! + (1 - shrinkage) * s[q]!;
  return annualiseShrunk(shrunk, returns.tickers, frequency, shrinkage);
}
