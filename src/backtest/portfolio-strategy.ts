/**
 * A strategy from the same hand-off the notebooks and the command line use: at each rebalance a prior from the
 * trailing prices, then any `(prior, options)` optimiser's `Portfolio`.
 */
import { prior as priorOf, type Prior, type PriorOptions } from "../moments/index";
import type { Portfolio } from "../optimise/index";
import { optimizerStrategy, type OptimizeContext } from "./optimizer-strategy";
import type { Strategy } from "./strategy";

/** Options of {@link portfolioStrategy}. */
export interface PortfolioStrategyOptions {
  /** The strategy's name in results and the trade log. */
  readonly name: string;
  /** The estimators of the prior (default PyPortfolioOpt's: `meanHistoricalReturn`, `sampleCovariance`). */
  readonly prior?: Omit<PriorOptions, "lookback">;
  /** The optimiser: a prior (and the rebalance's date and current weights) in, a `Portfolio` out. */
  readonly optimise: (prior: Prior, context: OptimizeContext) => Portfolio | Promise<Portfolio>;
  /** Trailing trading days the prior is estimated from (default 252). */
  readonly lookbackDays?: number;
  /** Fewest prices a ticker needs in the window to be included (default 60). */
  readonly minObservations?: number;
  /** Settings recorded with the run (and hashed into its strategy id). */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/**
 * A strategy that, at each rebalance, builds a `prior` from the trailing prices of the eligible tickers and takes
 * the weights of the `Portfolio` the optimiser returns — the same `(prior, options)` hand-off as the notebooks and
 * `npx workbook optimize` (`optimizerStrategy` underneath: same eligibility, fallbacks and notes).
 *
 * @example
 * ```ts
 * const recipe = portfolioStrategy({
 *   name: "min CVaR", lookbackDays: 252,
 *   optimise: (p) => portfolios.minCvar(p, { bounds: [0, 0.3] }),
 * });
 * await runBacktest(prices, recipe, { rebalance: calendarRebalance("monthly") });
 * ```
 */
export function portfolioStrategy(options: PortfolioStrategyOptions): Strategy {
  const estimators = options.prior ?? {};
  return optimizerStrategy({
    name: options.name,
    estimate: (prices) => priorOf(prices, estimators),
    optimize: async (p, context) => (await options.optimise(p, context)).weights,
    lookbackDays: options.lookbackDays,
    minObservations: options.minObservations,
    parameters: {
      expectedReturns: estimators.expectedReturns ?? "meanHistoricalReturn",
      covariance: estimators.covariance ?? "sampleCovariance",
      ...options.parameters,
    },
  });
}
