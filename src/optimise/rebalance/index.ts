/**
 * Rebalancing that counts its costs and taxes: from the current holdings (and tax lots) to new weights, one period
 * or spread over several.
 *
 * @example
 * ```ts
 * import { rebalance } from "allocation-workbook/optimise";
 * rebalance.costAwareRebalance(prior, { current: { weights: w0 }, costs: { spreadBps: 10, impact: 0.1 } }).details.tradeTable;
 * ```
 */
export { costAwareRebalance, TRADE_RIDGE, type CostAwareRebalanceOptions, type RebalanceDetails, type RebalanceCostEstimate } from "./cost-aware-rebalance";
export { multiPeriodRebalance, type MultiPeriodRebalanceOptions, type RebalancePlan } from "./multi-period-rebalance";
export { resolveHoldings, type CurrentHoldings, type ResolvedHoldings, type LabelledNumbers } from "./current-holdings";
export { resolveCosts, quadraticImpact, type RebalanceCosts, type ResolvedCosts, type QuadraticImpactOptions } from "./rebalance-costs";
export { lotPieces, checkTaxRates, type TaxLot, type TaxRates, type LotPiece } from "./tax-lot";
