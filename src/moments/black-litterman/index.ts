/**
 * Black-Litterman: a market-implied prior, views (absolute or relative) with their uncertainty, and the posterior
 * returns, covariance and implied weights, as PyPortfolioOpt's `black_litterman` module.
 */
export { blackLitterman } from "./black-litterman";
export type { BlackLittermanInput, BlackLittermanResult } from "./black-litterman";
export { marketImpliedPriorReturns } from "./market-implied-prior-returns";
export type { MarketCaps, MarketImpliedPriorReturnsOptions } from "./market-implied-prior-returns";
export { marketImpliedRiskAversion } from "./market-implied-risk-aversion";
export type { MarketImpliedRiskAversionOptions } from "./market-implied-risk-aversion";
export { absoluteViews } from "./absolute-views";
export type { AbsoluteViews } from "./absolute-views";
export { relativeViews } from "./relative-views";
export type { RelativeView } from "./relative-views";
export type { ViewMatrices } from "./view-matrices";
export { defaultOmega } from "./default-omega";
export { idzorekOmega, ZERO_CONFIDENCE_OMEGA } from "./idzorek-omega";
