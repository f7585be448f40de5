/**
 * When a backtest rebalances: a rule asked once per trading day.
 */

/**
 * What a {@link RebalanceRule} is told each trading day, after prices moved and before any trade.
 *
 * @example
 * ```ts
 * const context: RebalanceContext = { date: "2024-02-01", previousDate: "2024-01-31", tickers: ["A", "B"],
 *   weights: Float64Array.of(0.52, 0.28), target: Float64Array.of(0.5, 0.3) };
 * ```
 */
export interface RebalanceContext {
  /** Today (ISO). */
  readonly date: string;
  /** The previous trading day of the backtest, or `null` on its first day. */
  readonly previousDate: string | null;
  /** Column order of `weights` and `target`. */
  readonly tickers: readonly string[];
  /** Current weights, drifted with prices since the last rebalance (fractions of portfolio value). Read only. */
  readonly weights: Float64Array;
  /** The strategy's target weights at the last rebalance. Read only. */
  readonly target: Float64Array;
}

/**
 * A rebalancing rule. The engine always trades on the backtest's first day (the initial investment); after that
 * it asks `isDue` once per trading day, and on a due day calls the strategy and trades at that day's close.
 *
 * @example
 * ```ts
 * const everyDay: RebalanceRule = { name: "daily", isDue: () => true };
 * ```
 */
export interface RebalanceRule {
  /** Shown in tables and stored in the audit record, e.g. `"monthly"` or `"drift > 5 %"`. */
  readonly name: string;
  isDue(context: RebalanceContext): boolean;
}
