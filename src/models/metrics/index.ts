/**
 * Forecast metrics: errors (RMSE, MAE), skill at ranking (IC, rank IC), direction (hit rate) and,
 * for probabilities, AUC, the calibration curve, Brier score and calibration error.
 */
export { checkPairs } from "./check-pairs";
export { rmse } from "./rmse";
export { mae } from "./mae";
export { informationCoefficient, pearson } from "./information-coefficient";
export { rankInformationCoefficient, ranks } from "./rank-information-coefficient";
export { hitRate } from "./hit-rate";
export { auc } from "./auc";
export { calibrationCurve, brierScore, expectedCalibrationError, type CalibrationBin } from "./calibration-curve";
export { rankIcByDate, crossSectionalRanks, type DatedRankIc } from "./rank-ic-by-date";
export { regressionScores, probabilityScores, type RegressionScores, type ProbabilityScores } from "./forecast-scores";
export { forecastPairs, type ForecastPairs } from "./forecast-pairs";
export { scoreForecasts, type ScoreOptions } from "./score-forecasts";
export { scoreProbabilities, calibrationCurves, type ProbabilityScoreOptions } from "./score-probabilities";
export { rankIcSeries } from "./rank-ic-series";
