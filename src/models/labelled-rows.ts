/**
 * Feature rows with their labels: what a model is trained and scored on, and what walk-forward validation splits.
 */
import { DISPLAY_TABLE, INSPECT, InputError, inspectDisplayable, panel, tableOfRows } from "../core/index";
import type { Displayable, DisplayTable, Panel, Table } from "../core/index";
import type { FeatureFrame, Target } from "../features/index";
import type { WalkForwardFold, WalkForwardSplitter } from "./validation/walk-forward-splitter";

/**
 * Name of the label's column in {@link LabelledRows.toPanel}, where forecasts are joined and scored.
 *
 * @example
 * ```ts
 * rows.toPanel().values(OUTCOME_COLUMN); // => the labels, one per row
 * ```
 */
export const OUTCOME_COLUMN = "outcome";

/**
 * Feature rows (a {@link Panel}) and their labels (a `Target`: the value each row should predict and the date it
 * becomes known), row by row, every label known. Immutable: every verb returns new rows.
 *
 * @example
 * ```ts
 * const returns = labelledRows(monthly, forwardReturnTarget(prices, monthly, 21));
 * returns.select(["momentum_63d"]).knownBy("2012-12-31").length; // rows a model may train on by then
 * await walkForward(returns, expandingWindow({ minTrainPeriods: 72, testPeriods: 36 }), forecaster);
 * returns.toPanel().with("forecast", run.outputs.forecast); // forecasts join the rows as columns
 * ```
 */
export class LabelledRows implements Displayable {
  /** The features, one row per (date, ticker): what a model reads. */
  readonly features: Panel;
  /** The label of each row and the date it becomes known: what a model learns. */
  readonly target: Target;

  /** Use {@link labelledRows}, which checks the rows. */
  constructor(features: Panel, target: Target) {
    this.features = features;
    this.target = target;
  }

  /** Number of rows. */
  get length(): number {
    return this.features.length;
  }

  /** The feature names. */
  get names(): readonly string[] {
    return this.features.names;
  }

  /** These features only, in this order. @throws InputError UNKNOWN_COLUMN. */
  select(names: readonly string[]): LabelledRows {
    return new LabelledRows(this.features.select(names), this.target);
  }

  /** These features and the columns of `more` (e.g. an LSTM embedding), built from the same rows. */
  withFeatures(more: FeatureFrame): LabelledRows {
    if (more.dates.length !== this.length || more.dates.some((d, i) => d !== this.features.dates[i] || more.tickers[i] !== this.features.tickers[i])) {
      throw new InputError("ROW_MISMATCH", `LabelledRows.withFeatures: the ${more.dates.length} new rows are not these ${this.length} rows; build them from these rows' features`);
    }
    const joined = more.names.reduce((p, name, j) => p.with(name, more.columns[j] as Float64Array), this.features);
    return new LabelledRows(joined, this.target);
  }

  /** The rows at these positions, in this order. */
  rows(positions: ArrayLike<number>): LabelledRows {
    const at = Array.from(positions);
    const bad = at.find((i) => !Number.isInteger(i) || i < 0 || i >= this.length);
    if (bad !== undefined) throw new InputError("BAD_INDEX", `LabelledRows.rows: row ${bad} is outside the ${this.length} rows`, { row: bad });
    const target: Target = { name: this.target.name, values: Float64Array.from(at, (i) => this.target.values[i] as number), knownAt: at.map((i) => this.target.knownAt[i] as string) };
    return new LabelledRows(this.features.rows(at), target);
  }

  #where(keep: (i: number) => boolean): LabelledRows {
    return this.rows(Array.from({ length: this.length }, (_, i) => i).filter(keep));
  }

  /** The rows whose label is known on or before `date`: what a model may train on by then. */
  knownBy(date: string): LabelledRows {
    return this.#where((i) => this.target.knownAt[i] !== "" && (this.target.knownAt[i] as string) <= date);
  }

  /** The rows dated on or after `date`. */
  from(date: string): LabelledRows {
    return this.#where((i) => (this.features.dates[i] as string) >= date);
  }

  /** The rows dated before `date`. */
  before(date: string): LabelledRows {
    return this.#where((i) => (this.features.dates[i] as string) < date);
  }

  /** Walk-forward folds of these rows (`splitter.split` of their dates and the dates their labels become known). */
  split(splitter: WalkForwardSplitter): WalkForwardFold[] {
    return splitter.split(this.features.dates, this.target.knownAt);
  }

  /**
   * The features with the label as one more column, {@link OUTCOME_COLUMN} (unit `"fraction"`): join forecasts to it
   * with `.with(name, forecasts)` and score them against the outcome.
   */
  toPanel(): Panel {
    return this.features.with(OUTCOME_COLUMN, this.target.values, "fraction");
  }

  /** How many rows and features, and the first and last date. */
  summary(): { count: number; features: number; from: string; to: string } {
    const dates = this.features.dates;
    return { count: this.length, features: this.names.length, from: dates[0] ?? "", to: dates[dates.length - 1] ?? "" };
  }

  [DISPLAY_TABLE](): DisplayTable {
    return rowsSummary({ [this.target.name]: this })[DISPLAY_TABLE]();
  }

  [INSPECT](depth: number): string {
    return inspectDisplayable(this, depth, `LabelledRows ${this.length} rows × ${this.names.length} features`);
  }
}

/**
 * The rows of a feature frame that have a label (a finite target value), with their labels.
 *
 * @param frame feature rows, e.g. `store.build({ sampling: monthEnds() })`; not changed.
 * @param target labels of the same rows, e.g. `forwardReturnTarget(prices, frame, 21)`.
 * @example
 * ```ts
 * const frame = { names: ["x"], columns: [Float64Array.of(1, 2, 3)], dates: ["d1", "d1", "d2"], tickers: ["A", "B", "A"] };
 * labelledRows(frame, { name: "y", values: Float64Array.of(0.1, NaN, 0.3), knownAt: ["d2", "", "d3"] }).length; // => 2
 * ```
 * @throws InputError SHAPE_MISMATCH when the target does not have one label per row; and as `panel` for a malformed frame.
 */
export function labelledRows(frame: FeatureFrame, target: Target): LabelledRows {
  const n = frame.dates.length;
  if (target.values.length !== n || target.knownAt.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `labelledRows: ${n} rows but ${target.values.length} labels and ${target.knownAt.length} knownAt dates; build the target from the same frame`);
  }
  const all = new LabelledRows(panel(frame), target);
  const kept = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(target.values[i] as number));
  return kept.length === n ? all : all.rows(kept);
}

/**
 * Sets of labelled rows side by side: rows, features, first and last date of each (a table that displays itself).
 *
 * @example
 * ```ts
 * rowsSummary({ "month ends, next-month return": returns, "quarter ends, next-year growth": growth });
 * ```
 * @throws InputError EMPTY_TABLE when no set is given.
 */
export function rowsSummary(sets: Readonly<Record<string, LabelledRows>>): Table {
  const rows = Object.entries(sets).map(([name, set]) => ({ rows: name, ...set.summary() }));
  if (rows.length === 0) throw new InputError("EMPTY_TABLE", "rowsSummary: no sets of rows given; pass at least one, e.g. { returns: returns }");
  return tableOfRows(rows, { units: { count: "count", features: "count", from: "date", to: "date" } });
}
