/**
 * A feature of the store, as an object: its name, what it reads, how much history it needs and how
 * it is computed from one ticker's history at given dates.
 */
import type { Unit } from "../core/index";
import type { TickerHistory } from "./ticker-history";

/** The input a feature reads; the store checks that the input was given. */
export type FeatureSource = "prices" | "benchmark" | "fundamentals" | "stabilityScores";

/**
 * A feature definition. `compute` must use only data dated at or before each evaluated index
 * (the feature store's no-look-ahead rule; a test checks it for every definition).
 *
 * @example
 * ```ts
 * const f = momentumFeature(252);
 * f.name;     // => "momentum_252d"
 * f.lookback; // => 252
 * ```
 */
export interface FeatureDefinition {
  /** Unique name, snake_case with the window, e.g. `"volatility_63d"`. */
  readonly name: string;
  /** One line: what it measures, in which unit. */
  readonly description: string;
  readonly source: FeatureSource;
  /** Daily prices needed before the first value: the store leaves the feature `NaN` for a ticker with fewer. */
  readonly lookback: number;
  /** Unit of the values, so that they print themselves (`"fraction"` as a percentage); `"number"` when omitted. */
  readonly unit?: Unit;
  /**
   * Values at the given day indices of the history's calendar; `NaN` where not yet defined.
   * @param history the ticker's prepared inputs.
   * @param at day indices (ascending) at which to evaluate.
   */
  compute(history: TickerHistory, at: Int32Array): Float64Array;
}
