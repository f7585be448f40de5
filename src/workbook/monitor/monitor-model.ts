/**
 * The model the monitor keeps fresh: next month's return of each ticker from its price features, a ridge regression
 * of the models layer, scored out of sample on the last part of its training window before it is refitted on all of it.
 */
import { InputError, type DateTable } from "../../core/index";
import { FeatureStore, forwardReturnTarget, selectRows, type AsOfSampling, type FeatureFrame, type Target } from "../../features/index";
import { expandingWindow, metrics, regressorForecaster, RidgeRegression, scoredRows, walkForward } from "../../models/index";

/** The price features of the monitored model and of its drift indicators (the feature store's names). */
export const MONITOR_FEATURES: readonly string[] = Object.freeze(["momentum_21d", "momentum_63d", "momentum_252d", "volatility_63d", "zscore_21d"]);

/** The longest window of {@link MONITOR_FEATURES}, in trading days (momentum over a year). */
export const MONITOR_FEATURE_LOOKBACK = 252;

/** How the monitored model is trained. */
export interface MonitorModelSettings {
  /** Trading days ahead the model forecasts (the target is the simple return over them). */
  readonly horizonDays: number;
  /** Trading days of history the model is trained on, ending on the as-of date. */
  readonly trainDays: number;
  /** Ridge penalty on standardised features. */
  readonly alpha: number;
  /** Share of the training dates (the last ones) held out to score the model out of sample. */
  readonly validationShare: number;
}

/** What {@link trainMonitorModel} returns. */
export interface TrainedMonitorModel {
  /** The ridge regression refitted on every labelled row of the window. */
  readonly model: RidgeRegression;
  /** First and last as-of date of its rows. */
  readonly trainStart: string;
  readonly trainEnd: string;
  /** Labelled rows it was fitted on. */
  readonly trainRows: number;
  /** Out-of-sample scores on the held-out dates (a model fitted on the dates before them, purged by the horizon). */
  readonly scores: metrics.RegressionScores;
}

const EVERY_DAY: AsOfSampling = { name: "every trading day", select: (dates) => Int32Array.from(dates.keys()) };

/**
 * Feature rows ({@link MONITOR_FEATURES}) of every ticker on every trading day from `from` to `to`, from prices up to
 * each row's date only; rows with a feature undefined (too short a history) are left out.
 *
 * @throws InputError as `FeatureStore` (e.g. TOO_FEW_OBSERVATIONS with less than a year of prices).
 * @example
 * ```ts
 * monitorFeatureRows(prices, "2015-01-02", "2015-03-31").names; // => ["momentum_21d", …, "zscore_21d"]
 * ```
 */
export function monitorFeatureRows(prices: DateTable, from: string, to: string, features: readonly string[] = MONITOR_FEATURES): FeatureFrame {
  return new FeatureStore({ prices }).build({ features, sampling: EVERY_DAY, from, to });
}

function labelled(frame: FeatureFrame, target: Target): { frame: FeatureFrame; target: Target } {
  const keep = Array.from(target.values.keys()).filter((i) => Number.isFinite(target.values[i]!));
  return {
    frame: selectRows(frame, keep),
    target: { name: target.name, values: Float64Array.from(keep, (i) => target.values[i]!), knownAt: keep.map((i) => target.knownAt[i]!) },
  };
}

/**
 * Trains the monitored model on the `trainDays` trading days up to the last date of `prices` (whose labels are known
 * by then), after scoring it out of sample: a copy fitted on the earlier dates forecasts the last `validationShare` of
 * the dates, with a purge of `horizonDays` dates between them (walk-forward, so no forecast saw its label).
 *
 * @param prices adjusted closes up to the as-of date (its last row); not changed.
 * @throws InputError TOO_LITTLE_DATA when the window holds too few labelled dates to hold some out; as the feature store.
 * @example
 * ```ts
 * const t = await trainMonitorModel(prices, { horizonDays: 21, trainDays: 756, alpha: 1, validationShare: 0.25 });
 * t.scores.rmse; // => 0.071
 * ```
 */
export async function trainMonitorModel(prices: DateTable, settings: MonitorModelSettings): Promise<TrainedMonitorModel> {
  const n = prices.dates.length;
  const start = prices.dates[Math.max(0, n - settings.trainDays)]!;
  const all = monitorFeatureRows(prices, start, prices.dates[n - 1]!);
  const { frame, target } = labelled(all, forwardReturnTarget(prices, all, settings.horizonDays));
  const dates = [...new Set(frame.dates)];
  const testDates = Math.ceil(dates.length * settings.validationShare);
  const trainDates = dates.length - testDates - settings.horizonDays;
  if (testDates < 1 || trainDates < 21) {
    throw new InputError(
      "TOO_LITTLE_DATA",
      `monitor: ${dates.length} dates with features and a known ${settings.horizonDays}-day return from ${start} to ${prices.dates[n - 1]}; training needs at least ${21 + settings.horizonDays + 1} (pass more history, a longer training window or an earlier --as-of)`,
      { dates: dates.length },
    );
  }
  const splitter = expandingWindow({ minTrainPeriods: trainDates, testPeriods: testDates, purgePeriods: settings.horizonDays });
  const run = await walkForward(frame, target, splitter, regressorForecaster(new RidgeRegression({ alpha: settings.alpha })));
  const scored = scoredRows(run, target);
  const scores = metrics.regressionScores(scored.actual, scored.predicted, Array.from(scored.rows, (i) => frame.dates[i]!));
  const model = await new RidgeRegression({ alpha: settings.alpha }).fit(frame, target.values);
  return { model, trainStart: frame.dates[0]!, trainEnd: frame.dates[frame.dates.length - 1]!, trainRows: frame.dates.length, scores };
}

/**
 * The forecasts a model made on the rows dated after it was trained whose outcome is now known, and those outcomes:
 * the realised against expected returns of the model in force.
 *
 * @param prices adjusted closes up to the as-of date.
 * @param predict the model's forecast of feature rows.
 * @param after the model's last training date; rows dated after it only (out of sample).
 * @param from the first date counted as recent.
 * @example
 * ```ts
 * const { realised, expected } = forecastsSince(prices, (rows) => model.predict(rows), "2015-06-30", "2015-09-01", 21);
 * ```
 */
export function forecastsSince(prices: DateTable, predict: (rows: FeatureFrame) => Float64Array, after: string, from: string, horizonDays: number): { realised: Float64Array; expected: Float64Array } {
  const n = prices.dates.length;
  const lastKnown = n - 1 - horizonDays;
  const first = prices.dates.findIndex((d) => d > after && d >= from);
  if (first < 0 || first > lastKnown) return { realised: new Float64Array(0), expected: new Float64Array(0) };
  const rows = monitorFeatureRows(prices, prices.dates[first]!, prices.dates[lastKnown]!);
  const { frame, target } = labelled(rows, forwardReturnTarget(prices, rows, horizonDays));
  if (frame.dates.length === 0) return { realised: new Float64Array(0), expected: new Float64Array(0) };
  return { realised: target.values, expected: predict(frame) };
}
