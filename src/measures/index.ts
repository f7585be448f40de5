/**
 * The measures layer: every risk and performance measure, as pure functions on a return series (or on weights and a covariance),
 * used by every layer above (optimisers, stress tests, the backtester, the report).
 *
 * Conventions, the same in every measure:
 * - inputs are per-period **simple returns** as fractions (daily unless said otherwise); `NaN` is rejected;
 * - **losses are positive**: VaR, CVaR, maximum drawdown and CDaR are positive loss fractions of value;
 * - **confidence** c (default 0.95) means the tail is the worst 1 − c of outcomes;
 * - **horizon** is in periods of the series (trading days); volatilities are **annualised** with 252 periods a year;
 * - standard deviations use ddof 1, as the covariance estimators do.
 *
 * @example
 * ```ts
 * import { portfolioReturns, volatility, historicalTailRisk, maxDrawdown } from "allocation-workbook/measures";
 * const series = portfolioReturns(returnsFromPrices(prices), weights, { proxies: { PXFX: "MKTIDX", SATX: "MKTIDX", ETRX: "MKTIDX" } });
 * // notebook 06's minimum-volatility portfolio on the default synthetic market:
 * volatility(series.values);                                   // => ≈ 0.0598 (6 % a year)
 * historicalTailRisk(series.values).valueAtRisk;               // => ≈ 0.0058 (0.58 % of value in a day, 95 %)
 * maxDrawdown(series).maxDrawdown;                             // => ≈ 0.155 (2011-03-07 to 2011-07-28)
 * ```
 */
export type { ReturnSeries } from "./return-series";
export { seriesOf } from "./return-series";
export type { InstrumentProfile } from "./instrument-profile";
export { sectorOrClass } from "./instrument-profile";
export { portfolioReturns } from "./portfolio-returns";
export type { PortfolioReturnsOptions, PortfolioReturnSeries } from "./portfolio-returns";
export { applyProxies } from "./proxy-returns";
export type { ProxyUse } from "./proxy-returns";
export { returnMoments } from "./return-moments";
export type { ReturnMoments } from "./return-moments";
export { volatility } from "./volatility";
export type { AnnualisationOptions } from "./volatility";
export { downsideDeviation } from "./downside-deviation";
export type { DownsideDeviationOptions } from "./downside-deviation";
export { beta } from "./beta";
export { trackingError } from "./tracking-error";
export { normalDensity, normalQuantile } from "./normal-distribution";
export { DEFAULT_CONFIDENCE } from "./tail-risk";
export type { TailRisk, TailRiskOptions } from "./tail-risk";
export { empiricalTail } from "./empirical-tail";
export type { EmpiricalTail } from "./empirical-tail";
export { horizonReturns } from "./horizon-returns";
export { simpleReturns } from "../core/index";
export { historicalTailRisk } from "./historical-tail-risk";
export { historicalCvar } from "./historical-cvar";
export { gaussianTailRisk } from "./gaussian-tail-risk";
export { cornishFisherTailRisk } from "./cornish-fisher-tail-risk";
export { monteCarloTailRisk, DEFAULT_SIMULATIONS } from "./monte-carlo-tail-risk";
export type { MonteCarloTailRisk, MonteCarloTailRiskOptions } from "./monte-carlo-tail-risk";
export { drawdowns, maxDrawdown, maxDrawdownOfPrices } from "./drawdown";
export type { MaxDrawdown } from "./drawdown";
export { conditionalDrawdownAtRisk } from "./conditional-drawdown-at-risk";
export type { DrawdownAtRiskOptions } from "./conditional-drawdown-at-risk";
export { assetRiskContributions } from "./asset-risk-contributions";
export type { RiskContributions } from "./asset-risk-contributions";
export { groupRiskContributions, sectorRiskContributions } from "./group-risk-contributions";
export { checkConfidence, checkHorizon } from "./check-inputs";
export { RollingMoments } from "./rolling-moments";
export { windowMean, windowStandardDeviation } from "./window-moments";
export { cumulativeReturn } from "./cumulative-return";
export { annualisedReturn, type FrequencyOptions } from "./annualised-return";
export { sharpeRatio, periodRiskFreeRate, type RatioOptions } from "./sharpe-ratio";
export { sortinoRatio } from "./sortino-ratio";
export { calmarRatio } from "./calmar-ratio";
export { hitRate } from "./hit-rate";
export { rollingSharpe, type RollingSharpeOptions } from "./rolling-sharpe";
export { riskContributions, varianceContributions, type VarianceContributions } from "./risk-contributions";
export { portfolioVariance } from "./portfolio-variance";
export { portfolioPerformance, type PortfolioPerformance, type PortfolioPerformanceOptions } from "./performance";
export { tailPosition } from "./empirical-tail";
export { meanAbsoluteDeviation } from "./mean-absolute-deviation";
export { lowerPartialMoment } from "./lower-partial-moment";
export { variance, standardDeviation, type DdofOptions } from "./dispersion";
export { semiVariance, semiDeviation, type SemiVarianceOptions } from "./semi-variance";
export { centralMoment, skewness, kurtosis } from "./central-moment";
export { worstRealisation } from "./worst-realisation";
export { giniMeanDifference } from "./gini-mean-difference";
export { entropicRiskMeasure, entropicValueAtRisk, type EntropicOptions } from "./entropic-risk";
export { drawdownSeries, type DrawdownSeriesOptions } from "./drawdown-series";
export { drawdownAtRisk, averageDrawdown, drawdownCvar, ulcerIndex, entropicDrawdownAtRisk } from "./drawdown-measures";
export { meanOf, type TargetOptions } from "./target-return";
export { lateListingProxies } from "./late-listing-proxies";
export { measureTable, valuesOfSeries, type MeasureTableOptions, type SeriesValues, type SeriesMeasure, type RelativeMeasure } from "./measure-table";
export { returnMomentsTable } from "./return-moments-table";
export { tailRiskTable, type TailRiskEstimator, type TailRiskTableOptions } from "./tail-risk-table";
export { drawdownFrame } from "./drawdown-frame";
export { tailGini, type TailGiniOptions } from "./tail-gini";
export { returnRange, cvarRange, tailGiniRange, type RangeOptions } from "./range-measures";
export { owaWeights, owaValue, tailGiniWeights, OWA_MEASURES, type OwaMeasure, type OwaOptions } from "./owa-weights";
export { scenarioReturns } from "./scenario-returns";
