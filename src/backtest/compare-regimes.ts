/**
 * Backtests side by side, split by market regime.
 */
import { InputError, tableOfRows, type LabelledSpan, type Table } from "../core/index";
import type { BacktestResult } from "./backtest-result";
import { metricsByRegime, type MetricsByRegimeOptions } from "./metrics-by-regime";

/**
 * One row per strategy and regime ({@link metricsByRegime} of each result): days, annualised return, volatility,
 * Sharpe ratio, the worst drawdown within one run of the regime, and the benchmark's annualised return over the same
 * days. Rows are labelled by strategy (a strategy appears once per regime); keep one regime with
 * `.where((r) => r.regime === "crisis")`.
 *
 * @param results backtest results; not changed.
 * @param spans labelled date ranges, e.g. `market.regimes`.
 * @param options `{ riskFreeRate = 0, benchmark, unlabelled }`, as {@link metricsByRegime}.
 * @throws InputError EMPTY_TABLE for no results; as {@link metricsByRegime}.
 * @example
 * ```ts
 * const regimes = compareRegimes(results, market.regimes, { riskFreeRate: 0.02, benchmark });
 * regimes.where((r) => r.regime === "crisis").column("annualisedReturn"); // a Vector by strategy
 * ```
 */
export function compareRegimes(results: readonly BacktestResult[], spans: readonly LabelledSpan[], options: MetricsByRegimeOptions = {}): Table {
  if (results.length === 0) throw new InputError("EMPTY_TABLE", "compareRegimes: no backtest results; run at least one strategy");
  const rows = results.flatMap((r) => metricsByRegime(r, spans, options)).map((g) => ({
    strategy: g.strategy,
    regime: g.regime,
    days: g.days,
    annualisedReturn: g.annualisedReturn,
    volatility: g.volatility,
    sharpe: g.sharpe,
    worstDrawdown: g.worstDrawdown,
    benchmark: g.benchmarkReturn,
  }));
  const units = { days: "count", annualisedReturn: "fraction", volatility: "fraction", sharpe: "ratio", worstDrawdown: "fraction", benchmark: "fraction" } as const;
  const benchmark = options.benchmark;
  const caption = benchmark === undefined ? undefined : `benchmark: ${"strategy" in benchmark ? benchmark.strategy : "the benchmark"}'s annualised return over the same days`;
  return tableOfRows(rows, { units, caption, maxRows: 60 });
}
