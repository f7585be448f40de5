/**
 * Optimisers on a prior: each takes `(prior, options)` and returns a {@link Portfolio} (scenario-based ones a
 * promise of one).
 *
 * @example
 * ```ts
 * import { prior } from "allocation-workbook/moments";
 * import { portfolios } from "allocation-workbook/optimise";
 * const p = prior(prices, { lookback: 1260 });
 * portfolios.maxSharpe(p, { bounds: [0, 0.25] }); // displays its holdings
 * ```
 */
export { maxSharpe, minVolatility, maxUtility, efficientReturnPortfolio as efficientReturn, efficientRiskPortfolio as efficientRisk, frontier, type NamedOptions } from "./mean-variance";
export { hrp, riskParity, equalWeight, inverseVolatility } from "./risk-based";
export { minCvar, minCdar, maxCvarRatio, minRisk, minRiskByMeasure, maxRatio, measureName, RISK_MEASURES, type RiskMeasure } from "./scenario";
export { herc, nco, type HercDetails, type NcoDetails } from "./hierarchical";
export { riskBudget, type RiskBudgetOptions } from "./risk-budget";
