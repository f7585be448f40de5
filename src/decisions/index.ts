/**
 * The decisions layer: from weights to what to do — signals, risk profiles, explanation cards, whole-share
 * orders, and the growth × confidence allocation rule.
 *
 * @example
 * ```ts
 * import { discreteAllocation, latestPrices } from "allocation-workbook/decisions";
 * discreteAllocation(weights, latestPrices(prices), { capital: 100_000 }).shares;
 * ```
 */
export * from "./signal";
export * from "./risk-profile";
export * from "./explanation-card";
export * as discrete from "./discrete/index";
export { discreteAllocation, greedyAllocation, integerAllocation, latestPrices } from "./discrete/index";
export type { DiscreteAllocationMethod, DiscreteAllocationOptions, DiscreteAllocationResult } from "./discrete/index";
export { allocateForRiskProfile } from "./risk-profile-allocation";
export type { RiskProfileAllocationOptions } from "./risk-profile-allocation";
export * as growthConfidence from "./growth-confidence/index";
export { growthConfidenceAllocation, capWeights, blendToVolatility } from "./growth-confidence/index";
export type { GrowthConfidenceOptions } from "./growth-confidence/index";
export { riskProfilePortfolios, compareRiskProfiles, type RiskProfilePortfoliosOptions } from "./risk-profile-portfolios";
export { allocationTable, compareAllocations } from "./discrete/allocation-tables";
export { riskProfilePortfolio, riskProfileTable } from "./risk-profile-portfolio";
export { topHoldings, topHoldingsColumn } from "./top-holdings";
export { explainPortfolio, type ExplainPortfolioOptions } from "./explain-portfolio";
export * as orders from "./orders/index";
export { orderList, writeOrders, type Order, type OrderCosts, type OrderList, type OrderListOptions } from "./orders/index";
