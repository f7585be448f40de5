/**
 * A point between the ends of an efficient frontier: the natural targets for efficient return and efficient risk.
 */
import { InputError } from "../core/index";
import type { EfficientFrontierPoint } from "./efficient-frontier";

/**
 * The expected return and volatility a `fraction` of the way from the frontier's first point (minimum volatility)
 * to its last (maximum return), each interpolated linearly between the two ends.
 *
 * @param frontier points from `efficientFrontier` (or `portfolios.frontier`), least volatile first.
 * @param fraction 0 for the first point, 1 for the last, 0.5 half-way (in return and in volatility).
 * @example
 * ```ts
 * const middle = frontierPoint(frontier, 0.5);
 * portfolios.efficientReturn(p, { target: middle.expectedReturn });
 * ```
 * @throws InputError EMPTY_INPUT for an empty frontier; BAD_FRACTION outside [0, 1].
 */
export function frontierPoint(frontier: readonly EfficientFrontierPoint[], fraction: number): { readonly expectedReturn: number; readonly volatility: number } {
  const low = frontier[0];
  const high = frontier[frontier.length - 1];
  if (low === undefined || high === undefined) throw new InputError("EMPTY_INPUT", "frontierPoint: the frontier has no points; compute it with portfolios.frontier(prior)");
  if (!(fraction >= 0 && fraction <= 1)) throw new InputError("BAD_FRACTION", `frontierPoint: fraction ${fraction} must lie in [0, 1] (0 the least volatile end, 1 the highest return)`, { fraction });
  return {
    expectedReturn: low.expectedReturn + fraction * (high.expectedReturn - low.expectedReturn),
    volatility: low.volatility + fraction * (high.volatility - low.volatility),
  };
}
