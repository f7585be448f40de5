/**
 * Historical CVaR of a portfolio over return scenarios: the quantity the CVaR optimisers minimise.
 */
import { InputError } from "../core/index";
import { checkReturns } from "./check-inputs";
import { tailOf } from "./empirical-tail";
import { scenarioReturns } from "./scenario-returns";

/**
 * Historical CVaR at confidence β of a portfolio over scenarios: the mean loss over the worst `(1 − β)·T` of the
 * `T` scenario returns `rₜᵀw`, the ⌈(1 − β)T⌉-th worst counted fractionally — the {@link empiricalTail} CVaR of the
 * portfolio's scenario returns, which equals Rockafellar and Uryasev's `min_α α + Σₜ max(−rₜᵀw − α, 0) / (T(1 − β))`,
 * the value the CVaR linear programme minimises (for βT whole, the mean of the worst `(1 − β)T` losses).
 *
 * Convention: β is the optimisers' confidence level in **[0, 1)**; unlike {@link empiricalTail}'s confidence it may be
 * 0, which makes the tail every scenario (CVaR = minus the mean return). With fewer than `1 / (1 − β)` scenarios the
 * tail is the single worst one. Sign: a **positive loss fraction** per scenario period (daily for daily returns,
 * not annualised).
 *
 * @param scenarios row-major `T × n` per-period simple returns, all finite; not changed.
 * @param weights portfolio weights, length `n`; not changed.
 * @param beta confidence level β in [0, 1), e.g. 0.95 (the worst 5 % of scenarios).
 * @throws InputError when `scenarios` is not a whole number of rows of `n`, is empty, holds a non-finite portfolio
 *   return, or β is outside [0, 1).
 *
 * @example
 * ```ts
 * // 4 scenarios of one asset, β = 0.5: mean of the 2 worst losses (0.03, 0.01)
 * historicalCvar(Float64Array.of(-0.03, 0.02, -0.01, 0.04), [1], 0.5); // => 0.02
 * ```
 */
export function historicalCvar(scenarios: Float64Array, weights: ArrayLike<number>, beta: number): number {
  const caller = "historicalCvar";
  if (typeof beta !== "number" || !(beta >= 0 && beta < 1)) {
    throw new InputError("BAD_BETA", `${caller}: beta ${String(beta)} must be a confidence level in [0, 1), e.g. 0.95 (the worst 5 % of scenarios)`, { beta });
  }
  const n = weights.length;
  if (n === 0 || scenarios.length % n !== 0) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `${caller}: ${scenarios.length} scenario values do not make whole rows of ${n} weights; pass row-major T × n returns and n weights`,
      { values: scenarios.length, n },
    );
  }
  const outcomes = scenarioReturns(scenarios, n, weights);
  checkReturns(outcomes, caller, "portfolio returns", 1);
  return tailOf(outcomes, beta).conditionalValueAtRisk;
}
