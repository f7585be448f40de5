/**
 * The strategy object of `discreteAllocation`: how to turn weights into whole shares.
 */

/** A checked discrete-allocation problem, in the order of the positively weighted tickers. */
export interface DiscreteAllocationProblem {
  /** Tickers with a positive weight, length `m`. */
  readonly tickers: readonly string[];
  /** Target weights (fractions of `totalValue`, each > 0, summing to at most 1), length `m`. */
  readonly weights: Float64Array;
  /** Latest price of one share per ticker (currency units, each > 0), length `m`. */
  readonly prices: Float64Array;
  /** Capital to allocate (currency units, > 0). */
  readonly totalValue: number;
}

/**
 * A method of discrete allocation, passed to `discreteAllocation` as an object (`greedyAllocation`,
 * `integerAllocation`), never chosen by a string.
 *
 * @example
 * ```ts
 * const roundDown: DiscreteAllocationMethod = {
 *   name: "round down",
 *   allocate: (p) => Array.from(p.weights, (w, i) => Math.floor((w * p.totalValue) / p.prices[i]!)),
 * };
 * ```
 */
export interface DiscreteAllocationMethod {
  /** Shown in the result's `method`, e.g. `"greedy"`. */
  readonly name: string;
  /**
   * Whole numbers of shares per ticker of the problem (same order, each ≥ 0) whose cost `Σ pᵢxᵢ` is at most
   * `totalValue`.
   */
  allocate(problem: DiscreteAllocationProblem): Promise<readonly number[]> | readonly number[];
}
