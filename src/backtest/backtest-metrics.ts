/**
 * The performance report of one backtest.
 */
import { TRADING_DAYS_PER_YEAR, DEFAULT_RISK_FREE_RATE } from "../core/index";
import { maxDrawdown, volatility } from "../measures/index";
import { alignBenchmark, type Benchmark } from "./align-benchmark";
import { annualisedReturn } from "../measures/index";
import type { BacktestResult } from "./backtest-result";
import { calmarRatio } from "../measures/index";
import { cumulativeReturn } from "../measures/index";
import { hitRate } from "../measures/index";
import { periodReturns } from "./period-returns";
import { returnSeriesOf } from "./return-series-of";
import { sharpeRatio } from "../measures/index";
import { sortinoRatio } from "../measures/index";

/** Options of {@link backtestMetrics}. */
export interface BacktestMetricsOptions {
  /** Annual risk-free rate for the Sharpe and Sortino ratios. Default 0 (stated in the result). */
  readonly riskFreeRate?: number;
  /** What to compare with: excess return and monthly hit rate are `null` without one. */
  readonly benchmark?: Benchmark;
}

/**
 * The performance of a backtest, one flat row (fractions unless said; annual figures with 252 days a year).
 *
 * @example
 * ```ts
 * const m: BacktestMetrics = { strategy: "equal weight", start: "2007-01-03", end: "2025-12-31", years: 19, finalValue: 3.1e6,
 *   cumulativeReturn: 2.1, annualisedReturn: 0.061, volatility: 0.16, sharpe: 0.45, sortino: 0.62, maxDrawdown: 0.41,
 *   calmar: 0.15, turnover: 0.18, rebalances: 228, trades: 9120, costs: 21000, tax: 0, costDragBps: 5.4,
 *   costShareOfProfit: 0.01, hitRate: 0.52, excessReturn: 0.004, riskFreeRate: 0 };
 * ```
 */
export interface BacktestMetrics {
  readonly strategy: string;
  readonly start: string;
  readonly end: string;
  /** Trading days / 252. */
  readonly years: number;
  /** Value at the last close, money. */
  readonly finalValue: number;
  /** `finalValue / capital − 1`. */
  readonly cumulativeReturn: number;
  /** Compound annual growth rate. */
  readonly annualisedReturn: number;
  /** Annualised standard deviation of daily returns (ddof 1); `null` with fewer than 2 days. */
  readonly volatility: number | null;
  /** `null` when returns do not vary or with fewer than 2 days. */
  readonly sharpe: number | null;
  /** `null` when no daily return falls below the risk-free rate. */
  readonly sortino: number | null;
  /** Deepest peak-to-trough loss, a positive fraction. */
  readonly maxDrawdown: number;
  /** Annualised return / maximum drawdown; `null` without a drawdown. */
  readonly calmar: number | null;
  /** One-way turnover per year (½ Σ|Δw| summed over the rebalances after the initial investment, divided by years). */
  readonly turnover: number;
  /** Rebalances, the initial investment included. */
  readonly rebalances: number;
  readonly trades: number;
  /** Commission + spread + impact paid, money. */
  readonly costs: number;
  /** Tax paid on realised gains, money. */
  readonly tax: number;
  /** Costs per year as basis points of the average portfolio value. */
  readonly costDragBps: number;
  /** (costs + tax) / (profit before them): the share of the gross profit that trading ate; `null` when there was no gross profit. */
  readonly costShareOfProfit: number | null;
  /** Share of calendar months in which the strategy beat the benchmark; `null` without a benchmark. */
  readonly hitRate: number | null;
  /** Annualised return minus the benchmark's; `null` without a benchmark. */
  readonly excessReturn: number | null;
  /** The annual risk-free rate the ratios used. */
  readonly riskFreeRate: number;
}

/**
 * Computes the performance report of a backtest: returns, risk, risk-adjusted ratios, turnover, costs, and the
 * comparison with a benchmark.
 *
 * @param result a backtest result (not changed).
 * @param options `{ riskFreeRate = 0, benchmark }`.
 * @throws InputError BENCHMARK_DATES when the benchmark lacks a date of the result; BAD_RISK_FREE_RATE.
 * @example
 * ```ts
 * const benchmark = await buyAndHold(prices, "MKTIDX");
 * backtestMetrics(result, { riskFreeRate: 0.02, benchmark }).sharpe; // => e.g. 0.41
 * ```
 */
export function backtestMetrics(result: BacktestResult, options: BacktestMetricsOptions = {}): BacktestMetrics {
  const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  const series = returnSeriesOf(result);
  const n = result.returns.length;
  const years = n / TRADING_DAYS_PER_YEAR;
  const finalValue = result.equity[n - 1]!;
  const annual = annualisedReturn(result.returns);
  const laterTurnover = result.rebalances.slice(1).reduce((s, r) => s + r.turnover, 0);
  let equitySum = 0;
  for (let i = 0; i < n; i++) equitySum += result.equity[i]!;
  const grossProfit = finalValue - result.settings.capital + result.totals.cost + result.totals.tax;
  let hit: number | null = null;
  let excess: number | null = null;
  if (options.benchmark !== undefined) {
    const bench = alignBenchmark(result, options.benchmark);
    const strategyMonths = periodReturns(series, "monthly");
    const benchmarkMonths = periodReturns({ dates: result.dates, values: bench }, "monthly");
    hit = hitRate(strategyMonths.values, benchmarkMonths.values);
    excess = annual - annualisedReturn(bench);
  }
  return {
    strategy: result.strategy,
    start: result.settings.start,
    end: result.settings.end,
    years,
    finalValue,
    cumulativeReturn: cumulativeReturn(result.returns),
    annualisedReturn: annual,
    volatility: n >= 2 ? volatility(result.returns) : null,
    sharpe: n >= 2 ? sharpeRatio(result.returns, { riskFreeRate }) : null,
    sortino: sortinoRatio(result.returns, { riskFreeRate }),
    maxDrawdown: maxDrawdown(series).maxDrawdown,
    calmar: calmarRatio(series),
    turnover: laterTurnover / years,
    rebalances: result.rebalances.length,
    trades: result.trades.length,
    costs: result.totals.cost,
    tax: result.totals.tax,
    costDragBps: ((result.totals.cost / years) / (equitySum / n)) * 10_000,
    costShareOfProfit: grossProfit > 0 ? (result.totals.cost + result.totals.tax) / grossProfit : null,
    hitRate: hit,
    excessReturn: excess,
    riskFreeRate,
  };
}
