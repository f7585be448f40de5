/**
 * Ledoit-Wolf shrinkage towards Sharpe's single-factor model, as PyPortfolioOpt's
 * `CovarianceShrinkage(prices).ledoit_wolf(shrinkage_target="single_factor")`.
 */
import { TRADING_DAYS_PER_YEAR } from "../../core/index";
import type { DateTable } from "../../core/index";
import { checkFrequency } from "../../core/index";
import { crossProduct } from "./cross-product";
import { shrinkageReturns } from "./shrinkage-returns";
import { annualiseShrunk, checkTwoAssets, clipShrinkage, type ShrinkageOptions, type ShrunkCovariance } from "./shrunk-covariance";

/**
 * Ledoit-Wolf (2001) shrunk covariance with the **single-factor** target: `Fᵢⱼ = βᵢβⱼ / σ²ₘ` off the diagonal and
 * `Fᵢᵢ = Sᵢᵢ`, where the "market" is the equal-weighted mean of the centred returns on each date; annualised and
 * PSD-repaired, with the intensity δ as `shrinkage`.
 *
 * Exactly PyPortfolioOpt's `_ledoit_wolf_single_factor`:
 * - `X` = returns with **missing returns filled with 0**, centred by column (see `shrinkageReturns`); `xₘ` = row means;
 * - `S = XᵀX / T` (ddof 0), `βᵢ = cov(xᵢ, xₘ)`, `σ²ₘ = var(xₘ)` (ddof 0);
 * - `c = ‖S − F‖²_F`, `p = Σᵢⱼ (X²)ᵀ(X²)ᵢⱼ / T − ‖S‖²_F`, `r = r_diag + 2·r_off1 − r_off3` term by term as in the
 *   code, `δ = max(0, min(1, (p − r) / c / T))` (Python's `min`, so 0 / 0 gives 1);
 * - result `δ·F + (1 − δ)·S`, times `frequency`, then `fixNonpositiveSemidefinite`.
 *
 * The `N × N` products of the original (`yᵀy`, `yᵀz`, `zᵀz`) enter only through sums weighted by β, which are
 * evaluated as `O(T·N)` sums; only `XᵀX` costs `T·N²/2`. Equal to the original up to rounding (≈ 1e-14 relative).
 *
 * @param prices prices, shape `nDates × nTickers` with at least 2 tickers; `NaN` = missing.
 * @param options `{ frequency = 252, logReturns = false }`.
 * @returns the annualised shrunk covariance, labelled by ticker, with `shrinkage`, `repaired` and `minEigenvalue`.
 * @throws InputError for bad prices or frequency, fewer than 2 tickers, or a column with fewer than 2 returns.
 *
 * @example
 * ```ts
 * const cov = ledoitWolfSingleFactor(prices);
 * cov.shrinkage; // => a number in [0, 1], e.g. 0.0600 on test/fixtures/allocation/prices.csv
 * ```
 */
