/**
 * Buy and hold: the initial investment and no rebalance after it.
 */
import type { RebalanceRule } from "./rebalance-rule";

/**
 * Never rebalances after the first day: the portfolio is bought once and left to drift (buy and hold).
 *
 * @example
 * ```ts
 * neverRebalance().isDue({ date: "d2", previousDate: "d1", tickers: [], weights: new Float64Array(), target: new Float64Array() });
 * // => false
 * ```
 */
export function neverRebalance(): RebalanceRule {
  return { name: "buy and hold", isDue: () => false };
}
