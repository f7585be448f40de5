/**
 * Hierarchical risk parity, refitted at each rebalance.
 */
import { hierarchicalRiskParity } from "../optimise/index";
import { riskModels } from "../moments/index";
import { optimizerStrategy } from "./optimizer-strategy";
import type { Strategy } from "./strategy";

/** Options of {@link hrpStrategy}. */
export interface HrpStrategyOptions {
  /** Trailing trading days. Default 252. */
  readonly lookbackDays?: number;
  /** Fewest prices in the window for a ticker to be included. Default 60. */
  readonly minObservations?: number;
}

/**
 * Hierarchical risk parity (`hierarchicalRiskParity` of the allocation layer, López de Prado 2016) on the sample
 * covariance of the last `lookbackDays` days (repaired when late listings make it indefinite), refitted at each
 * rebalance: no expected returns and no matrix inversion, so it is stable where the covariance is poorly conditioned.
 *
 * @param options `{ lookbackDays = 252, minObservations = 60 }`.
 * @throws InputError as {@link optimizerStrategy}.
 * @example
 * ```ts
 * const result = await runBacktest(prices, hrpStrategy());
 * ```
 */
export function hrpStrategy(options: HrpStrategyOptions = {}): Strategy {
  return optimizerStrategy({
    name: "HRP",
    // The sample covariance, repaired when gaps (late listings) make it indefinite: HRP refuses an
    // indefinite matrix, whose cluster variances could come out negative.
    estimate: (prices) => riskModels.sampleCovariance(prices),
    optimize: (cov) => hierarchicalRiskParity({ cov }).weights,
    lookbackDays: options.lookbackDays,
    minObservations: options.minObservations,
    parameters: { input: "sample covariance (repaired)", linkage: "single" },
  });
}
