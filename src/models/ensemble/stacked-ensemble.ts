/**
 * Stacking: base regressors and classifiers, combined by meta-models fitted on their
 * out-of-fold (walk-forward) forecasts.
 */
import { InputError } from "../../core/index";
import { selectRows, type FeatureFrame, type Target } from "../../features/index";
import { checkTrainingData, trainingWindowOf } from "../check-training-data";
import type { Classifier, FitOptions, ModelJson, Regressor, TrainingWindow } from "../estimator";
import { LogisticRegression } from "../linear/logistic-regression";
import { RidgeRegression } from "../linear/ridge-regression";
import type { Forecaster } from "../validation/forecaster";
import { expandingWindow, type WalkForwardSplitter } from "../validation/walk-forward-splitter";

/** Options of {@link StackedEnsemble}. */
export interface StackedEnsembleOptions {
  /** Base models forecasting the label (e.g. a random forest and a ridge regression). At least one. */
  readonly regressors: readonly Regressor[];
  /** Base models giving the probability that the label exceeds `threshold`. At least one. */
  readonly classifiers: readonly Classifier[];
  /** Combines the base forecasts (default `RidgeRegression({ alpha: 0.01 })`). */
  readonly metaRegressor?: Regressor;
  /** Combines the base classifiers' log-odds and the base forecasts (default `LogisticRegression({ alpha: 1 })`). */
  readonly metaClassifier?: Classifier;
  /** Splits the training rows for the out-of-fold forecasts (default: an expanding window over the first half of the training dates, then `innerFolds` test blocks). */
  readonly innerSplitter?: WalkForwardSplitter;
  /** Test blocks of the default inner splitter (default 3). */
  readonly innerFolds?: number;
  /** A label above this is the positive class (default 0: growth > 0). */
  readonly threshold?: number;
  /** Inner folds with fewer training rows are skipped (default 50): early folds of a short window may have too few known labels. */
  readonly minInnerRows?: number;
}

/**
 * The ensemble's forecasts for a set of rows.
 *
 * @example
 * ```ts
 * const f: EnsembleForecast = { forecast: Float64Array.of(0.08), probability: Float64Array.of(0.7), base: {} };
 * ```
 */
export interface EnsembleForecast {
  /** The meta-regressor's forecast of the label (e.g. next year's net-income growth, fraction). */
  readonly forecast: Float64Array;
  /** The meta-classifier's probability that the label exceeds the threshold (the confidence). */
  readonly probability: Float64Array;
  /** Each base model's own forecast or probability, by model name. */
  readonly base: Readonly<Record<string, Float64Array>>;
}

const clip = (p: number): number => Math.min(1 - 1e-4, Math.max(1e-4, p));
const logit = (p: number): number => Math.log(clip(p) / (1 - clip(p)));

/**
 * A stacked ensemble (Wolpert, 1992) for a label such as forward net-income growth:
 * 1. walk-forward inside the training rows (purged: a row trains only models tested after its
 *    label is known; folds with fewer than `minInnerRows` training rows skipped) gives every base
 *    model's out-of-fold forecasts;
 * 2. the meta-regressor learns to combine the base regressors' forecasts, and the
 *    meta-classifier the base classifiers' log-odds and the base forecasts, on those rows;
 * 3. the base models are refitted on all training rows.
 * Seeded base models make it reproducible.
 *
 * @example
 * ```ts
 * const ensemble = new StackedEnsemble({
 *   regressors: [new RandomForestRegressor({ seed: 1 }), new RidgeRegression()],
 *   classifiers: [new RandomForestClassifier({ seed: 2 }), new LogisticRegression()],
 * });
 * await ensemble.fit(train, growthTarget);
 * ensemble.predict(test).probability[0]; // => 0.73
 * ```
 */
export class StackedEnsemble {
  readonly name: string = "stacked ensemble";
  readonly threshold: number;
  private readonly options: StackedEnsembleOptions;
  private fitted: {
    regressors: Regressor[];
    classifiers: Classifier[];
    metaRegressor: Regressor;
    metaClassifier: Classifier;
    featureNames: readonly string[];
    window: TrainingWindow;
  } | null = null;

