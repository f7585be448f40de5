/**
 * The maximum-Sharpe (tangency) portfolio, refitted at each rebalance.
 */
import { DEFAULT_RISK_FREE_RATE } from "../core/index";
import { expectedReturns, riskModels, type ExpectedReturnsEstimator, type RiskModel } from "../moments/index";
import { maxSharpe, type WeightBounds } from "../optimise/index";
import { optimizerStrategy } from "./optimizer-strategy";
import type { Strategy } from "./strategy";

/** Options of {@link maxSharpeStrategy}. */
export interface MaxSharpeStrategyOptions {
  /** Expected-returns estimator. Default `expectedReturns.meanHistoricalReturn` (annualised, compounded). */
  readonly expectedReturns?: ExpectedReturnsEstimator;
  /** Covariance estimator. Default `riskModels.sampleCovariance`. */
  readonly riskModel?: RiskModel;
  /** Annual risk-free rate the Sharpe ratio is measured against. Default 0. */
  readonly riskFreeRate?: number;
  /** Weight bounds. Default `[0, 1]`. */
  readonly bounds?: WeightBounds;
  /** Trailing trading days. Default 252. */
  readonly lookbackDays?: number;
  /** Fewest prices in the window for a ticker to be included. Default 60. */
  readonly minObservations?: number;
}

/**
 * The long-only maximum-Sharpe portfolio (`maxSharpe` of the allocation layer) from the expected returns and
 * covariance of the last `lookbackDays` days, refitted at each rebalance. On a date when no asset's trailing
 * return beats the risk-free rate the problem has no solution; the strategy then holds what it has (noted).
 * Trailing mean returns are a weak forecast: expect high turnover.
 *
 * @param options `{ expectedReturns = meanHistoricalReturn, riskModel = sampleCovariance, riskFreeRate = 0, bounds = [0, 1], lookbackDays = 252, minObservations = 60 }`.
 * @throws InputError as {@link optimizerStrategy}.
 * @example
 * ```ts
 * const result = await runBacktest(prices, maxSharpeStrategy({ riskFreeRate: 0.02 }));
 * ```
 */
export function maxSharpeStrategy(options: MaxSharpeStrategyOptions = {}): Strategy {
  const mu = options.expectedReturns ?? expectedReturns.meanHistoricalReturn;
  const riskModel = options.riskModel ?? riskModels.sampleCovariance;
  const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  const bounds = options.bounds;
  return optimizerStrategy({
    name: "max Sharpe",
    estimate: (prices) => ({ mu: mu(prices), cov: riskModel(prices) }),
    optimize: ({ mu: m, cov }) => maxSharpe(m, cov, bounds === undefined ? { riskFreeRate } : { riskFreeRate, bounds }),
    lookbackDays: options.lookbackDays,
    minObservations: options.minObservations,
    parameters: { expectedReturns: mu, riskModel, riskFreeRate, bounds: bounds ?? [0, 1] },
  });
}
