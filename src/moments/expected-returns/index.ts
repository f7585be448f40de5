/** Expected-returns estimators: prices in, annualised expected returns (labelled by ticker) out. */
export { meanHistoricalReturn } from "./mean-historical-return";
export type { MeanHistoricalReturnOptions } from "./mean-historical-return";
export type { ExpectedReturnsEstimator } from "./expected-returns-estimator";
export { emaHistoricalReturn } from "./ema-historical-return";
export type { EmaHistoricalReturnOptions } from "./ema-historical-return";
export { capmReturn } from "./capm-return";
export type { CapmReturnOptions } from "./capm-return";
export { returnsFromForecasts } from "./returns-from-forecasts";
export type { Forecasts, ReturnsFromForecastsOptions } from "./returns-from-forecasts";
export { exponentiallyWeightedMean, spanDecay } from "./exponentially-weighted-mean";