  /** @throws InputError NO_BASE_MODELS when a list of base models is empty; DUPLICATE_MODEL for repeated names. */
  constructor(options: StackedEnsembleOptions) {
    if (options.regressors.length === 0 || options.classifiers.length === 0) {
      throw new InputError("NO_BASE_MODELS", "StackedEnsemble: pass at least one base regressor and one base classifier");
    }
    const names = [...options.regressors, ...options.classifiers].map((m) => m.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new InputError("DUPLICATE_MODEL", `StackedEnsemble: two base models are named ${dup}; each base model needs its own name`);
    this.options = options;
    this.threshold = options.threshold ?? 0;
  }

  get featureNames(): readonly string[] {
    return this.fitted?.featureNames ?? [];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.fitted?.window ?? null;
  }

  /** Names of the base models, regressors then classifiers. */
  get baseNames(): readonly string[] {
    return [...this.options.regressors, ...this.options.classifiers].map((m) => m.name);
  }

  /**
   * Fits base and meta models.
   *
   * @param x training rows.
   * @param target labels with the dates they become known (for the purged inner walk-forward).
   * @throws InputError as `checkTrainingData`; TOO_FEW_PERIODS when the training rows are too
   *   short for the inner walk-forward; whatever a base model throws.
   * @example
   * ```ts
   * await ensemble.fit(train, target, { onProgress: progressLogger() });
   * ```
   */
  async fit(x: FeatureFrame, target: Target, options: FitOptions = {}): Promise<this> {
    checkTrainingData("StackedEnsemble.fit", x, target.values, 4);
    const splitter = this.options.innerSplitter ?? this.defaultInnerSplitter(x.dates);
    const minInnerRows = this.options.minInnerRows ?? 50;
    const folds = splitter.split(x.dates, target.knownAt).filter((f) => f.trainRows.length >= minInnerRows);
    if (folds.length === 0) {
      throw new InputError(
        "TOO_FEW_ROWS",
        `StackedEnsemble.fit: no inner walk-forward fold has ${minInnerRows} training rows with known labels (${x.dates.length} rows from ${x.dates[0]} to ${x.dates[x.dates.length - 1]}); pass a longer training window or lower minInnerRows`,
        { rows: x.dates.length },
      );
    }
    const n = x.dates.length;
    const regs = this.options.regressors;
    const clfs = this.options.classifiers;
    const oofReg = regs.map(() => new Float64Array(n).fill(Number.NaN));
    const oofClf = clfs.map(() => new Float64Array(n).fill(Number.NaN));
    const labels = target.values.map((v) => (v > this.threshold ? 1 : 0));
    const totalSteps = folds.length + 1;
    const started = Date.now();
    let done = 0;
    for (const fold of folds) {
      const train = selectRows(x, fold.trainRows);
      const test = selectRows(x, fold.testRows);
      const yTrain = Float64Array.from(fold.trainRows, (i) => target.values[i]!);
      const lTrain = Float64Array.from(fold.trainRows, (i) => labels[i]!);
      for (let r = 0; r < regs.length; r++) {
        const m = regs[r]!.clone();
        await m.fit(train, yTrain);
        const p = m.predict(test);
        fold.testRows.forEach((row, k) => (oofReg[r]![row] = p[k]!));
      }
      for (let c = 0; c < clfs.length; c++) {
        const m = clfs[c]!.clone();
        await m.fit(train, lTrain);
        const p = m.predictProbability(test);
        fold.testRows.forEach((row, k) => (oofClf[c]![row] = p[k]!));
      }
      done++;
      options.onProgress?.({ model: this.name, unit: "folds", done, total: totalSteps, elapsedMs: Date.now() - started });
    }
    const metaRows = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(oofReg[0]![i]!) && Number.isFinite(target.values[i]!)));
    const metaFrame = this.metaFrame(
      { ...x, dates: Array.from(metaRows, (i) => x.dates[i]!), tickers: Array.from(metaRows, (i) => x.tickers[i]!) },
      oofReg.map((c) => Float64Array.from(metaRows, (i) => c[i]!)),
      oofClf.map((c) => Float64Array.from(metaRows, (i) => c[i]!)),
    );
    const metaRegressor = (this.options.metaRegressor ?? new RidgeRegression({ alpha: 0.01 })).clone();
    const metaClassifier = (this.options.metaClassifier ?? new LogisticRegression({ alpha: 1 })).clone();
    await metaRegressor.fit(metaFrame.regression, Float64Array.from(metaRows, (i) => target.values[i]!));
    await metaClassifier.fit(metaFrame.classification, Float64Array.from(metaRows, (i) => labels[i]!));

