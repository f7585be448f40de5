/** Expected-returns estimators: prices in, annualised expected returns (labelled by ticker) out. */
export { meanHistoricalReturn } from "./mean-historical-return";
export type { MeanHistoricalReturnOptions } from "./mean-historical-return";
export type { ExpectedReturnsEstimator } from "./expected-returns-estimator";
