/**
 * Tail Gini: a spectral risk measure of the worst returns that weighs the worse of them more, Riskfolio-Lib's `TG`.
 */
import { InputError } from "../core/index";
import { checkConfidence, checkReturns } from "./check-inputs";
import { tailOf } from "./empirical-tail";

/** Options of {@link tailGini}. */
export interface TailGiniOptions {
  /** Confidence β (default 0.95): the tail is the worst `1 − β` of the returns (Riskfolio-Lib's `alpha = 1 − β`). */
  readonly beta?: number;
  /** Number of CVaRs that approximate the tail Gini's integral (default 100, Riskfolio-Lib's `a_sim`). */
  readonly steps?: number;
}

/**
 * The levels and weights of the CVaRs whose weighted sum is the tail Gini, as Riskfolio-Lib's `owa_tg`: levels
 * `a₁ < … < a_m` evenly spaced from 0.0001 to `1 − β`, weights `w₁ = a₂·a₁ / a_m²`, `wᵢ = (aᵢ₊₁ − aᵢ₋₁)·aᵢ / a_m²`,
 * `w_m = (a_m − a_{m−1}) / a_m`.
 *
 * @example
 * ```ts
 * tailGiniWeights(0.95, 3); // => { levels: [0.0001, 0.02505, 0.05], weights: [0.001, 0.4999…, 0.499] }
 * ```
 */
export function tailGiniWeights(beta: number, steps: number): { levels: number[]; weights: number[] } {
  const alpha = 1 - beta;
  const m = steps;
  // numpy.linspace(alpha, 0.0001, m)[::-1]
  const levels = Array.from({ length: m }, (_, i) => (i === m - 1 ? 0.0001 : alpha + (i * (0.0001 - alpha)) / (m - 1))).reverse();
  const last = levels[m - 1] as number;
  const weights = levels.map((a, i) => {
    if (i === 0) return ((levels[1] as number) * a) / last ** 2;
    if (i === m - 1) return (last - (levels[m - 2] as number)) / last;
    return (((levels[i + 1] as number) - (levels[i - 1] as number)) * a) / last ** 2;
  });
  return { levels, weights };
}

/**
 * Tail Gini of a return series: `Σᵢ wᵢ·CVaR_{1−aᵢ}` over the levels of {@link tailGiniWeights} — Riskfolio-Lib's
 * `TG(X, alpha, a_sim)` (Cajas' ordered-weighted-average formulation), a loss as a positive fraction per period.
 * Each CVaR is the fractional-tail CVaR of {@link empiricalTail} (Riskfolio-Lib's `owa_cvar`). It lies between
 * CVaR at β and the worst realisation.
 *
 * @param returns per-period returns (fractions), at least 2, finite.
 * @example
 * ```ts
 * tailGini(dailyReturns, { beta: 0.95 }); // ≥ CVaR 95 %, ≤ the worst loss
 * ```
 * @throws InputError for fewer than two returns, a non-finite one, β outside (0, 1) or fewer than 3 steps.
 */
export function tailGini(returns: ArrayLike<number>, options: TailGiniOptions = {}): number {
  const caller = "tailGini";
  checkReturns(returns, caller, "returns", 2);
  const beta = checkConfidence(options.beta ?? 0.95, caller);
  const steps = checkSteps(options.steps ?? 100, caller);
  const { levels, weights } = tailGiniWeights(beta, steps);
  return levels.reduce((sum, a, i) => sum + (weights[i] as number) * tailOf(returns, 1 - a).conditionalValueAtRisk, 0);
}

/** Checks the number of CVaRs of the tail Gini's approximation: a whole number ≥ 3. */
export function checkSteps(steps: number, caller: string): number {
  if (!Number.isSafeInteger(steps) || steps < 3) {
    throw new InputError("BAD_STEPS", `${caller}: steps ${String(steps)} must be a whole number ≥ 3 (Riskfolio-Lib's a_sim, default 100)`, { steps });
  }
  return steps;
}

