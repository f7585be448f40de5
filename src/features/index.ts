/**
 * The features layer: one feature store that turns canonical prices and point-in-time
 * fundamentals into typed, columnar feature rows keyed by (as-of date, ticker), for training and
 * for scoring alike, with no look-ahead; the rolling measures it is built from; and targets.
 *
 * Conventions: windows in trading days; rates annualised with 252 days (mean return × 252,
 * volatility × √252, alpha × 252); fractions, not percentages; risk-free rate 0.
 *
 * @example
 * ```ts
 * import { FeatureStore, forwardReturnTarget } from "./src/features/index";
 * const store = new FeatureStore({ prices, fundamentals, benchmark: "MKTIDX" });
 * const frame = store.build();
 * const y = forwardReturnTarget(prices, frame, 21);
 * ```
 */
export * from "./feature-frame";
export * from "./feature-definition";
export * from "./feature-store";
export * from "./point-in-time";
export type { TickerHistory } from "./ticker-history";
export * from "./as-of-sampling";
export * from "./default-features";
export * from "./price-features";
export * from "./fundamental-features";
export * from "./target";
export * from "./feature-summary";
export { closestNames } from "./closest-names";
export { logReturns } from "./log-returns";
export { rollingMean } from "./rolling-mean";
export { rollingVolatility } from "./rolling-volatility";
export { momentum } from "./momentum";
export { meanReversionZScore } from "./mean-reversion-z-score";
export { rollingCorrelation } from "./rolling-correlation";
export { rollingCapm } from "./rolling-capm";
export { checkSeries, firstObserved, evaluationIndices } from "./check-series";
export { rollingStatistic } from "./rolling-statistic";
export * from "./return-window-features";
export * from "./look-ahead-check";
export { featureUnits } from "./feature-units";
export { catalogueTable, droppedRows, featureRow, historyTable, type HistoryTableOptions } from "./feature-tables";
export { informationCoefficients, topByMagnitude, type TargetValues } from "./information-coefficients";
