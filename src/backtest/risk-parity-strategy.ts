/**
 * Equal risk contribution (risk parity), refitted at each rebalance.
 */
import { riskBudgeting } from "../optimise/index";
import { riskModels, type RiskModel } from "../moments/index";
import { optimizerStrategy } from "./optimizer-strategy";
import type { Strategy } from "./strategy";

/** Options of {@link riskParityStrategy}. */
export interface RiskParityStrategyOptions {
  /** Covariance estimator. Default `riskModels.sampleCovariance`. */
  readonly riskModel?: RiskModel;
  /** Trailing trading days. Default 252. */
  readonly lookbackDays?: number;
  /** Fewest prices in the window for a ticker to be included. Default 60. */
  readonly minObservations?: number;
  /**
   * How close each risk contribution must come to its equal share (`riskBudgeting`'s tolerance). Default 1e-8:
   * `riskBudgeting`'s own 1e-10 is not always reached in its 100 Newton steps on trailing covariances (about one
   * month in twenty on the embedded market), while 1e-8 changes no weight by more than round-off.
   */
  readonly tolerance?: number;
}

/**
 * Risk parity: the long-only portfolio in which every asset contributes the same share of the volatility
 * (`riskBudgeting` of the allocation layer with equal budgets, i.e. `equalRiskContribution`), on the covariance of
 * the last `lookbackDays` days, refitted at each rebalance.
 *
 * @param options `{ riskModel = sampleCovariance, lookbackDays = 252, minObservations = 60, tolerance = 1e-8 }`.
 * @throws InputError as {@link optimizerStrategy}.
 * @example
 * ```ts
 * const result = await runBacktest(prices, riskParityStrategy());
 * ```
 */
export function riskParityStrategy(options: RiskParityStrategyOptions = {}): Strategy {
  const riskModel = options.riskModel ?? riskModels.sampleCovariance;
  const tolerance = options.tolerance ?? 1e-8;
  return optimizerStrategy({
    name: "risk parity",
    estimate: (prices) => riskModel(prices),
    optimize: (cov) => riskBudgeting(cov, { tolerance }),
    lookbackDays: options.lookbackDays,
    minObservations: options.minObservations,
    parameters: { riskModel, tolerance },
  });
}
