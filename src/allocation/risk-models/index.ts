/** Risk models: prices in, annualised covariance matrices (labelled by ticker) out, plus their repair. */
export { sampleCovariance } from "./sample-covariance";
export type { SampleCovarianceOptions } from "./sample-covariance";
export { pairwiseCovariance } from "./pairwise-covariance";
export { fixNonpositiveSemidefinite, PSD_TEST_JITTER } from "./fix-nonpositive-semidefinite";
export type { PsdRepairedMatrix } from "./fix-nonpositive-semidefinite";
export type { RiskModel } from "./risk-model";
