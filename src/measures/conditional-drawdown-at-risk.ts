/**
 * Conditional drawdown at risk: the average of the worst drawdowns.
 */
import { checkConfidence, checkReturns } from "./check-inputs";
import { drawdownValues } from "./drawdown";
import { empiricalTail } from "./empirical-tail";
import { DEFAULT_CONFIDENCE } from "./tail-risk";

/** Options of {@link conditionalDrawdownAtRisk}. */
export interface DrawdownAtRiskOptions {
  /** Confidence level c in (0, 1). Default 0.95. */
  readonly confidence?: number;
}

/**
 * Conditional drawdown at risk (CDaR, Chekhlov, Uryasev and Zabarankin 2005): the average drawdown over the
 * worst 1 − c of dates, i.e. the CVaR ({@link empiricalTail}) of the drawdown series ({@link drawdowns}), one
 * drawdown per date, compounded from a starting value of 1. It sits between the average drawdown (c → 0)
 * and the maximum drawdown (c → 1), and is less hostage to a single episode than the maximum.
 *
 * Sign: a **positive loss fraction** from the running peak. Confidence: `confidence` (default 0.95).
 * Horizon: the whole sample (a path measure).
 *
 * @param returns per-period simple returns, at least 1, all finite; not changed.
 * @param options `{ confidence = 0.95 }`.
 * @throws InputError for an empty series, a non-finite return or a confidence outside (0, 1).
 *
 * @example
 * ```ts
 * // drawdowns 0, −10 %, −19 %, −10.9 %, 0: the worst 20 % of 5 dates is the −19 % date.
 * conditionalDrawdownAtRisk([0.1, -0.1, -0.1, 0.1, 0.3], { confidence: 0.8 }); // => ≈ 0.19
 * conditionalDrawdownAtRisk([0.1, -0.1, -0.1, 0.1, 0.3], { confidence: 0.6 }); // => ≈ 0.1495 ((0.19 + 0.109) / 2)
 * ```
 */
export function conditionalDrawdownAtRisk(returns: ArrayLike<number>, options: DrawdownAtRiskOptions = {}): number {
  const caller = "conditionalDrawdownAtRisk";
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller);
  const n = checkReturns(returns, caller, "returns", 1);
  return empiricalTail(drawdownValues(returns, n), confidence).conditionalValueAtRisk;
}
