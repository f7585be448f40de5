/**
 * The interfaces every model implements, so that validation, stacking and the notebooks take any
 * of them as an object.
 */
import type { FeatureFrame } from "../features/index";
import type { ProgressCallback } from "./progress";

/** Options of `fit`. */
export interface FitOptions {
  /** Receives progress (trees built, epochs and loss). */
  readonly onProgress?: ProgressCallback;
}

/**
 * The dates a model was trained on: its first and last as-of date.
 *
 * @example
 * ```ts
 * const w: TrainingWindow = { start: "2007-01-31", end: "2015-12-31" };
 * ```
 */
export interface TrainingWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * A model serialised to JSON: kind, feature list, training window, hyperparameters and state.
 *
 * @example
 * ```ts
 * const json: ModelJson = { format: "allocation-workbook/model", version: 1, kind: "random-forest-regressor",
 *   featureNames: ["momentum_252d"], trainingWindow: { start: "2007-01-31", end: "2015-12-31" }, params: {}, state: {} };
 * ```
 */
export interface ModelJson {
  readonly format: "allocation-workbook/model";
  readonly version: 1;
  /** Which class reads it back, e.g. `"random-forest-regressor"`. */
  readonly kind: string;
  readonly featureNames: readonly string[];
  readonly trainingWindow: TrainingWindow;
  readonly params: Readonly<Record<string, unknown>>;
  readonly state: Readonly<Record<string, unknown>>;
}

/**
 * A regression model: learns `y ≈ f(x)` from feature rows.
 *
 * @example
 * ```ts
 * const model: Regressor = new RandomForestRegressor({ nTrees: 100, seed: 1 });
 * await model.fit(frame, y);
 * model.predict(frame).length; // => frame rows
 * ```
 */
export interface Regressor {
  /** A short human name, e.g. `"random forest"`. */
  readonly name: string;
  /** Features it was trained on (empty before `fit`). */
  readonly featureNames: readonly string[];
  /** First and last as-of date of the training rows (`null` before `fit`). */
  readonly trainingWindow: TrainingWindow | null;
  /** Fits on rows and labels (one per row); resolves to the model itself. */
  fit(x: FeatureFrame, y: ArrayLike<number>, options?: FitOptions): Promise<this>;
  /** One prediction per row; throws FeatureMismatchError unless the rows carry exactly `featureNames`. */
  predict(x: FeatureFrame): Float64Array;
  /** An unfitted copy with the same hyperparameters (for walk-forward refits). */
  clone(): Regressor;
  /** The fitted model as JSON (throws before `fit`). */
  toJSON(): ModelJson;
}

/**
 * A binary classifier giving the probability that the label is 1 (e.g. growth > 0).
 *
 * @example
 * ```ts
 * const clf: Classifier = new RandomForestClassifier({ nTrees: 100, seed: 1 });
 * await clf.fit(frame, labels);          // labels 0 or 1
 * clf.predictProbability(frame)[0];      // => 0.62
 * ```
 */
export interface Classifier {
  readonly name: string;
  readonly featureNames: readonly string[];
  readonly trainingWindow: TrainingWindow | null;
  /** Fits on rows and labels, each 0 or 1. */
  fit(x: FeatureFrame, labels: ArrayLike<number>, options?: FitOptions): Promise<this>;
  /** Probability of label 1 per row, in [0, 1]. */
  predictProbability(x: FeatureFrame): Float64Array;
  clone(): Classifier;
  toJSON(): ModelJson;
}
