/**
 * The minimum-volatility portfolio, refitted at each rebalance.
 */
import { riskModels, type RiskModel } from "../moments/index";
import { type WeightBounds } from "../optimise/index";
import { optimizerStrategy } from "./optimizer-strategy";
import type { Strategy } from "./strategy";
import { warmStartedMinVolatility } from "./warm-started-min-volatility";

/** Options of {@link minVolatilityStrategy}. */
export interface MinVolatilityStrategyOptions {
  /** Covariance estimator. Default `riskModels.sampleCovariance` (annualised, ddof 1, pairwise complete). */
  readonly riskModel?: RiskModel;
  /** Weight bounds. Default `[0, 1]` (long only). */
  readonly bounds?: WeightBounds;
  /** Trailing trading days. Default 252. */
  readonly lookbackDays?: number;
  /** Fewest prices in the window for a ticker to be included. Default 60. */
  readonly minObservations?: number;
}

/**
 * The long-only minimum-volatility portfolio (`minVolatility` of the allocation layer) on the covariance of the
 * last `lookbackDays` daily returns, refitted at each rebalance. The solver starts from the assets held
 * ({@link warmStartedMinVolatility}): the same weights, found in fewer rounds.
 *
 * @param options `{ riskModel = sampleCovariance, bounds = [0, 1], lookbackDays = 252, minObservations = 60 }`.
 * @throws InputError as {@link optimizerStrategy}.
 * @example
 * ```ts
 * const result = await runBacktest(prices, minVolatilityStrategy({ bounds: [0, 0.25] }));
 * ```
 */
export function minVolatilityStrategy(options: MinVolatilityStrategyOptions = {}): Strategy {
  const riskModel = options.riskModel ?? riskModels.sampleCovariance;
  const bounds = options.bounds;
  return optimizerStrategy({
    name: "min volatility",
    estimate: (prices) => riskModel(prices),
    optimize: (cov, context) => warmStartedMinVolatility(cov, bounds === undefined ? { previous: context.current } : { bounds, previous: context.current }),
    lookbackDays: options.lookbackDays,
    minObservations: options.minObservations,
    parameters: { riskModel, bounds: bounds ?? [0, 1] },
  });
}
