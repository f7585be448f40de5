/**
 * The moments layer: from prices to the estimates every optimiser starts from — periodic returns,
 * expected returns, covariances (sample, shrunk, exponential, semi), and Black-Litterman posteriors.
 *
 * Conventions (PyPortfolioOpt's): simple returns unless `logReturns`, 252 periods per year, annualised
 * outputs, covariance with ddof 1 over pairwise-complete observations, PSD repair where needed.
 *
 * @example
 * ```ts
 * import { expectedReturns, riskModels } from "allocation-workbook/moments";
 * const mu = expectedReturns.meanHistoricalReturn(prices);
 * const S = riskModels.sampleCovariance(prices);
 * ```
 */
export * as expectedReturns from "./expected-returns/index";
export * as riskModels from "./risk-models/index";
export * as blackLitterman from "./black-litterman/index";
export { returnsFromPrices, type ReturnsFromPricesOptions } from "../core/index";
export type { ExpectedReturnsEstimator } from "./expected-returns/expected-returns-estimator";
export type { RiskModel } from "./risk-models/risk-model";
export type { PsdRepairedMatrix } from "./risk-models/fix-nonpositive-semidefinite";
export { pairwiseCovariance, covarianceToCorrelation, correlationToCovariance, fixNonpositiveSemidefinite, crossProduct } from "./risk-models/index";
export { columnMajorReturns, type ColumnMajorReturns } from "./expected-returns/return-columns";
export { prior, priorOf, type Prior, type PriorOptions, type PriorParts } from "./prior";
export { regimePrior, AVERAGE_SIGNAL, type RegimePrior, type RegimePriorOptions } from "./regime-prior";
