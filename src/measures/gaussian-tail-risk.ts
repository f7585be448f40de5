/**
 * Parametric (Gaussian) value at risk and conditional value at risk.
 */
import { checkConfidence, checkHorizon } from "./check-inputs";
import { normalDensity, normalQuantile } from "./normal-distribution";
import { returnMoments } from "./return-moments";
import { DEFAULT_CONFIDENCE, type TailRisk, type TailRiskOptions } from "./tail-risk";

/**
 * Gaussian VaR and CVaR: returns are taken as normal with the sample mean μ and standard deviation σ
 * (ddof 1), scaled to the horizon h as i.i.d. periods (μₕ = h·μ, σₕ = √h·σ). With z = Φ⁻¹(1 − c) (negative):
 *
 * - VaR = −(μₕ + z·σₕ)
 * - CVaR = −μₕ + σₕ·φ(z) / (1 − c)
 *
 * It understates the tail of fat-tailed returns (compare {@link cornishFisherTailRisk} and
 * {@link historicalTailRisk}); use it as the baseline the others are measured against.
 *
 * Sign: positive loss fractions (see {@link TailRisk}). Confidence: `confidence` (default 0.95). Horizon:
 * `horizon` periods (default 1). `observations` is the number of returns the moments used.
 *
 * @param returns per-period simple returns, at least 2, all finite; not changed.
 * @param options `{ confidence = 0.95, horizon = 1 }`.
 * @throws InputError for fewer than 2 returns, a non-finite return, or a bad confidence or horizon.
 *
 * @example
 * ```ts
 * // μ = 0, σ = 1 % a day: VaR₉₅ = 1.6449 %, CVaR₉₅ = 2.0627 %; over 4 days twice that.
 * gaussianTailRisk([0.01, -0.01, 0.01, -0.01].map((x) => x * Math.sqrt(3 / 4)));
 * // => { valueAtRisk: ≈ 0.016449, conditionalValueAtRisk: ≈ 0.020627, … }
 * ```
 */
export function gaussianTailRisk(returns: ArrayLike<number>, options: TailRiskOptions = {}): TailRisk {
  const caller = "gaussianTailRisk";
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller);
  const horizon = checkHorizon(options.horizon ?? 1, caller);
  const { count, mean, standardDeviation } = returnMoments(returns);
  const mu = mean * horizon;
  const sigma = standardDeviation * Math.sqrt(horizon);
  const z = normalQuantile(1 - confidence);
  return {
    method: "gaussian",
    confidence,
    horizon,
    observations: count,
    valueAtRisk: -(mu + z * sigma),
    conditionalValueAtRisk: -mu + (sigma * normalDensity(z)) / (1 - confidence),
  };
}