    const fittedRegs: Regressor[] = [];
    for (const r of regs) fittedRegs.push(await r.clone().fit(x, target.values));
    const fittedClfs: Classifier[] = [];
    for (const c of clfs) fittedClfs.push(await c.clone().fit(x, labels));
    options.onProgress?.({ model: this.name, unit: "folds", done: totalSteps, total: totalSteps, elapsedMs: Date.now() - started });
    this.fitted = { regressors: fittedRegs, classifiers: fittedClfs, metaRegressor, metaClassifier, featureNames: [...x.names], window: trainingWindowOf(x) };
    return this;
  }

  /**
   * Forecasts, probabilities and the base models' outputs for rows carrying the training features.
   *
   * @throws InputError NOT_FITTED; FeatureMismatchError.
   * @example
   * ```ts
   * const { forecast, probability } = ensemble.predict(latestRows);
   * ```
   */
  predict(x: FeatureFrame): EnsembleForecast {
    const f = this.fitted;
    if (f === null) throw new InputError("NOT_FITTED", "StackedEnsemble.predict: the ensemble is not fitted; call fit first");
    const reg = f.regressors.map((m) => m.predict(x));
    const clf = f.classifiers.map((m) => m.predictProbability(x));
    const meta = this.metaFrame(x, reg, clf);
    const base: Record<string, Float64Array> = {};
    f.regressors.forEach((m, i) => (base[m.name] = reg[i]!));
    f.classifiers.forEach((m, i) => (base[m.name] = clf[i]!));
    return { forecast: f.metaRegressor.predict(meta.regression), probability: f.metaClassifier.predictProbability(meta.classification), base };
  }

  /** The fitted meta-regressor (e.g. to read the weights of the base models). @throws InputError NOT_FITTED. */
  metaModels(): { readonly regressor: Regressor; readonly classifier: Classifier } {
    if (this.fitted === null) throw new InputError("NOT_FITTED", "StackedEnsemble.metaModels: the ensemble is not fitted; call fit first");
    return { regressor: this.fitted.metaRegressor, classifier: this.fitted.metaClassifier };
  }

  /** An unfitted copy with the same base and meta models. */
  clone(): StackedEnsemble {
    return new StackedEnsemble(this.options);
  }

  static readonly kind = "stacked-ensemble";

  /**
   * JSON of the fitted ensemble, with each base and meta model's own JSON inside.
   *
   * @throws InputError NOT_FITTED.
   * @example
   * ```ts
   * JSON.stringify(ensemble.toJSON()).length; // => a few hundred kB for 2 forests of 100 trees
   * ```
   */
  toJSON(): ModelJson {
    const f = this.fitted;
    if (f === null) throw new InputError("NOT_FITTED", "StackedEnsemble.toJSON: the ensemble is not fitted; call fit first");
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: StackedEnsemble.kind,
      featureNames: f.featureNames,
      trainingWindow: f.window,
      params: { threshold: this.threshold, innerFolds: this.options.innerFolds ?? 3 },
      state: {
        regressors: f.regressors.map((m) => m.toJSON()),
        classifiers: f.classifiers.map((m) => m.toJSON()),
        metaRegressor: f.metaRegressor.toJSON(),
        metaClassifier: f.metaClassifier.toJSON(),
      },
    };
  }

  /**
   * Rebuilds a fitted ensemble from its parts (used by `loadModel`).
   *
   * @example
   * ```ts
   * StackedEnsemble.fromParts(json, { regressors, classifiers, metaRegressor, metaClassifier });
   * ```
   */
  static fromParts(
    json: ModelJson,
    parts: { regressors: Regressor[]; classifiers: Classifier[]; metaRegressor: Regressor; metaClassifier: Classifier },
  ): StackedEnsemble {
    const e = new StackedEnsemble({ regressors: parts.regressors, classifiers: parts.classifiers, metaRegressor: parts.metaRegressor, metaClassifier: parts.metaClassifier, threshold: Number(json.params.threshold ?? 0) });
    e.fitted = { ...parts, featureNames: json.featureNames, window: json.trainingWindow };
    return e;
  }

  private metaFrame(keys: FeatureFrame, reg: readonly Float64Array[], clf: readonly Float64Array[]): { regression: FeatureFrame; classification: FeatureFrame } {
    const regNames = this.options.regressors.map((m) => `forecast: ${m.name}`);
    const clfNames = this.options.classifiers.map((m) => `log-odds: ${m.name}`);
    const base = { dates: keys.dates, tickers: keys.tickers };
    return {
      regression: { ...base, names: regNames, columns: [...reg] },
      classification: { ...base, names: [...clfNames, ...regNames], columns: [...clf.map((c) => c.map(logit)), ...reg] },
    };
  }

  private defaultInnerSplitter(dates: readonly string[]): WalkForwardSplitter {
    let periods = 0;
    for (let i = 0; i < dates.length; i++) if (i === 0 || dates[i] !== dates[i - 1]) periods++;
    const folds = this.options.innerFolds ?? 3;
    const minTrain = Math.max(1, Math.floor(periods / 2));
    return expandingWindow({ minTrainPeriods: minTrain, testPeriods: Math.max(1, Math.ceil((periods - minTrain) / folds)) });
  }
}

/**
 * The ensemble as a walk-forward forecaster: outputs `forecast`, `probability`, and one output per
 * base model (named after it). Each fold fits a fresh clone.
 *
 * @example
 * ```ts
 * const wf = await walkForward(frame, growth, expandingWindow({ minTrainPeriods: 16, testPeriods: 8 }), stackedEnsembleForecaster(ensemble));
 * wf.outputs.probability; // out-of-sample confidence per row
 * ```
 */
export function stackedEnsembleForecaster(ensemble: StackedEnsemble): Forecaster {
  return {
    name: ensemble.name,
    outputs: ["forecast", "probability", ...ensemble.baseNames],
    fitPredict: async (train, target, test, options) => {
      const e = ensemble.clone();
      await e.fit(train, target, options);
      const p = e.predict(test);
      return { forecast: p.forecast, probability: p.probability, ...p.base };
    },
  };
}
