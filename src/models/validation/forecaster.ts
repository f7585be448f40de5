/**
 * What walk-forward validation runs: fit on training rows, forecast the test rows.
 */
import type { FeatureFrame, Target } from "../../features/index";
import type { Classifier, FitOptions, Regressor } from "../estimator";

/**
 * Fits on training rows and forecasts test rows, returning one or more named outputs (e.g.
 * `forecast`, or `forecast` and `probability` for the stacked ensemble). Called once per fold.
 *
 * @example
 * ```ts
 * const f: Forecaster = regressorForecaster(new RandomForestRegressor({ seed: 1 }));
 * const out = await f.fitPredict(train, target, test, {});
 * out.forecast.length; // => test rows
 * ```
 */
export interface Forecaster {
  readonly name: string;
  /** Names of the outputs `fitPredict` returns. */
  readonly outputs: readonly string[];
  fitPredict(train: FeatureFrame, target: Target, test: FeatureFrame, options: FitOptions): Promise<Readonly<Record<string, Float64Array>>>;
}

/**
 * A regressor as a forecaster with one output, `forecast`: each fold fits a fresh clone. The clone
 * fitted for the latest fold stays readable as `lastModel` (e.g. for its feature importance).
 *
 * @example
 * ```ts
 * const f = regressorForecaster(new RidgeRegression());
 * f.outputs;   // => ["forecast"]
 * f.lastModel; // => null until a fold was fitted
 * ```
 */
export function regressorForecaster<R extends Regressor>(model: R): Forecaster & { readonly lastModel: R | null } {
  let lastModel: R | null = null;
  return {
    name: model.name,
    outputs: ["forecast"],
    get lastModel() {
      return lastModel;
    },
    fitPredict: async (train, target, test, options) => {
      const m = model.clone() as R;
      await m.fit(train, target.values, options);
      lastModel = m;
      return { forecast: m.predict(test) };
    },
  };
}

/**
 * A binary classifier as a forecaster with one output, `probability`: the probability that the
 * label exceeds `threshold` (default 0, e.g. growth > 0). Each fold fits a fresh clone; the latest
 * stays readable as `lastModel`.
 *
 * @example
 * ```ts
 * classifierForecaster(new RandomForestClassifier({ seed: 1 })).outputs; // => ["probability"]
 * ```
 */
export function classifierForecaster<C extends Classifier>(model: C, threshold = 0): Forecaster & { readonly lastModel: C | null } {
  let lastModel: C | null = null;
  return {
    name: model.name,
    outputs: ["probability"],
    get lastModel() {
      return lastModel;
    },
    fitPredict: async (train, target, test, options) => {
      const m = model.clone() as C;
      await m.fit(train, target.values.map((v) => (v > threshold ? 1 : 0)), options);
      lastModel = m;
      return { probability: m.predictProbability(test) };
    },
  };
}
