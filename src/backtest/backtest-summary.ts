/**
 * What each backtest of a batch did: how long it took, how often it traded, what it noted.
 */
import { InputError, tableOfRows, type Table } from "../core/index";
import type { BacktestResult } from "./backtest-result";

/**
 * One row per backtest: seconds it took (wall clock), rebalances (the initial investment included), orders and
 * notes (fallbacks, untradable positions). Displays itself.
 *
 * @param results backtest results, e.g. from `runBacktests`; not changed.
 * @throws InputError EMPTY_TABLE when `results` is empty.
 * @example
 * ```ts
 * backtestSummary(await runBacktests(prices, [equalWeight(), sixtyForty()]));
 * // strategy      seconds  rebalances  trades  notes
 * // equal weight     0.82         189   7,784      0  …
 * ```
 */
export function backtestSummary(results: readonly BacktestResult[]): Table {
  if (results.length === 0) throw new InputError("EMPTY_TABLE", "backtestSummary: no backtest results; run at least one strategy");
  const rows = results.map((r) => ({ strategy: r.strategy, seconds: r.elapsedMs / 1000, rebalances: r.rebalances.length, trades: r.trades.length, notes: r.notes.length }));
  return tableOfRows(rows, { units: { seconds: "ratio", rebalances: "count", trades: "count", notes: "count" } });
}
