/**
 * The interface of an extra objective term added to a mean–variance optimiser (PyPortfolioOpt's `add_objective`).
 */

/**
 * A convex quadratic term added to an optimiser's objective, as PyPortfolioOpt's
 * `ef.add_objective(objective_functions.L2_reg, gamma=…)`. Pass them in an optimiser's `objectives` array;
 * build them with `l2Regularisation`.
 *
 * @example
 * ```ts
 * minVolatility(S, { objectives: [l2Regularisation(0.1)] }); // => more evenly spread weights
 * ```
 */
export interface ObjectiveTerm {
  /** Short name used in messages, e.g. `"L2 regularisation"`. */
  readonly name: string;
  /**
   * Adds the term, written as `½ wᵀQw + cᵀw` over the `n` weights, into `Q` (row-major `n × n`) and `c` (length `n`).
   */
  addTo(Q: Float64Array, c: Float64Array, labels: readonly string[]): void;
  /** The term's value at weights `w` (length `n`). */
  value(weights: ArrayLike<number>): number;
}
