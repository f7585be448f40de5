/**
 * The allocation layer: prices → returns → expected returns and risk models → optimised weights → performance.
 *
 * Conventions (PyPortfolioOpt's): simple returns unless `logReturns`, 252 periods per year, annualised
 * outputs, covariance with ddof 1 over pairwise-complete observations.
 *
 * @example
 * ```ts
 * import { expectedReturns, riskModels, minVolatility, portfolioPerformance } from "./allocation";
 * const mu = expectedReturns.meanHistoricalReturn(prices);
 * const S = riskModels.sampleCovariance(prices);
 * const w = minVolatility(S);
 * portfolioPerformance(w, mu, S, { riskFreeRate: 0.02 }); // => { expectedReturn, volatility, sharpe, riskFreeRate: 0.02 }
 * ```
 */
export * as expectedReturns from "./expected-returns/index";
export * as riskModels from "./risk-models/index";
export * as optimizers from "./optimizers/index";
export * as linearAlgebra from "./linear-algebra/index";
export * as solvers from "./solvers/index";
export * as constraints from "./constraints/index";
export * as hrp from "./hrp/index";
export * as blackLitterman from "./black-litterman/index";

export { returnsFromPrices } from "./returns-from-prices";
export type { ReturnsFromPricesOptions } from "./returns-from-prices";
export { minVolatility } from "./optimizers/min-volatility";
export type { MinVolatilityOptions } from "./optimizers/min-volatility";
export type { WeightBounds } from "./optimizers/weight-bounds";
export {
  maxSharpe,
  maxQuadraticUtility,
  efficientReturn,
  efficientRisk,
  efficientFrontier,
  maxReturn,
  l2Regularisation,
  minCvar,
  efficientCvar,
  riskBudgeting,
  equalRiskContribution,
  riskContributions,
  varianceContributions,
} from "./optimizers/index";
export type {
  MaxSharpeOptions,
  MaxQuadraticUtilityOptions,
  EfficientReturnOptions,
  EfficientRiskOptions,
  EfficientFrontierOptions,
  EfficientFrontierPoint,
  VarianceContributions,
  MeanVarianceOptions,
  ObjectiveTerm,
  CvarOptions,
  CvarPortfolio,
  EfficientCvarTarget,
  RiskBudgetingOptions,
} from "./optimizers/index";
export { hierarchicalRiskParity, singleLinkage, completeLinkage, averageLinkage, weightedLinkage, wardLinkage } from "./hrp/index";
export type { HierarchicalRiskParityPortfolio, HierarchicalRiskParityInput, HierarchicalRiskParityOptions, LinkageMethod, LinkageMatrix } from "./hrp/index";
export { assetBounds, shortLimits, sectorLimits, turnoverLimit, maxHoldings } from "./constraints/index";
export type { PortfolioConstraint } from "./constraints/index";
export { portfolioPerformance } from "./performance";
export type { PortfolioPerformance, PortfolioPerformanceOptions } from "./performance";
export type { ExpectedReturnsEstimator } from "./expected-returns/expected-returns-estimator";
export type { RiskModel } from "./risk-models/risk-model";
export type { PsdRepairedMatrix } from "./risk-models/fix-nonpositive-semidefinite";
export { nonZeroWeights } from "./non-zero-weights";
export * as decisions from "./decisions/index";
export { signalFor, RISK_PROFILES, riskProfile, explanationCards, type Signal, type RiskProfile, type ExplanationCard } from "./decisions/index";
export * as discrete from "./discrete/index";
export { discreteAllocation, greedyAllocation, integerAllocation, latestPrices } from "./discrete/index";
export type { DiscreteAllocationMethod, DiscreteAllocationOptions, DiscreteAllocationResult } from "./discrete/index";
export { allocateForRiskProfile } from "./risk-profile-allocation";
export type { RiskProfileAllocationOptions } from "./risk-profile-allocation";
export * as growthConfidence from "./growth-confidence/index";
export { growthConfidenceAllocation, capWeights, blendToVolatility } from "./growth-confidence/index";
export type { GrowthConfidenceOptions } from "./growth-confidence/index";