export function ledoitWolfSingleFactor(prices: DateTable, options: ShrinkageOptions = {}): ShrunkCovariance {
  const caller = "ledoitWolfSingleFactor";
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const { returns, centred: xm, nRows: t, nColumns: n } = shrinkageReturns(prices, caller, options.logReturns ?? false);
  checkTwoAssets(n, caller);

  // xmkt = Xm.mean(axis=1)
  const xmkt = new Float64Array(t);
  for (let j = 0; j < n; j++) {
    const base = j * t;
    for (let i = 0; i < t; i++) xmkt[i] = xmkt[i]! + xm[base + i]!;
  }
  for (let i = 0; i < t; i++) xmkt[i] = xmkt[i]! / n;

  // sample = np.cov([Xm, xmkt], rowvar=False) · (t − 1) / t: ddof 0 moments of (already centred) columns.
  const sample = crossProduct(xm, t, n).map((x) => x / t);
  let meanMarket = 0;
  for (let i = 0; i < t; i++) meanMarket += xmkt[i]!;
  meanMarket /= t;
  let varmkt = 0;
  for (let i = 0; i < t; i++) varmkt += (xmkt[i]! - meanMarket) * (xmkt[i]! - meanMarket);
  varmkt /= t;
  const betas = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const base = j * t;
    let s = 0;
    for (let i = 0; i < t; i++) s += xm[base + i]! * (xmkt[i]! - meanMarket);
    betas[j] = s / t;
  }

  // F = ββᵀ / varmkt with the sample variances on the diagonal; c = ‖S − F‖²; Σ S²; Σ diag(S)².
  const target = new Float64Array(n * n);
  let c = 0;
  let sumSampleSquared = 0;
  let sumDiagonalSquared = 0;
  let sumBetaSampleBeta = 0; // Σᵢⱼ βᵢ βⱼ Sᵢⱼ
  let sumBetaSquaredDiagonal = 0; // Σᵢ βᵢ² Sᵢᵢ
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const s = sample[a * n + b]!;
      const f = a === b ? s : (betas[a]! * betas[b]!) / varmkt;
      target[a * n + b] = f;
      c += (s - f) * (s - f);
      sumSampleSquared += s * s;
      sumBetaSampleBeta += betas[a]! * betas[b]! * s;
    }
    const d = sample[a * n + a]!;
    sumDiagonalSquared += d * d;
    sumBetaSquaredDiagonal += betas[a]! * betas[a]! * d;
  }

  // Row sums over assets of y = Xm², of Xm·β and of y·Xm·β, then the O(T·N) forms of the N × N products.
  let sumRowSquaresSquared = 0; // Σ (yᵀy) = Σₜ (Σᵢ yₜᵢ)²
  let sumY2 = 0; // Σ y²
  let sumYZBeta = 0; // Σᵢⱼ (yᵀz)ᵢⱼ βⱼ = Σₜ (Σᵢ yₜᵢ) · xmktₜ · (Σⱼ Xmₜⱼ βⱼ)
  let sumYZBetaDiagonal = 0; // Σᵢ (yᵀz)ᵢᵢ βᵢ = Σₜ xmktₜ Σᵢ yₜᵢ Xmₜᵢ βᵢ
  let sumZZBetaBeta = 0; // Σᵢⱼ (zᵀz)ᵢⱼ βᵢβⱼ = Σₜ xmktₜ² (Σᵢ Xmₜᵢ βᵢ)²
  let sumZZBetaSquaredDiagonal = 0; // Σᵢ (zᵀz)ᵢᵢ βᵢ² = Σₜ xmktₜ² Σᵢ Xmₜᵢ² βᵢ²
  const rowY = new Float64Array(t);
  const rowXBeta = new Float64Array(t);
  const rowYXBeta = new Float64Array(t);
  const rowYBetaSquared = new Float64Array(t);
  for (let j = 0; j < n; j++) {
    const base = j * t;
    const beta = betas[j]!;
    const betaSquared = beta * beta;
    for (let i = 0; i < t; i++) {
      const x = xm[base + i]!;
      const y = x * x;
      rowY[i] = rowY[i]! + y;
      rowXBeta[i] = rowXBeta[i]! + x * beta;
      rowYXBeta[i] = rowYXBeta[i]! + y * x * beta;
      rowYBetaSquared[i] = rowYBetaSquared[i]! + y * betaSquared;
      sumY2 += y * y;
    }
  }
  for (let i = 0; i < t; i++) {
    const m = xmkt[i]!;
    sumRowSquaresSquared += rowY[i]! * rowY[i]!;
    sumYZBeta += rowY[i]! * m * rowXBeta[i]!;
    sumYZBetaDiagonal += m * rowYXBeta[i]!;
    sumZZBetaBeta += m * m * rowXBeta[i]! * rowXBeta[i]!;
    sumZZBetaSquaredDiagonal += m * m * rowYBetaSquared[i]!;
  }

  const p = (1 / t) * sumRowSquaresSquared - sumSampleSquared;
  const rdiag = (1 / t) * sumY2 - sumDiagonalSquared;
  // v1 = yᵀz / t − βᵢ Sᵢⱼ;  roff1 = (Σ v1ᵢⱼ βⱼ − Σ v1ᵢᵢ βᵢ) / varmkt
  const sumV1Beta = sumYZBeta / t - sumBetaSampleBeta;
  const sumV1DiagonalBeta = sumYZBetaDiagonal / t - sumBetaSquaredDiagonal;
  const roff1 = sumV1Beta / varmkt - sumV1DiagonalBeta / varmkt;
  // v3 = zᵀz / t − varmkt·S;  roff3 = (Σ v3ᵢⱼ βᵢβⱼ − Σ v3ᵢᵢ βᵢ²) / varmkt²
  const sumV3BetaBeta = sumZZBetaBeta / t - varmkt * sumBetaSampleBeta;
  const sumV3DiagonalBetaSquared = sumZZBetaSquaredDiagonal / t - varmkt * sumBetaSquaredDiagonal;
  const roff3 = sumV3BetaBeta / (varmkt * varmkt) - sumV3DiagonalBetaSquared / (varmkt * varmkt);
  const r = rdiag + (2 * roff1 - roff3);
  const k = (p - r) / c;
  const shrinkage = clipShrinkage(k / t);

  const shrunk = new Float64Array(n * n);
  for (let q = 0; q < shrunk.length; q++) shrunk[q] = shrinkage * target[q]! + (1 - shrinkage) * sample[q]!;
  return annualiseShrunk(shrunk, returns.tickers, frequency, shrinkage);
}
