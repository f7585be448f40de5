/** Discrete allocation: whole shares from portfolio weights (PyPortfolioOpt's `DiscreteAllocation`). */
export { discreteAllocation, checkDiscreteProblem } from "./discrete-allocation";
export type { DiscreteAllocationOptions, DiscreteAllocationResult } from "./discrete-allocation";
export type { DiscreteAllocationMethod, DiscreteAllocationProblem } from "./discrete-allocation-method";
export { greedyAllocation } from "./greedy-allocation";
export { integerAllocation } from "./integer-allocation";
export { latestPrices } from "./latest-prices";
