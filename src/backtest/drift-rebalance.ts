/**
 * Rebalancing when the portfolio has drifted too far from its target.
 */
import { InputError } from "../core/index";
import type { RebalanceRule } from "./rebalance-rule";

/**
 * Rebalances on the first day the largest absolute gap between a current and a target weight exceeds
 * `threshold`: `maxᵢ |wᵢ − targetᵢ| > threshold` (weights as fractions of portfolio value; cash not counted).
 * The target is the strategy's answer at the last rebalance; the strategy is asked again when the rule fires.
 *
 * @param threshold a fraction in (0, 1), e.g. 0.05 for five percentage points.
 * @throws InputError BAD_THRESHOLD otherwise.
 * @example
 * ```ts
 * const rule = driftRebalance(0.05);
 * rule.isDue({ date: "d2", previousDate: "d1", tickers: ["A", "B"], weights: Float64Array.of(0.66, 0.34), target: Float64Array.of(0.6, 0.4) });
 * // => true (|0.66 − 0.6| = 0.06 > 0.05)
 * ```
 */
export function driftRebalance(threshold: number): RebalanceRule {
  if (typeof threshold !== "number" || !(threshold > 0 && threshold < 1)) {
    throw new InputError("BAD_THRESHOLD", `driftRebalance: threshold ${String(threshold)} must be a fraction between 0 and 1, e.g. 0.05 for 5 percentage points`, { threshold });
  }
  return {
    name: `drift > ${+(threshold * 100).toFixed(4)} %`,
    isDue: (c) => {
      const w = c.weights;
      const t = c.target;
      for (let i = 0; i < w.length; i++) if (Math.abs(w[i]! - t[i]!) > threshold) return true;
      return false;
    },
  };
}
