/**
 * Range measures: how far apart the best and the worst returns lie, in full (range) or by their tails (CVaR range,
 * tail-Gini range), Riskfolio-Lib's `RG`, `CVRG` and `TGRG`.
 */
import { checkConfidence, checkReturns } from "./check-inputs";
import { tailOf } from "./empirical-tail";
import { owaValue, owaWeights } from "./owa-weights";
import { checkSteps } from "./tail-gini";

/** Options of {@link cvarRange} and {@link tailGiniRange}. */
export interface RangeOptions {
  /** Confidence of the losses' tail (default 0.95; Riskfolio-Lib's `alpha = 1 − β`). */
  readonly beta?: number;
  /** Confidence of the gains' tail (default: `beta`; Riskfolio-Lib's `beta = 1 − this`). */
  readonly gainsBeta?: number;
  /** Tail Gini only: CVaRs in its approximation, for losses and gains (default 100, Riskfolio-Lib's `a_sim`). */
  readonly steps?: number;
}

/**
 * Range of a return series: best return minus worst return (Riskfolio-Lib's `RG`), a fraction per period.
 *
 * @example
 * ```ts
 * returnRange([0.1, -0.5, -0.3, 0.8]); // => 1.3
 * ```
 * @throws InputError for fewer than two returns or a non-finite one.
 */
export function returnRange(returns: ArrayLike<number>): number {
  checkReturns(returns, "returnRange", "returns", 2);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < returns.length; i++) {
    lo = Math.min(lo, returns[i] as number);
    hi = Math.max(hi, returns[i] as number);
  }
  return hi - lo;
}

function negated(returns: ArrayLike<number>): Float64Array {
  return Float64Array.from(returns, (r) => -r);
}

/**
 * CVaR range: the CVaR of the losses at `beta` plus the CVaR of the gains at `gainsBeta` — the mean of the worst
 * `1 − β` of the returns subtracted from the mean of the best — Riskfolio-Lib's `CVRG`, fractional tails as its
 * `owa_cvar`. A fraction per period.
 *
 * @example
 * ```ts
 * cvarRange([0.1, -0.5, -0.3, 0.8], { beta: 0.5 }); // => 0.45 + 0.45 = 0.85
 * ```
 * @throws InputError for fewer than two returns, a non-finite one or a confidence outside (0, 1).
 */
export function cvarRange(returns: ArrayLike<number>, options: RangeOptions = {}): number {
  const caller = "cvarRange";
  checkReturns(returns, caller, "returns", 2);
  const beta = checkConfidence(options.beta ?? 0.95, caller);
  const gainsBeta = checkConfidence(options.gainsBeta ?? beta, caller);
  return tailOf(returns, beta).conditionalValueAtRisk + tailOf(negated(returns), gainsBeta).conditionalValueAtRisk;
}

/**
 * Tail-Gini range: the tail Gini of the losses plus the tail Gini of the gains (Riskfolio-Lib's `TGRG`), a
 * fraction per period.
 *
 * @example
 * ```ts
 * tailGiniRange(dailyReturns); // ≥ cvarRange(dailyReturns)
 * ```
 * @throws InputError for fewer than two returns, a non-finite one, a confidence outside (0, 1) or fewer than 3 steps.
 */
export function tailGiniRange(returns: ArrayLike<number>, options: RangeOptions = {}): number {
  const caller = "tailGiniRange";
  checkReturns(returns, caller, "returns", 2);
  const beta = checkConfidence(options.beta ?? 0.95, caller);
  const gainsBeta = checkConfidence(options.gainsBeta ?? beta, caller);
  const steps = checkSteps(options.steps ?? 100, caller);
  return owaValue(returns, owaWeights("tailGiniRange", returns.length, { beta, gainsBeta, steps }));
}
