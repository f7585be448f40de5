/**
 * Naive baselines every model must beat: the last known value and the historical mean.
 */
import { InputError } from "../core/index";
import { featureColumn, type FeatureFrame } from "../features/index";
import { trainingWindowOf } from "./check-training-data";
import type { FitOptions, ModelJson, Regressor, TrainingWindow } from "./estimator";

/**
 * "Tomorrow looks like today": predicts the current value of one feature, e.g. the latest known
 * net-income growth (`net_income_growth`) as next year's, or the last month's return
 * (`momentum_21d`) as next month's. Fitting only records the window; it reads the one feature
 * from whatever frame it scores.
 *
 * @example
 * ```ts
 * const last = await new LastValueBaseline("net_income_growth").fit(train, y);
 * last.predict(test); // => the test rows' net_income_growth column
 * ```
 */
export class LastValueBaseline implements Regressor {
  readonly name: string;
  private window: TrainingWindow | null = null;

  constructor(readonly feature: string) {
    this.name = `last value (${feature})`;
  }

  get featureNames(): readonly string[] {
    return [this.feature];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.window;
  }

  /** @throws InputError UNKNOWN_FEATURE when the frame lacks the feature. */
  async fit(x: FeatureFrame, _y: ArrayLike<number>, _options: FitOptions = {}): Promise<this> {
    featureColumn(x, this.feature);
    this.window = trainingWindowOf(x);
    return this;
  }

  /** @throws InputError UNKNOWN_FEATURE when the frame lacks the feature. */
  predict(x: FeatureFrame): Float64Array {
    return Float64Array.from(featureColumn(x, this.feature));
  }

  clone(): LastValueBaseline {
    return new LastValueBaseline(this.feature);
  }

  toJSON(): ModelJson {
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: "last-value-baseline",
      featureNames: [this.feature],
      trainingWindow: this.window ?? { start: "", end: "" },
      params: { feature: this.feature },
      state: {},
    };
  }
}

/**
 * "The average of the past": predicts each ticker's mean training label (the overall mean for a
 * ticker not seen in training), e.g. a company's average past growth. Uses no feature.
 *
 * @example
 * ```ts
 * const mean = await new HistoricalMeanBaseline().fit(train, y);
 * mean.predict(test)[0]; // => that ticker's mean label over the training rows
 * ```
 */
export class HistoricalMeanBaseline implements Regressor {
  readonly name: string;
  private state: { window: TrainingWindow; overall: number; byTicker: Map<string, number> } | null = null;

  /** @param perTicker one mean per ticker (default true) or one overall mean. */
  constructor(readonly perTicker = true) {
    this.name = perTicker ? "historical mean (per ticker)" : "historical mean";
  }

  get featureNames(): readonly string[] {
    return [];
  }

  get trainingWindow(): TrainingWindow | null {
    return this.state?.window ?? null;
  }

  /** @throws InputError SHAPE_MISMATCH, NAN_IN_INPUT (labels). */
  async fit(x: FeatureFrame, y: ArrayLike<number>, _options: FitOptions = {}): Promise<this> {
    if (y.length !== x.dates.length || y.length === 0) {
      throw new InputError("SHAPE_MISMATCH", `HistoricalMeanBaseline.fit: ${x.dates.length} rows but ${y.length} labels; pass one label per row (at least one)`);
    }
    for (let i = 0; i < y.length; i++) {
      if (!Number.isFinite(y[i]!)) throw new InputError("NAN_IN_INPUT", `HistoricalMeanBaseline.fit: label of ${x.tickers[i]} on ${x.dates[i]} is ${y[i]}; drop rows without a known label`, { row: i });
    }
    const sums = new Map<string, [number, number]>();
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      total += y[i]!;
      const s = sums.get(x.tickers[i]!) ?? [0, 0];
      s[0] += y[i]!;
      s[1]++;
      sums.set(x.tickers[i]!, s);
    }
    const byTicker = new Map<string, number>();
    for (const [t, [s, n]] of sums) byTicker.set(t, s / n);
    this.state = { window: trainingWindowOf(x), overall: total / y.length, byTicker };
    return this;
  }

  /** @throws InputError NOT_FITTED. */
  predict(x: FeatureFrame): Float64Array {
    if (this.state === null) throw new InputError("NOT_FITTED", "HistoricalMeanBaseline.predict: the model is not fitted; call fit first");
    const s = this.state;
    return Float64Array.from(x.tickers, (t) => (this.perTicker ? (s.byTicker.get(t) ?? s.overall) : s.overall));
  }

  clone(): HistoricalMeanBaseline {
    return new HistoricalMeanBaseline(this.perTicker);
  }

  toJSON(): ModelJson {
    if (this.state === null) throw new InputError("NOT_FITTED", "HistoricalMeanBaseline.toJSON: the model is not fitted; call fit first");
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: "historical-mean-baseline",
      featureNames: [],
      trainingWindow: this.state.window,
      params: { perTicker: this.perTicker },
      state: { overall: this.state.overall, byTicker: Object.fromEntries(this.state.byTicker) },
    };
  }
}
