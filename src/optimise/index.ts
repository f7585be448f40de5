/**
 * The optimise layer: expected returns, a covariance or return scenarios in (from `moments`), labelled weights out.
 * The mean-variance family, CVaR, risk budgeting, hierarchical risk parity, and the constraints they share.
 *
 * @example
 * ```ts
 * import { riskModels } from "allocation-workbook/moments";
 * import { minVolatility } from "allocation-workbook/optimise";
 * minVolatility(riskModels.sampleCovariance(prices)).labels.length; // => 43
 * ```
 */
export { minVolatility, MIN_VOLATILITY_RIDGE } from "./min-volatility";
export type { MinVolatilityOptions } from "./min-volatility";
export { cleanWeights, DEFAULT_WEIGHT_CUTOFF } from "./clean-weights";
export type { CleanWeightsOptions } from "./clean-weights";
export { resolveWeightBounds, LONG_ONLY_BOUNDS } from "./weight-bounds";
export type { WeightBounds, ResolvedWeightBounds } from "./weight-bounds";
export { maxSharpe } from "./max-sharpe";
export type { MaxSharpeOptions } from "./max-sharpe";
export { maxQuadraticUtility } from "./max-quadratic-utility";
export type { MaxQuadraticUtilityOptions } from "./max-quadratic-utility";
export { efficientReturn } from "./efficient-return";
export type { EfficientReturnOptions } from "./efficient-return";
export { efficientRisk, EFFICIENT_RISK_TOLERANCE } from "./efficient-risk";
export type { EfficientRiskOptions } from "./efficient-risk";
export { efficientFrontier } from "./efficient-frontier";
export type { EfficientFrontierOptions, EfficientFrontierPoint } from "./efficient-frontier";
export { maxReturn } from "./max-return";
export type { MaxReturnOptions } from "./max-return";
export { MEAN_VARIANCE_RIDGE } from "./mean-variance-options";
export type { MeanVarianceOptions } from "./mean-variance-options";
export { l2Regularisation } from "./l2-regularisation";
export type { ObjectiveTerm } from "./objective-term";
export { minCvar } from "./min-cvar";
export { minCdar, type CdarPortfolio } from "./min-cdar";
export { maxCvarRatio, type MaxCvarRatioOptions, type CvarRatioPortfolio } from "./max-cvar-ratio";
export { efficientCvar } from "./efficient-cvar";
export type { EfficientCvarTarget } from "./efficient-cvar";
export { DEFAULT_CVAR_BETA } from "./cvar-problem";
export type { CvarOptions, CvarPortfolio } from "./cvar-problem";
export { riskBudgeting, equalRiskContribution, RISK_BUDGET_TOLERANCE } from "./risk-budgeting";
export type { RiskBudgetingOptions } from "./risk-budgeting";
export * as hrp from "./hrp/index";
export * as constraints from "./constraints/index";
export { hierarchicalRiskParity, singleLinkage, completeLinkage, averageLinkage, weightedLinkage, wardLinkage } from "./hrp/index";
export type { HierarchicalRiskParityPortfolio, HierarchicalRiskParityInput, HierarchicalRiskParityOptions, LinkageMethod, LinkageMatrix } from "./hrp/index";
export { assetBounds, shortLimits, sectorLimits, turnoverLimit, maxHoldings } from "./constraints/index";
export type { PortfolioConstraint } from "./constraints/index";
export { nonZeroWeights } from "./non-zero-weights";
export { Portfolio, portfolioOf, HOLDING_TOLERANCE, type PortfolioOptions, type PortfolioDetails } from "./portfolio";
export { frontierPoint } from "./frontier-point";
export * as portfolios from "./portfolios/index";
export { RISK_MEASURES, measureName, type RiskMeasure } from "./portfolios/index";
export { comparePortfolios, compareWeights, compareGroups, type ComparePortfoliosOptions, type ComparisonColumn } from "./compare-portfolios";
export { minOwaRisk, type MinOwaRiskOptions, type OwaRiskPortfolio } from "./min-owa-risk";
export { compareRisks, riskOf, type RiskOptions } from "./compare-risks";
export { maxOwaRatio, type MaxOwaRatioOptions, type OwaRatioPortfolio } from "./max-owa-ratio";
export * as rebalance from "./rebalance/index";
export { costAwareRebalance, multiPeriodRebalance, quadraticImpact, type CostAwareRebalanceOptions, type RebalanceDetails, type RebalanceCostEstimate, type MultiPeriodRebalanceOptions, type RebalancePlan, type CurrentHoldings, type RebalanceCosts, type TaxLot, type TaxRates } from "./rebalance/index";
export { hierarchicalEqualRiskContribution, nestedClustersOptimisation, optimalLeafOrdering, CLUSTER_RISK_MEASURES } from "./hrp/index";
export type { HierarchicalEqualRiskContributionOptions, HierarchicalEqualRiskContributionPortfolio, NestedClustersOptimisationOptions, NestedClustersOptimisationPortfolio, PortfolioEstimator, ClusterRiskMeasure, ClusterRiskMeasureName, HierarchicalInput } from "./hrp/index";
export { minScenarioRisk, type MinScenarioRiskOptions, type ScenarioRiskPortfolio } from "./min-scenario-risk";
export { maxScenarioRatio, type MaxScenarioRatioOptions, type ScenarioRatioPortfolio } from "./max-scenario-ratio";
export { riskBudgetByMeasure, type RiskBudgetByMeasureOptions, type RiskBudgetPortfolio } from "./risk-budgeting-by-measure";
export { DEVIATION_MEASURES, scenarioMeasure, type DeviationMeasure, type ProgrammeMeasure, type MeasureSettings } from "./scenario-risk-programme";
export { minEvar, maxEvarRatio, evarRiskBudget, evarObjective, type EvarPortfolio, type EvarObjective } from "./min-evar";
export { minEdar, maxEdarRatio, edarRiskBudget, uncompoundedEdar, type EdarPortfolio } from "./min-edar";
