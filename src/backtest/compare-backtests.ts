/**
 * Backtests side by side: the scorecard of several strategies over the same dates, one call.
 */
import { InputError, tableOfRows, type Table, type Unit } from "../core/index";
import { backtestMetrics, type BacktestMetrics, type BacktestMetricsOptions } from "./backtest-metrics";
import type { BacktestResult } from "./backtest-result";

/**
 * The columns of {@link compareBacktests}, in order, with their units (fields of {@link BacktestMetrics}).
 *
 * @example
 * ```ts
 * SCORECARD_UNITS.sharpe; // => "ratio"
 * ```
 */
export const SCORECARD_UNITS: Readonly<Record<string, Unit>> = Object.freeze({
  annualisedReturn: "fraction",
  volatility: "fraction",
  sharpe: "ratio",
  sortino: "ratio",
  maxDrawdown: "fraction",
  calmar: "ratio",
  turnover: "fraction",
  costDragBps: "ratio",
  costShareOfProfit: "fraction",
  hitRate: "fraction",
});

/**
 * The scorecard of several backtests as a table: one row per strategy, the columns of {@link SCORECARD_UNITS}
 * (annualised return, volatility, Sharpe, Sortino, maximum drawdown, Calmar, turnover per year, cost drag in basis
 * points a year, the share of gross profit costs ate, monthly hit rate against the benchmark), each from
 * {@link backtestMetrics} with the same options; missing figures (no benchmark, no drawdown) print as "—". The
 * caption states the dates and the risk-free rate. Select columns with `.select([...])`, sort with `.sortBy(...)`.
 *
 * @param results backtest results over the same dates (the benchmark may be one of them); not changed.
 * @param options `{ riskFreeRate = 0, benchmark }`, as {@link backtestMetrics}.
 * @throws InputError EMPTY_TABLE for no results; as {@link backtestMetrics} (BENCHMARK_DATES…).
 * @example
 * ```ts
 * compareBacktests([...results, benchmark], { riskFreeRate: 0.02, benchmark });
 * // strategy      annualised return  volatility  Sharpe  …  hit rate
 * // equal weight            19.64 %     15.49 %    1.11  …   57.00 %
 * compareBacktests(results, { benchmark }).column("turnover"); // a Vector by strategy, in percent
 * ```
 */
export function compareBacktests(results: readonly BacktestResult[], options: BacktestMetricsOptions = {}): Table {
  if (results.length === 0) throw new InputError("EMPTY_TABLE", "compareBacktests: no backtest results; run at least one strategy");
  return metricsTable(results.map((r) => backtestMetrics(r, options)));
}

/**
 * Metrics already computed (by {@link backtestMetrics}) as the scorecard table of {@link compareBacktests}.
 *
 * @throws InputError EMPTY_TABLE for an empty list.
 * @example
 * ```ts
 * metricsTable([backtestMetrics(result, { riskFreeRate: 0.02 })]).column("sharpe").get("min volatility"); // => e.g. 1.2
 * ```
 */
export function metricsTable(metrics: readonly BacktestMetrics[]): Table {
  const first = metrics[0];
  if (first === undefined) throw new InputError("EMPTY_TABLE", "metricsTable: no metrics; compute them with backtestMetrics");
  const rows = metrics.map((m) => ({ strategy: m.strategy, ...Object.fromEntries(Object.keys(SCORECARD_UNITS).map((k) => [k, m[k as keyof BacktestMetrics]])) }));
  const rate = `${Number((100 * first.riskFreeRate).toFixed(2))} %`;
  return tableOfRows(rows, { units: SCORECARD_UNITS, caption: `${first.start} … ${first.end}, risk-free rate ${rate}` });
}
