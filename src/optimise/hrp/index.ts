/** Hierarchical risk parity: correlation distance, hierarchical clustering (single, complete, average, weighted or Ward linkage), quasi-diagonal order, recursive bisection. */
export { hierarchicalRiskParity } from "./hierarchical-risk-parity";
export type { HierarchicalRiskParityInput, HierarchicalRiskParityOptions, HierarchicalRiskParityPortfolio } from "./hierarchical-risk-parity";
export { singleLinkage } from "./single-linkage";
export type { LinkageMatrix, LinkageMethod } from "./single-linkage";
export { averageLinkage, completeLinkage, lanceWilliamsLinkage, wardLinkage, weightedLinkage } from "./lance-williams-linkage";
export type { LanceWilliamsUpdate } from "./lance-williams-linkage";
export { quasiDiagonalOrder } from "./quasi-diagonal-order";
export { recursiveBisection } from "./recursive-bisection";
export { correlationDistance } from "./correlation-distance";
export { pairwiseCorrelation } from "./pairwise-correlation";
