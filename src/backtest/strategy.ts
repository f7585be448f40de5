/**
 * The contract of a backtest strategy: a named object that, given what was known at a rebalance date,
 * says which weights it wants.
 */
import type { LabelledVector } from "../core/index";
import type { BacktestView } from "./backtest-view";

/**
 * A strategy: at each rebalance date the engine hands it a {@link BacktestView} (prices up to and including that
 * date's close, never later) and it returns its target weights.
 *
 * Weights are fractions of the portfolio's value, one per label (any subset of the price table's tickers, in any
 * order; tickers left out get 0). They must be finite and ≥ 0 (the engine is long only), and sum to at most 1
 * unless the backtest allows leverage; what is not invested stays in cash. A ticker with no price on the date
 * (`view.tradable` does not list it) must get 0.
 *
 * The engine's guarantees and the strategy's duties: the view holds copies of past rows only, so a strategy cannot
 * read a later price through it; a strategy that captures the full price table in a closure defeats that, so build
 * strategies from parameters and data known in advance (forecasts carry their as-of dates: see
 * `growthConfidenceStrategy`).
 *
 * @example
 * ```ts
 * const allInA: Strategy = { name: "all in A", parameters: { ticker: "A" },
 *   targetWeights: () => ({ labels: ["A"], values: Float64Array.of(1) }) };
 * ```
 */
export interface Strategy {
  /** Shown in tables and charts and stored in the `backtest_runs` audit table, e.g. `"min volatility"`. */
  readonly name: string;
  /**
   * What defines the strategy, JSON-serialisable (functions by name or source hash): hashed into the run's
   * strategy version so a result can be traced to its settings.
   */
  readonly parameters: Readonly<Record<string, unknown>>;
  /**
   * Rows of price history the strategy wants before its first rebalance (e.g. its lookback window). The engine
   * starts a backtest without an explicit `start` this many rows into the table. Default 0.
   */
  readonly warmUpDays?: number;
  /** Version of the signal the strategy trades on (e.g. a hash of its forecasts), stored in the audit record. */
  readonly signalVersion?: string;
  /** The models behind the signal (e.g. `"growth: ridge; confidence: logistic"`), stored in the audit record. */
  readonly modelVersion?: string;
  /** Target weights at the view's date. May be async (e.g. an optimiser that solves a linear program). */
  targetWeights(view: BacktestView): LabelledVector | Promise<LabelledVector>;
}
