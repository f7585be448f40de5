/**
 * Cornish-Fisher ("modified") value at risk and conditional value at risk: the Gaussian quantile
 * corrected for skewness and excess kurtosis.
 */
import { checkConfidence, checkHorizon } from "./check-inputs";
import { normalDensity, normalQuantile } from "./normal-distribution";
import { returnMoments } from "./return-moments";
import { DEFAULT_CONFIDENCE, type TailRisk, type TailRiskOptions } from "./tail-risk";

/**
 * Cornish-Fisher VaR and CVaR (Zangari 1996; Favre and Galeano 2002). With z = Φ⁻¹(1 − c), skewness S and
 * excess kurtosis K (population moments) of the returns, the corrected quantile is
 *
 * z_cf = z + (z² − 1)·S/6 + (z³ − 3z)·K/24 − (2z³ − 5z)·S²/36,   VaR = −(μₕ + z_cf·σₕ)
 *
 * and the CVaR is the average of the Cornish-Fisher quantile function over the tail, in closed form:
 *
 * CVaR = −μₕ + σₕ·(φ(z)/(1 − c))·[1 + z·S/6 + (z² − 1)·K/24 + (1 − 2z²)·S²/36]
 *
 * (this is the expected shortfall of the Cornish-Fisher distribution; Boudt, Peterson and Croux's
 * "modified ES" uses an Edgeworth density instead and differs slightly). Horizon h as i.i.d. sums:
 * μₕ = h·μ, σₕ = √h·σ (σ with ddof 1, so S = K = 0 gives exactly the Gaussian figures), Sₕ = S/√h, Kₕ = K/h.
 *
 * The expansion is reliable for moderate skewness and kurtosis (roughly |S| < 1, K < 7); far beyond, the
 * corrected quantile stops being monotone in c. Sign: positive loss fractions (see {@link TailRisk}).
 *
 * @param returns per-period simple returns, at least 2, all finite; not changed.
 * @param options `{ confidence = 0.95, horizon = 1 }`.
 * @throws InputError for fewer than 2 returns, a non-finite return, or a bad confidence or horizon.
 *
 * @example
 * ```ts
 * // S = 0 and K ≈ −1.148: at 95 % (|z| < √3) the kurtosis term moves the quantile slightly outwards.
 * cornishFisherTailRisk([0.01, -0.02, 0.03, 0.00]).valueAtRisk; // => ≈ 0.029723 (Gaussian: ≈ 0.029240)
 * ```
 */
export function cornishFisherTailRisk(returns: ArrayLike<number>, options: TailRiskOptions = {}): TailRisk {
  const caller = "cornishFisherTailRisk";
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller);
  const horizon = checkHorizon(options.horizon ?? 1, caller);
  const m = returnMoments(returns);
  const mu = m.mean * horizon;
  const sigma = m.standardDeviation * Math.sqrt(horizon);
  const s = m.skewness / Math.sqrt(horizon);
  const k = m.excessKurtosis / horizon;
  const z = normalQuantile(1 - confidence);
  const z2 = z * z;
  const z3 = z2 * z;
  const zcf = z + ((z2 - 1) * s) / 6 + ((z3 - 3 * z) * k) / 24 - ((2 * z3 - 5 * z) * s * s) / 36;
  const tailMean = (normalDensity(z) / (1 - confidence)) * (1 + (z * s) / 6 + ((z2 - 1) * k) / 24 + ((1 - 2 * z2) * s * s) / 36);
  return {
    method: "cornish-fisher",
    confidence,
    horizon,
    observations: m.count,
    valueAtRisk: -(mu + zcf * sigma),
    conditionalValueAtRisk: -mu + sigma * tailMean,
  };
}
