/**
 * The `ml-random-forest` package behind the project's `Regressor` interface: an alternative
 * estimator object, kept for comparison.
 */
import { RandomForestRegression } from "ml-random-forest";
import { DataError, InputError } from "../../core/index";
import type { LabelledVector } from "../../core/index";
import type { FeatureFrame } from "../../features/index";
import { checkTrainingData, columnsForModel, trainingWindowOf } from "../check-training-data";
import type { FitOptions, ModelJson, Regressor, TrainingWindow } from "../estimator";

/** Options of {@link MlRandomForestRegressor} (mapped onto `ml-random-forest`'s). */
export interface MlRandomForestOptions {
  /** Number of trees (default 100). */
  readonly nTrees?: number;
  /** Fraction of the features each tree sees, in (0, 1] (default 1/3; `ml-random-forest` samples features per tree, not per split). */
  readonly featureFraction?: number;
  /** Fewest rows a node needs to be split (default 10, `ml-cart`'s `minNumSamples`). */
  readonly minNumSamples?: number;
  /** Deepest level (default unlimited). */
  readonly maxDepth?: number;
  /** Seed (default 0). */
  readonly seed?: number;
}

/**
 * Random forest regression by the `ml-random-forest` package (2.1.0), behind the same interface as
 * {@link RandomForestRegressor}, so it can be swapped in wherever a `Regressor` is taken.
 * Not the default: on the development machine it took 61 s for 100 trees on 2,000 × 10 (ours:
 * under a second), it samples features once per tree rather than at each split, has no progress
 * events and saves models of tens of megabytes. Its impurity importances come from
 * `featureImportance()`.
 *
 * @example
 * ```ts
 * const slow = new MlRandomForestRegressor({ nTrees: 20, seed: 1 });
 * await slow.fit(frame, y);
 * slow.predict(frame).length; // => frame rows
 * ```
 */
export class MlRandomForestRegressor implements Regressor {
  readonly name: string = "ml-random-forest";
  private readonly options: Required<Omit<MlRandomForestOptions, "maxDepth">> & { maxDepth: number | null };
  private state: { forest: RandomForestRegression; featureNames: readonly string[]; window: TrainingWindow } | null = null;

  /** @throws InputError BAD_ARGUMENT for an invalid option. */
  constructor(options: MlRandomForestOptions = {}) {
    const featureFraction = options.featureFraction ?? 1 / 3;
    if (!(featureFraction > 0 && featureFraction <= 1)) throw new InputError("BAD_ARGUMENT", `MlRandomForestRegressor: featureFraction ${featureFraction} must be in (0, 1]`);
    const nTrees = options.nTrees ?? 100;
    if (!Number.isInteger(nTrees) || nTrees < 1) throw new InputError("BAD_ARGUMENT", `MlRandomForestRegressor: nTrees ${nTrees} must be an integer ≥ 1`);
    this.options = { nTrees, featureFraction, minNumSamples: options.minNumSamples ?? 10, maxDepth: options.maxDepth ?? null, seed: options.seed ?? 0 };
  }

  get featureNames(): readonly string[] {
    return this.state?.featureNames ?? [];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.state?.window ?? null;
  }

  /**
   * @throws InputError as `checkTrainingData`.
   * @example
   * ```ts
   * await new MlRandomForestRegressor({ nTrees: 10 }).fit(frame, y);
   * ```
   */
  async fit(x: FeatureFrame, y: ArrayLike<number>, options: FitOptions = {}): Promise<this> {
    checkTrainingData("MlRandomForestRegressor.fit", x, y, 2);
    const rows = toRows(x.columns, x.dates.length);
    const k = x.names.length;
    const started = Date.now();
    const forest = new RandomForestRegression({
      nEstimators: this.options.nTrees,
      // ml-random-forest reads 1 as "one feature" (an integer) and fractions as shares.
      maxFeatures: this.options.featureFraction >= 1 ? k : Math.max(1 / k, this.options.featureFraction),
      replacement: false,
      useSampleBagging: true,
      seed: this.options.seed,
      noOOB: true,
      treeOptions: { minNumSamples: this.options.minNumSamples, ...(this.options.maxDepth !== null ? { maxDepth: this.options.maxDepth } : {}) },
    });
    forest.train(rows, Array.from(y));
    options.onProgress?.({ model: this.name, unit: "trees", done: this.options.nTrees, total: this.options.nTrees, elapsedMs: Date.now() - started });
    this.state = { forest, featureNames: [...x.names], window: trainingWindowOf(x) };
    return this;
  }

  /**
   * @throws InputError NOT_FITTED; FeatureMismatchError.
   * @example
   * ```ts
   * slow.predict(frame)[0]; // => 0.03
   * ```
   */
  predict(x: FeatureFrame): Float64Array {
    const s = this.fitted("predict");
    const columns = columnsForModel("MlRandomForestRegressor.predict", this.name, s.featureNames, x);
    return Float64Array.from(s.forest.predict(toRows(columns, x.dates.length)));
  }

  /**
   * `ml-random-forest`'s feature importance, normalised to sum to 1.
   *
   * @example
   * ```ts
   * slow.featureImportance().labels; // => the training features
   * ```
   */
  featureImportance(): LabelledVector {
    const s = this.fitted("featureImportance");
    const raw = (s.forest as unknown as { featureImportance(): number[] }).featureImportance();
    const sum = raw.reduce((a, v) => a + v, 0);
    return { labels: [...s.featureNames], values: Float64Array.from(raw, (v) => (sum > 0 ? v / sum : 0)) };
  }

  clone(): MlRandomForestRegressor {
    return new MlRandomForestRegressor({ ...this.options, maxDepth: this.options.maxDepth ?? undefined });
  }

  static readonly kind = "ml-random-forest-regressor";

  toJSON(): ModelJson {
    const s = this.fitted("toJSON");
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: MlRandomForestRegressor.kind,
      featureNames: s.featureNames,
      trainingWindow: s.window,
      params: { ...this.options },
      state: { forest: s.forest.toJSON() as unknown as Record<string, unknown> },
    };
  }

  /**
   * @throws DataError BAD_MODEL_FILE.
   * @example
   * ```ts
   * MlRandomForestRegressor.fromJSON(slow.toJSON()).predict(frame);
   * ```
   */
  static fromJSON(json: ModelJson): MlRandomForestRegressor {
    const p = json.params as MlRandomForestOptions & { maxDepth?: number | null };
    const model = new MlRandomForestRegressor({ ...p, maxDepth: p.maxDepth ?? undefined });
    const forest = json.state.forest;
    if (typeof forest !== "object" || forest === null) throw new DataError("BAD_MODEL_FILE", "ml-random-forest model file: state.forest is missing");
    model.state = { forest: RandomForestRegression.load(forest as never), featureNames: json.featureNames, window: json.trainingWindow };
    return model;
  }

  private fitted(what: string): { forest: RandomForestRegression; featureNames: readonly string[]; window: TrainingWindow } {
    if (this.state === null) throw new InputError("NOT_FITTED", `MlRandomForestRegressor.${what}: the model is not fitted; call fit first`);
    return this.state;
  }
}

function toRows(columns: readonly Float64Array[], n: number): number[][] {
  return Array.from({ length: n }, (_, i) => columns.map((c) => c[i]!));
}
