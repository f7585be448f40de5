/** Monitoring: drift indicators that say when the models should be retrained. */
export { populationStabilityIndex } from "./population-stability-index";
export { driftReport, type DriftReport, type DriftInput, type DriftThresholds } from "./drift-report";
export { recentDrift, driftTable, type RecentDrift, type RecentDriftOptions } from "./recent-drift";
