/**
 * The result type shared by the value-at-risk estimators.
 */

/**
 * Value at risk and conditional value at risk of a return distribution at one confidence level and horizon.
 *
 * **Sign convention:** both are **positive loss fractions** of the portfolio's value: `valueAtRisk = 0.02`
 * means "on the worst (1 − confidence) of horizons, the loss is at least 2 %". A negative figure means even
 * the tail outcome is a gain. `conditionalValueAtRisk ≥ valueAtRisk` always.
 *
 * @example
 * ```ts
 * const t: TailRisk = { method: "historical", confidence: 0.95, horizon: 1, observations: 20,
 *   valueAtRisk: 0.03, conditionalValueAtRisk: 0.04 };
 * ```
 */
export interface TailRisk {
  /** How the tail was estimated: `"historical"`, `"gaussian"`, `"cornish-fisher"` or `"monte-carlo"`. */
  readonly method: "historical" | "gaussian" | "cornish-fisher" | "monte-carlo";
  /** Confidence level c, e.g. 0.95: the tail is the worst 1 − c of outcomes. */
  readonly confidence: number;
  /** Horizon in periods of the input series (trading days for daily returns). */
  readonly horizon: number;
  /** Observations the estimate rests on (returns, overlapping horizon returns, or simulations). */
  readonly observations: number;
  /** VaR: the loss (positive fraction) exceeded with probability 1 − c over the horizon. */
  readonly valueAtRisk: number;
  /** CVaR (expected shortfall): the average loss (positive fraction) in the worst 1 − c of outcomes. */
  readonly conditionalValueAtRisk: number;
}

/** Options of the value-at-risk estimators. */
export interface TailRiskOptions {
  /** Confidence level c in (0, 1). Default 0.95. */
  readonly confidence?: number;
  /** Horizon in periods (trading days for daily returns), a whole number ≥ 1. Default 1. */
  readonly horizon?: number;
}

/** The default confidence level of the value-at-risk estimators: 95 %. */
export const DEFAULT_CONFIDENCE = 0.95;
