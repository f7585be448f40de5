/**
 * The modelling layer: forecasts an allocator can use — expected growth with a confidence, and
 * expected returns with a ranking — validated walk-forward with no look-ahead.
 *
 * - models as objects behind two interfaces, `Regressor` and `Classifier`: our random forest
 *   (`RandomForestRegressor`, `RandomForestClassifier`, the default tree models), the
 *   `ml-random-forest` alternative, ridge and logistic regression, the `LstmForecaster`
 *   (our typed-array engine by default, TensorFlow.js as the other), naive baselines, and the `StackedEnsemble`;
 * - walk-forward validation: splits (`expandingWindow`, `rollingWindow`) with a purge gap, and `walkForward`;
 * - `metrics`: RMSE, MAE, IC, rank IC, hit rate, AUC, calibration;
 * - `monitoring`: drift indicators (PSI, error growth, volatility regime);
 * - model files (`saveModel`, `loadModel`), progress reporting, and the hand-off `allocationForecast`.
 *
 * @example
 * ```ts
 * import { RandomForestRegressor, walkForward, expandingWindow, regressorForecaster } from "./src/models/index";
 * const wf = await walkForward(frame, target, expandingWindow({ minTrainPeriods: 36, testPeriods: 12 }),
 *   regressorForecaster(new RandomForestRegressor({ seed: 1 })));
 * ```
 */
export * as metrics from "./metrics/index";
export * as monitoring from "./monitoring/index";
export * as forest from "./forest/index";
export * as linear from "./linear/index";
export * as lstm from "./lstm/index";

export type { Regressor, Classifier, FitOptions, ModelJson, TrainingWindow } from "./estimator";
export { FeatureMismatchError } from "./model-errors";
export { checkTrainingData, checkFiniteFeatures, columnsForModel, trainingWindowOf } from "./check-training-data";
export { progressLogger, type ProgressCallback, type ProgressEvent, type ProgressLoggerOptions } from "./progress";
export { RandomForestRegressor, RandomForestClassifier, MlRandomForestRegressor, type RandomForestOptions, type MlRandomForestOptions } from "./forest/index";
export { RidgeRegression, LogisticRegression, type RidgeRegressionOptions, type LogisticRegressionOptions } from "./linear/index";
export { LstmForecaster, loadTensorFlow, typedArrayLstmEngine, tensorflowLstmEngine, type LstmEngine, type LstmForecasterOptions, type TensorFlowRuntime } from "./lstm/index";
export { LastValueBaseline, HistoricalMeanBaseline } from "./baselines";
export { StackedEnsemble, stackedEnsembleForecaster, type StackedEnsembleOptions, type EnsembleForecast } from "./ensemble/index";
export { walkForward, expandingWindow, rollingWindow, regressorForecaster, classifierForecaster, scoredRows } from "./validation/index";
export type { WalkForwardResult, WalkForwardFold, WalkForwardSplitter, Forecaster } from "./validation/index";
export { permutationImportance, topFeatures, type PermutationImportanceOptions } from "./permutation-importance";
export { saveModel, loadModel, modelFromJSON, MODEL_CODECS, type ModelCodec, type SavedModel, type LoadModelOptions } from "./model-file";
export { allocationForecast, growthTimesConfidence, type AllocationForecast, type TickerForecasts } from "./allocation-forecast";
export { rankByForecast, type RankedAsset } from "./rank-by-forecast";
export { encodeArray, decodeFloat64, decodeInt32 } from "./typed-array-codec";
export { growthConfidenceForecast, forecastTable, type GrowthConfidenceForecasts, type GrowthConfidenceForecastOptions, type GrowthConfidenceMarket } from "./growth-confidence-forecast";
export { LabelledRows, labelledRows, rowsSummary, OUTCOME_COLUMN } from "./labelled-rows";
export { splitAt, foldTable } from "./validation/index";
export { rankingTable, type RankingTableOptions } from "./ranking-table";
export { topFeaturesTable } from "./top-features-table";
export * as regimes from "./regimes/index";
