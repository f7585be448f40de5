/**
 * Random forest classification of a binary label (e.g. growth > 0), giving probabilities.
 */
import { InputError } from "../../core/index";
import type { LabelledVector } from "../../core/index";
import type { FeatureFrame } from "../../features/index";
import { checkTrainingData } from "../check-training-data";
import type { Classifier, FitOptions, ModelJson, TrainingWindow } from "../estimator";
import { fitForest, forestOptionsFromParams, forestParams, ForestState, resolveForestOptions, type RandomForestOptions } from "./forest-model";

/**
 * Checks that labels are 0 or 1 and that both classes occur.
 *
 * @throws InputError BAD_LABEL naming the first other value; ONE_CLASS when only one class occurs.
 * @example
 * ```ts
 * checkBinaryLabels("fit", [0, 1, 1]); // no error
 * ```
 */
export function checkBinaryLabels(caller: string, labels: ArrayLike<number>): void {
  let ones = 0;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i]!;
    if (v !== 0 && v !== 1) throw new InputError("BAD_LABEL", `${caller}: label ${i} is ${v}; pass 0 or 1 (e.g. growth > 0 ? 1 : 0)`, { row: i });
    ones += v;
  }
  if (ones === 0 || ones === labels.length) {
    throw new InputError("ONE_CLASS", `${caller}: every label is ${ones === 0 ? 0 : 1}; a classifier needs both classes in its training rows (use a longer window)`);
  }
}

/**
 * Random forest of binary classification trees: each tree splits on Gini impurity (equivalently,
 * squared error on 0/1 labels) and its leaves hold the share of class 1; the forest's probability
 * is the trees' mean, as scikit-learn's `predict_proba`. Same engine and options as
 * {@link RandomForestRegressor}; `maxFeatures` defaults to ⌊√nFeatures⌋.
 *
 * @example
 * ```ts
 * const clf = new RandomForestClassifier({ nTrees: 100, seed: 42 });
 * await clf.fit(frame, growth.map((g) => (g > 0 ? 1 : 0)));
 * clf.predictProbability(frame)[0]; // => 0.71
 * ```
 */
export class RandomForestClassifier implements Classifier {
  readonly name: string = "random forest classifier";
  private readonly options: ReturnType<typeof resolveForestOptions>;
  private state: ForestState | null = null;

  /** @throws InputError BAD_ARGUMENT / BAD_SEED for an invalid option. */
  constructor(options: RandomForestOptions = {}) {
    this.options = resolveForestOptions("RandomForestClassifier", options);
  }

  get featureNames(): readonly string[] {
    return this.state?.featureNames ?? [];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.state?.trainingWindow ?? null;
  }

  /**
   * Fits on labels 0/1.
   *
   * @throws InputError as {@link RandomForestRegressor.fit}, plus BAD_LABEL and ONE_CLASS.
   * @example
   * ```ts
   * await clf.fit(frame, labels);
   * ```
   */
  async fit(x: FeatureFrame, labels: ArrayLike<number>, options: FitOptions = {}): Promise<this> {
    checkTrainingData("RandomForestClassifier.fit", x, labels, 2 * this.options.minSamplesLeaf);
    checkBinaryLabels("RandomForestClassifier.fit", labels);
    this.state = await fitForest(this.name, this.options, (k) => Math.floor(Math.sqrt(k)), x, labels, options);
    return this;
  }

  /**
   * Probability of class 1 per row (mean over trees of the leaf's class-1 share).
   *
   * @throws InputError NOT_FITTED; FeatureMismatchError.
   * @example
   * ```ts
   * clf.predictProbability(testFrame)[0]; // => 0.64
   * ```
   */
  predictProbability(x: FeatureFrame): Float64Array {
    return this.fitted("predictProbability").predict("RandomForestClassifier.predictProbability", this.name, x);
  }

  /**
   * Impurity-based (Gini) importance, summing to 1.
   *
   * @example
   * ```ts
   * clf.featureImportance().values.reduce((a, b) => a + b, 0); // => 1
   * ```
   */
  featureImportance(): LabelledVector {
    return this.fitted("featureImportance").importance();
  }

  clone(): RandomForestClassifier {
    return new RandomForestClassifier(forestOptionsFromParams(forestParams(this.options)));
  }

  toJSON(): ModelJson {
    const state = this.fitted("toJSON");
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: RandomForestClassifier.kind,
      featureNames: state.featureNames,
      trainingWindow: state.trainingWindow,
      params: forestParams(this.options),
      state: state.toState(),
    };
  }

  static readonly kind = "random-forest-classifier";

  /**
   * Reads a classifier back from its JSON.
   *
   * @throws DataError BAD_MODEL_FILE.
   * @example
   * ```ts
   * RandomForestClassifier.fromJSON(clf.toJSON()).predictProbability(frame);
   * ```
   */
  static fromJSON(json: ModelJson): RandomForestClassifier {
    const model = new RandomForestClassifier(forestOptionsFromParams(json.params));
    model.state = ForestState.fromState(json.featureNames, json.trainingWindow, json.state);
    return model;
  }

  private fitted(what: string): ForestState {
    if (this.state === null) throw new InputError("NOT_FITTED", `RandomForestClassifier.${what}: the model is not fitted; call fit first`);
    return this.state;
  }
}
