/**
 * Running a forecaster walk-forward and collecting its out-of-sample forecasts.
 */
import { InputError } from "../../core/index";
import { selectRows, type FeatureFrame, type Target } from "../../features/index";
import type { FitOptions } from "../estimator";
import { LabelledRows } from "../labelled-rows";
import type { Forecaster } from "./forecaster";
import type { WalkForwardFold, WalkForwardSplitter } from "./walk-forward-splitter";

/**
 * Out-of-sample forecasts of a walk-forward run. `outputs[name][i]` is the forecast for frame row
 * `i` made by the fold whose test block holds it (`NaN` for rows in no test block).
 *
 * @example
 * ```ts
 * result.outputs.forecast;                // Float64Array, one per frame row
 * result.folds[0].trainEnd;               // => "2011-10-31"
 * result.trainingMs;                      // => 2310
 * ```
 */
export interface WalkForwardResult {
  readonly forecaster: string;
  readonly folds: readonly WalkForwardFold[];
  readonly outputs: Readonly<Record<string, Float64Array>>;
  /** `true` for rows forecast out of sample. */
  readonly tested: Uint8Array;
  /** Total time spent in `fitPredict`, milliseconds. */
  readonly trainingMs: number;
}

/**
 * Runs walk-forward validation: for each fold of the splitter, fit on the fold's training rows
 * (whose labels are known by the first test date) and forecast its test rows. No row is forecast
 * by a model that saw its label.
 *
 * Takes the rows and their labels together (`LabelledRows`), or a frame and its target.
 *
 * @param rows the feature rows and their labels, e.g. `labelledRows(frame, target)`.
 * @param splitter e.g. `expandingWindow({ minTrainPeriods: 36, testPeriods: 12, purgePeriods: 1 })`.
 * @param forecaster e.g. `regressorForecaster(new RandomForestRegressor({ seed: 1 }))`.
 * @param options progress: a `folds` event after each fold (the model's own events pass through).
 * @throws InputError SHAPE_MISMATCH when the target and frame differ in length; whatever the
 *   splitter or the forecaster throws.
 * @example
 * ```ts
 * const wf = await walkForward(returns, expandingWindow({ minTrainPeriods: 36, testPeriods: 12 }), regressorForecaster(rf));
 * returns.toPanel().with("random forest", wf.outputs.forecast); // the forecasts join the rows
 * ```
 */
export function walkForward(rows: LabelledRows, splitter: WalkForwardSplitter, forecaster: Forecaster, options?: FitOptions): Promise<WalkForwardResult>;
/**
 * @param frame the feature rows.
 * @param target labels and the dates they become known, aligned with the rows.
 * @example
 * ```ts
 * const wf = await walkForward(frame, target, expandingWindow({ minTrainPeriods: 36, testPeriods: 12 }), regressorForecaster(rf));
 * ```
 */
export function walkForward(frame: FeatureFrame, target: Target, splitter: WalkForwardSplitter, forecaster: Forecaster, options?: FitOptions): Promise<WalkForwardResult>;
export async function walkForward(
  ...args: [LabelledRows, WalkForwardSplitter, Forecaster, FitOptions?] | [FeatureFrame, Target, WalkForwardSplitter, Forecaster, FitOptions?]
): Promise<WalkForwardResult> {
  if (args[0] instanceof LabelledRows) {
    const [rows, splitter, forecaster, options] = args as [LabelledRows, WalkForwardSplitter, Forecaster, FitOptions?];
    return run(rows.features, rows.target, splitter, forecaster, options ?? {});
  }
  const [frame, target, splitter, forecaster, options] = args as [FeatureFrame, Target, WalkForwardSplitter, Forecaster, FitOptions?];
  return run(frame, target, splitter, forecaster, options ?? {});
}

async function run(frame: FeatureFrame, target: Target, splitter: WalkForwardSplitter, forecaster: Forecaster, options: FitOptions): Promise<WalkForwardResult> {
  const n = frame.dates.length;
  if (target.values.length !== n || target.knownAt.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `walkForward: ${n} rows but ${target.values.length} labels and ${target.knownAt.length} knownAt dates; build the target from the same frame`);
  }
  const folds = splitter.split(frame.dates, target.knownAt);
  const outputs: Record<string, Float64Array> = {};
  for (const name of forecaster.outputs) outputs[name] = new Float64Array(n).fill(Number.NaN);
  const tested = new Uint8Array(n);
  const started = Date.now();
  let trainingMs = 0;
  for (const fold of folds) {
    const train = selectRows(frame, fold.trainRows);
    const trainTarget: Target = {
      name: target.name,
      values: Float64Array.from(fold.trainRows, (i) => target.values[i]!),
      knownAt: Array.from(fold.trainRows, (i) => target.knownAt[i]!),
    };
    const test = selectRows(frame, fold.testRows);
    const t0 = Date.now();
    const out = await forecaster.fitPredict(train, trainTarget, test, { onProgress: options.onProgress });
    trainingMs += Date.now() - t0;
    for (const name of forecaster.outputs) {
      const values = out[name];
      if (values === undefined || values.length !== fold.testRows.length) {
        throw new InputError("BAD_FORECASTER", `walkForward: ${forecaster.name} returned no ${name} output of ${fold.testRows.length} values for fold ${fold.index}`);
      }
      fold.testRows.forEach((row, k) => (outputs[name]![row] = values[k]!));
    }
    fold.testRows.forEach((row) => (tested[row] = 1));
    options.onProgress?.({ model: `walk-forward ${forecaster.name}`, unit: "folds", done: fold.index + 1, total: folds.length, elapsedMs: Date.now() - started });
  }
  return { forecaster: forecaster.name, folds, outputs, tested, trainingMs };
}

/**
 * Rows with an out-of-sample forecast and a known label, for scoring a run: their positions and
 * the aligned labels and forecasts of one output.
 *
 * @throws InputError UNKNOWN_OUTPUT naming the outputs the run has.
 * @example
 * ```ts
 * const s = scoredRows(result, target, "forecast");
 * rmse(s.actual, s.predicted);
 * ```
 */
export function scoredRows(result: WalkForwardResult, target: Target, output = "forecast"): { rows: Int32Array; actual: Float64Array; predicted: Float64Array } {
  const forecast = result.outputs[output];
  if (forecast === undefined) {
    throw new InputError("UNKNOWN_OUTPUT", `scoredRows: ${result.forecaster} has no output ${output}; it has ${Object.keys(result.outputs).join(", ")}`);
  }
  const rows: number[] = [];
  for (let i = 0; i < forecast.length; i++) if (result.tested[i] === 1 && Number.isFinite(target.values[i]!) && Number.isFinite(forecast[i]!)) rows.push(i);
  return {
    rows: Int32Array.from(rows),
    actual: Float64Array.from(rows, (i) => target.values[i]!),
    predicted: Float64Array.from(rows, (i) => forecast[i]!),
  };
}
