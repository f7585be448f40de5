/** Monitoring: drift indicators that say when the models should be retrained. */
export { populationStabilityIndex } from "./population-stability-index";
export { driftReport, type DriftReport, type DriftInput, type DriftThresholds } from "./drift-report";
export { recentDrift, driftTable, type RecentDrift, type RecentDriftOptions } from "./recent-drift";
export { volatilityShift, VOLATILITY_INFLATION, VOLATILITY_TEST_LEVEL, type VolatilityShift, type VolatilityShiftOptions } from "./volatility-shift";
export { realisedVersusExpected, type RealisedVersusExpected, type RealisedVersusExpectedOptions } from "./realised-versus-expected";
export { retrainDecision, retrainThresholds, type RetrainDecision, type RetrainIndicators, type RetrainThresholds, type RetrainTrigger } from "./retrain-decision";
