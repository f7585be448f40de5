/**
 * L2 regularisation objective term, as PyPortfolioOpt's `objective_functions.L2_reg`.
 */
import { InputError } from "../core/index";
import type { ObjectiveTerm } from "./objective-term";

/**
 * The objective term `γ·‖w‖² = γ·Σ wᵢ²` (PyPortfolioOpt's `L2_reg(w, gamma)`), which spreads weight over more
 * assets: add it with an optimiser's `objectives` option, as `ef.add_objective(objective_functions.L2_reg, gamma=γ)`.
 * Its units are those of the objective it joins (variance per year for `minVolatility`), so scale `γ` with
 * the covariance; PyPortfolioOpt's default is 1.
 *
 * @param gamma the strength `γ ≥ 0`. Default 1.
 * @returns an {@link ObjectiveTerm} named `"L2 regularisation"`.
 * @throws InputError when `gamma` is negative or not finite.
 *
 * @example
 * ```ts
 * l2Regularisation(2).value([0.5, 0.5]); // => 1
 * minVolatility(S, { objectives: [l2Regularisation(0.1)] }); // => min wᵀΣw + 0.1‖w‖²
 * ```
 */
export function l2Regularisation(gamma = 1): ObjectiveTerm {
  if (typeof gamma !== "number" || !Number.isFinite(gamma) || gamma < 0) {
    throw new InputError("BAD_GAMMA", `l2Regularisation: gamma is ${gamma}; pass a finite number ≥ 0 (PyPortfolioOpt's default is 1)`, { gamma });
  }
  return {
    name: "L2 regularisation",
    addTo(Q: Float64Array, _c: Float64Array, labels: readonly string[]) {
      const n = labels.length;
      for (let i = 0; i < n; i++) Q[i * n + i] = Q[i * n + i]! + 2 * gamma;
    },
    value(weights: ArrayLike<number>) {
      let sum = 0;
      for (let i = 0; i < weights.length; i++) sum += weights[i]! * weights[i]!;
      return gamma * sum;
    },
  };
}
