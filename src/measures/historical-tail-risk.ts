/**
 * Historical value at risk and conditional value at risk: the empirical tail of past returns.
 */
import { checkConfidence, checkHorizon, checkReturns } from "./check-inputs";
import { empiricalTail } from "./empirical-tail";
import { horizonReturns } from "./horizon-returns";
import { DEFAULT_CONFIDENCE, type TailRisk, type TailRiskOptions } from "./tail-risk";

/**
 * Historical VaR and CVaR: the empirical tail ({@link empiricalTail}) of past returns, or of their
 * overlapping compounded `horizon`-period returns when `horizon > 1`. No distribution is assumed: the
 * estimate is exactly as good as the history is representative (a sample without a crisis has none in its tail).
 *
 * Sign: positive loss fractions (see {@link TailRisk}). Confidence: `confidence` (default 0.95). Horizon:
 * `horizon` periods of the series (default 1, a day for daily returns).
 *
 * @param returns per-period simple returns, at least `horizon`, all finite; not changed.
 * @param options `{ confidence = 0.95, horizon = 1 }`.
 * @throws InputError for a non-finite return, a series shorter than the horizon, a confidence outside (0, 1) or a bad horizon.
 *
 * @example
 * ```ts
 * const r = Array.from({ length: 20 }, (_, i) => (i - 10) / 100); // −10 %, −9 %, …, +9 %
 * historicalTailRisk(r, { confidence: 0.9 });
 * // => { method: "historical", confidence: 0.9, horizon: 1, observations: 20, valueAtRisk: 0.09, conditionalValueAtRisk: 0.095 }
 * ```
 */
export function historicalTailRisk(returns: ArrayLike<number>, options: TailRiskOptions = {}): TailRisk {
  const caller = "historicalTailRisk";
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller);
  const horizon = checkHorizon(options.horizon ?? 1, caller);
  checkReturns(returns, caller, "returns", horizon);
  const outcomes = horizon === 1 ? returns : horizonReturns(returns, horizon);
  const tail = empiricalTail(outcomes, confidence);
  return { method: "historical", confidence, horizon, observations: outcomes.length, ...tail };
}
