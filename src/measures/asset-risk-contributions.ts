/**
 * Risk contributions by asset: how much of a portfolio's volatility each holding carries (Euler allocation).
 */
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { varianceContributions } from "./risk-contributions";

/** A portfolio's volatility split among its assets (or groups of assets). */
export interface RiskContributions {
  /** Portfolio volatility σ = √(wᵀΣw), in the covariance's units (annual when Σ is annualised). */
  readonly volatility: number;
  /** Weights, labelled like the contributions (for a group: the sum of its weights). */
  readonly weights: LabelledVector;
  /** Contribution to volatility `wᵢ(Σw)ᵢ / σ`, same units as σ; they **sum to σ**. Negative for a hedge. */
  readonly contributions: LabelledVector;
  /** Fraction of volatility `wᵢ(Σw)ᵢ / σ²`; they **sum to 1**. */
  readonly fractions: LabelledVector;
}

/**
 * Risk contributions by asset (Euler allocation of volatility): `RCᵢ = wᵢ·(Σw)ᵢ / σ` with σ = √(wᵀΣw).
 * Each is the asset's weight times its marginal contribution ∂σ/∂wᵢ; they sum to σ exactly, and as fractions
 * (`RCᵢ / σ`) to 1. An asset whose fraction exceeds its weight adds more than its share of risk; a negative
 * contribution is a hedge. Units follow Σ (annualised Σ → annual volatility).
 *
 * @param weights weights labelled by ticker (any sum; long-short allowed), length `n`; not changed.
 * @param cov covariance `n × n` with the same labels in the same order (e.g. `riskModels.sampleCovariance`); not changed.
 * @throws InputError when labels differ, a weight is not finite, the covariance is malformed, or σ = 0.
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * assetRiskContributions({ labels, values: Float64Array.of(0.5, 0.5) }, { labels, values: Float64Array.of(0.04, 0, 0, 0.09) });
 * // => volatility ≈ 0.18028; contributions ≈ [0.05547, 0.12481] (0.01/σ, 0.0225/σ); fractions ≈ [0.3077, 0.6923] (4/13, 9/13)
 * ```
 */
export function assetRiskContributions(weights: LabelledVector, cov: LabelledMatrix): RiskContributions {
  const { products, variance } = varianceContributions(weights, cov, "assetRiskContributions");
  const sigma = Math.sqrt(variance);
  const labels = [...weights.labels];
  return {
    volatility: sigma,
    weights: { labels, values: Float64Array.from(weights.values) },
    contributions: { labels, values: products.map((p) => p / sigma) },
    fractions: { labels, values: products.map((p) => p / variance) },
  };
}
