/**
 * A risk profile's recipe as a backtest strategy: re-estimate μ and Σ on a trailing window and re-allocate.
 */
import { allocateForRiskProfile, riskProfile, type RiskProfile } from "../decisions/index";
import { expectedReturns, riskModels } from "../moments/index";
import { optimizerStrategy, type OptimizerStrategyOptions } from "./optimizer-strategy";
import type { Strategy } from "./strategy";

/** Options of {@link riskProfileStrategy}. */
export interface RiskProfileStrategyOptions extends Pick<OptimizerStrategyOptions<unknown>, "lookbackDays" | "minObservations" | "fallback"> {
  /** Asset class by ticker; the profile's crypto cap applies to the `"crypto"` class. */
  readonly assetClassOf?: Readonly<Record<string, string>>;
  /** Annual risk-free rate, recorded with the strategy (it does not move the weights). */
  readonly riskFreeRate?: number;
  /** Name in tables (default `"<profile> profile"`, e.g. "Balanced profile"). */
  readonly name?: string;
}

/**
 * The allocation of a risk profile ({@link allocateForRiskProfile}) as a strategy: at each rebalance, the geometric
 * mean return and the sample covariance of the trailing `lookbackDays` (`expectedReturns.meanHistoricalReturn`,
 * `riskModels.sampleCovariance`, annualised with 252 days), then the profile's allocation on them. Tickers without
 * enough prices in the window are left out (see {@link optimizerStrategy}).
 *
 * @param profile a profile or its name (`"Balanced"`).
 * @param options `{ lookbackDays = 252, assetClassOf, riskFreeRate, name, minObservations, fallback }`.
 * @throws InputError UNKNOWN_PROFILE; as {@link optimizerStrategy}.
 * @example
 * ```ts
 * const recipe = riskProfileStrategy("Balanced", { lookbackDays: 1260, assetClassOf: universe.assetClassOf });
 * await runBacktest(prices, recipe, { rebalance: calendarRebalance("quarterly") });
 * ```
 */
export function riskProfileStrategy(profile: RiskProfile | string, options: RiskProfileStrategyOptions = {}): Strategy {
  const p = typeof profile === "string" ? riskProfile(profile) : profile;
  const allocation = { assetClassOf: options.assetClassOf, riskFreeRate: options.riskFreeRate };
  return optimizerStrategy({
    name: options.name ?? `${p.name} profile`,
    lookbackDays: options.lookbackDays,
    minObservations: options.minObservations,
    fallback: options.fallback,
    parameters: { profile: p, riskFreeRate: options.riskFreeRate ?? 0 },
    estimate: (prices) => ({ mu: expectedReturns.meanHistoricalReturn(prices), cov: riskModels.sampleCovariance(prices) }),
    optimize: (e) => allocateForRiskProfile(p, e.mu, e.cov, allocation),
  });
}
