/**
 * Net-of-cost returns of cost-aware rebalancing against today's cost-blind rebalancing, on the same prices, dates
 * and costs.
 */
import { table, vector, type DateTable, type Frame, type Table } from "../core/index";
import { equityCurves } from "./backtest-curves";
import type { BacktestMetricsOptions } from "./backtest-metrics";
import type { BacktestResult } from "./backtest-result";
import { compareBacktests } from "./compare-backtests";
import { costAwareStrategy, costBlindStrategy, multiPeriodStrategy, rebalanceCostsOf, type CostAwareStrategyOptions } from "./cost-aware-strategy";
import { runBacktests } from "./run-backtests";
import type { BacktestOptions } from "./run-backtest";
import type { Strategy } from "./strategy";

/** Options of {@link compareRebalancing}. */
export interface CompareRebalancingOptions extends CostAwareStrategyOptions {
  /** The backtest's settings; its `costs` are what every trade is charged (default `{ commissionBps: 5, spreadBps: 10 }`). */
  readonly backtest?: BacktestOptions;
  /** Also run the multi-period planner over this many steps (monthly). Default none. */
  readonly horizon?: number;
  /** Options of the scorecard (risk-free rate, benchmark). */
  readonly metrics?: BacktestMetricsOptions;
}

/** What {@link compareRebalancing} returns. */
export interface RebalancingComparison {
  /** One result per strategy: cost-blind, cost-aware (and multi-period). */
  readonly results: readonly BacktestResult[];
  /** Equity (money, net of every cost) at each close, one column per strategy: draw with `equityCurveChart`. */
  readonly equity: Frame;
  /** The scorecard (`compareBacktests`): annualised return net of costs, volatility, Sharpe, turnover, cost drag… */
  readonly scorecard: Table;
  /** Money paid by strategy: commission, spread, impact, tax, their total, and the value traded. */
  readonly costs: Table;
}

/**
 * Runs today's cost-blind rebalancing (`portfolios.maxUtility`) and the cost-aware one (`costAwareRebalance`, and
 * with `horizon` the multi-period planner) with the same prior, risk aversion and bounds, through the same backtest
 * that charges every trade its commission, spread (and impact, tax) — so the equity curves are net of costs.
 * The optimiser sees `costs`, by default the backtest's commission and spread (`rebalanceCostsOf`).
 *
 * @example
 * ```ts
 * const cmp = await compareRebalancing(prices, { riskAversion: 4, backtest: { costs: { commissionBps: 5, spreadBps: 20 },
 *   rebalance: calendarRebalance("monthly") } });
 * cmp.scorecard;                      // net return, Sharpe, turnover, cost drag by strategy
 * equityCurveChart(cmp.equity);       // net-of-cost equity curves
 * ```
 */
export async function compareRebalancing(prices: DateTable, options: CompareRebalancingOptions = {}): Promise<RebalancingComparison> {
  const backtest: BacktestOptions = { ...options.backtest, costs: options.backtest?.costs ?? { commissionBps: 5, spreadBps: 10 } };
  const seen = { ...options, costs: options.costs ?? rebalanceCostsOf(backtest.costs!) };
  const strategies: Strategy[] = [costBlindStrategy({ ...seen, name: undefined }), costAwareStrategy({ ...seen, name: options.name })];
  if (options.horizon !== undefined) strategies.push(multiPeriodStrategy({ ...seen, name: undefined, horizon: options.horizon }));
  const results = await runBacktests(prices, strategies, backtest);
  const names = results.map((r) => r.strategy);
  const column = (f: (r: BacktestResult) => number) => vector({ labels: names, values: Float64Array.from(results, f) }, { unit: "money" });
  const costs = table(
    {
      commission: column((r) => r.totals.commission),
      spread: column((r) => r.totals.spread),
      impact: column((r) => r.totals.impact),
      tax: column((r) => r.totals.tax),
      total: column((r) => r.totals.cost + r.totals.tax),
      traded: column((r) => r.totals.traded),
    },
    { labelName: "strategy", caption: "costs paid over the backtest (money)" },
  );
  return { results, equity: equityCurves(results), scorecard: compareBacktests(results, options.metrics), costs };
}
