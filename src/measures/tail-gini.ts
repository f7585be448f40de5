/**
 * Tail Gini: a spectral risk measure of the worst returns that weighs the worse of them more, Riskfolio-Lib's `TG`.
 */
import { InputError } from "../core/index";
import { checkConfidence, checkReturns } from "./check-inputs";
import { owaValue, owaWeights } from "./owa-weights";

/** Options of {@link tailGini}. */
export interface TailGiniOptions {
  /** Confidence β (default 0.95): the tail is the worst `1 − β` of the returns (Riskfolio-Lib's `alpha = 1 − β`). */
  readonly beta?: number;
  /** Number of CVaRs that approximate the tail Gini's integral (default 100, Riskfolio-Lib's `a_sim`). */
  readonly steps?: number;
}

/**
 * Tail Gini of a return series: `Σᵢ wᵢ·CVaR_{1−aᵢ}` over the levels of {@link tailGiniWeights} — Riskfolio-Lib's
 * `TG(X, alpha, a_sim)` (Cajas' ordered-weighted-average formulation), a loss as a positive fraction per period.
 * Each CVaR is the fractional-tail CVaR of {@link empiricalTail} (Riskfolio-Lib's `owa_cvar`), and the sum is
 * taken as one ordered weighted average (`owaWeights("tailGini")`, one sort). It lies between CVaR at β and the
 * worst realisation.
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
  return owaValue(returns, owaWeights("tailGini", returns.length, { beta, steps }));
}

/** Checks the number of CVaRs of the tail Gini's approximation: a whole number ≥ 3. */
export function checkSteps(steps: number, caller: string): number {
  if (!Number.isSafeInteger(steps) || steps < 3) {
    throw new InputError("BAD_STEPS", `${caller}: steps ${String(steps)} must be a whole number ≥ 3 (Riskfolio-Lib's a_sim, default 100)`, { steps });
  }
  return steps;
}

