/**
 * The backtest layer: how a strategy would have done, honestly — walk-forward with no look-ahead, weights that
 * drift with prices, cash, whole shares, commission, spread, market impact and tax, every trade logged in DuckDB.
 *
 * - the engine `runBacktest` (and `runBacktests` for several side by side, `buyAndHold` for a benchmark): the
 *   strategy sees a {@link BacktestView} of prices up to the rebalance date, never later;
 * - strategies as objects: `equalWeight`, `fixedWeights`, `sixtyForty`, `optimizerStrategy` (any estimator +
 *   optimiser of the allocation layer) with `minVolatilityStrategy`, `maxSharpeStrategy`, `hrpStrategy`,
 *   `riskParityStrategy`, and the model-driven `growthConfidenceStrategy` on dated forecasts;
 * - rebalancing rules: `calendarRebalance` (weekly, monthly, quarterly), `driftRebalance`, `neverRebalance`;
 * - costs: `TransactionCosts` (commission in bps and per share, half-spread) with `squareRootImpact` or
 *   `participationImpact`; tax on realised gains with `fifoLots` or `averageCostLots`;
 * - metrics: `backtestMetrics` (return, volatility, Sharpe, Sortino, drawdown, Calmar, turnover, costs, hit rate),
 *   `metricsByRegime`, `rollingSharpe`, and the pure measures behind them;
 * - the trade log: `writeTradeLog` to DuckDB tables `trades` and `backtest_runs`, `readTrades`,
 *   `readBacktestRuns`, `replayTradeLog`.
 *
 * Conventions: trades at the close of the rebalance date; whole shares unless `fractionalShares`; cash never below 0
 * unless `allowLeverage`; 252 trading days a year; risk-free rate 0 unless given, and always stated.
 *
 * @example
 * ```ts
 * import { runBacktest, minVolatilityStrategy, calendarRebalance, backtestMetrics, buyAndHold } from "./src/backtest/index";
 * const result = await runBacktest(prices, minVolatilityStrategy(), { rebalance: calendarRebalance("monthly"), costs: { commissionBps: 2, spreadBps: 5 } });
 * backtestMetrics(result, { benchmark: await buyAndHold(prices, "MKTIDX", { start: result.dates[0] }) });
 * ```
 */
export type { Strategy } from "./strategy";
export type { BacktestView } from "./backtest-view";
export { createBacktestView, type ViewState } from "./backtest-view";
export type { RebalanceRule, RebalanceContext } from "./rebalance-rule";
export { calendarRebalance, periodKey, type CalendarPeriod } from "./calendar-rebalance";
export { driftRebalance } from "./drift-rebalance";
export { neverRebalance } from "./never-rebalance";
export { orderCost, checkTransactionCosts, type TransactionCosts, type OrderCost } from "./transaction-costs";
export type { MarketImpact, ImpactInput } from "./market-impact";
export { squareRootImpact, type SquareRootImpactOptions } from "./square-root-impact";
export { participationImpact, type ParticipationImpactOptions } from "./participation-impact";
export { fifoLots, averageCostLots, highestCostLots, TaxLedger, checkTaxOptions, type TaxOptions, type LotAccounting, type LotBook, type HeldLot } from "./tax-lots";
export { checkPriceTable } from "./check-price-table";
export { hashPriceTable, hashParameters, canonicalJson } from "./content-hash";
export { backtestProgressLogger, type BacktestProgress, type BacktestProgressCallback, type BacktestProgressLoggerOptions } from "./backtest-progress";
export type { BacktestResult, BacktestSettings, Trade, RebalanceRecord } from "./backtest-result";
export { runBacktest, DEFAULT_CAPITAL, DEFAULT_VOLATILITY_WINDOW, DEFAULT_VOLUME_WINDOW, type BacktestOptions } from "./run-backtest";
export { runBacktests, type BacktestRun } from "./run-backtests";
export { buyAndHold, type BuyAndHoldOptions } from "./buy-and-hold";
export { equalWeight, type EqualWeightOptions } from "./equal-weight";
export { fixedWeights, type FixedWeightsOptions } from "./fixed-weights";
export { sixtyForty, type SixtyFortyOptions } from "./sixty-forty";
export { namedStrategy, isStrategyName, STRATEGY_NAMES, STRATEGY_PARAMETERS, DEFAULT_TAX_RATE, type StrategyName, type NamedStrategyOptions } from "./named-strategy";
export { holdCurrent } from "./hold-current";
export { optimizerStrategy, DEFAULT_LOOKBACK_DAYS, DEFAULT_MIN_OBSERVATIONS, type OptimizerStrategyOptions, type OptimizeContext } from "./optimizer-strategy";
export { minVolatilityStrategy, type MinVolatilityStrategyOptions } from "./min-volatility-strategy";
export { maxSharpeStrategy, type MaxSharpeStrategyOptions } from "./max-sharpe-strategy";
export { hrpStrategy, type HrpStrategyOptions } from "./hrp-strategy";
export { riskParityStrategy, type RiskParityStrategyOptions } from "./risk-parity-strategy";
export { growthConfidenceStrategy, type GrowthConfidenceStrategyOptions } from "./growth-confidence-strategy";
export { ForecastSchedule, type ForecastInput } from "./forecast-schedule";
export { cappedWeights } from "./capped-weights";
export { periodReturns } from "./period-returns";
export { returnSeriesOf } from "./return-series-of";
export { alignBenchmark, type Benchmark } from "./align-benchmark";
export { backtestMetrics, type BacktestMetrics, type BacktestMetricsOptions } from "./backtest-metrics";
export { metricsByRegime, type RegimeMetrics, type MetricsByRegimeOptions } from "./metrics-by-regime";
export { writeTradeLog, type WriteTradeLogOptions } from "./write-trade-log";
export { readTrades, readBacktestRuns, replayTradeLog, type BacktestRunRecord } from "./read-trade-log";
export { readVolumes } from "./read-volumes";
export { warmStartedMinVolatility, type WarmStartedMinVolatilityOptions } from "./warm-started-min-volatility";
export { lookAheadProbe, type LookAheadProbe } from "./look-ahead-probe";
export { backtestStart, type BacktestStartOptions } from "./backtest-start";
export { backtestSummary } from "./backtest-summary";
export { compareBacktests, metricsTable, SCORECARD_UNITS } from "./compare-backtests";
export { compareRegimes } from "./compare-regimes";
export { equityCurves, drawdownCurves, rollingSharpeCurves } from "./backtest-curves";
export { costsByComponent, rebalanceTable, pickBacktest } from "./trading-costs";
export { writeTradeLogs, backtestRunsTable, tradeCostsByRun, checkTradeLogs } from "./trade-logs";
export { riskProfileStrategy, type RiskProfileStrategyOptions } from "./risk-profile-strategy";
export { portfolioStrategy, type PortfolioStrategyOptions } from "./portfolio-strategy";
export { regimeStrategy, staticPriorStrategy, compareRegimeStrategy, DEFAULT_REGIME_LOOKBACK_DAYS, type RegimeStrategyOptions, type RegimeComparisonOptions } from "./regime-strategy";
export { costAwareStrategy, taxAwareStrategy, multiPeriodStrategy, costBlindStrategy, rebalanceCostsOf, type CostAwareStrategyOptions, type TaxAwareStrategyOptions } from "./cost-aware-strategy";
export { compareRebalancing, type CompareRebalancingOptions, type RebalancingComparison } from "./compare-rebalancing";
