/**
 * Scenario-based portfolios on a prior's returns (each period one scenario): minimum CVaR, minimum CDaR, maximum
 * return per unit of CVaR. Each takes `(prior, options)` and resolves to a {@link Portfolio}.
 */
import type { Prior } from "../../moments/index";
import type { CvarOptions } from "../cvar-problem";
import { maxCvarRatio as maxCvarRatioWeights, type MaxCvarRatioOptions } from "../max-cvar-ratio";
import { minCdar as minCdarWeights } from "../min-cdar";
import { minCvar as minCvarWeights } from "../min-cvar";
import { Portfolio } from "../portfolio";
import type { NamedOptions } from "./mean-variance";

const level = (beta: number | undefined) => `${Math.round(100 * (beta ?? 0.95))} %`;

/**
 * Minimum historical CVaR at confidence `beta` (default 0.95), PyPortfolioOpt's `EfficientCVaR.min_cvar`, on the
 * prior's returns. `details.cvar` is the optimum's CVaR (a loss per period, positive fraction).
 *
 * @example
 * ```ts
 * (await portfolios.minCvar(p, { bounds: [0, 0.25] })).details.cvar;
 * ```
 */
export async function minCvar(prior: Prior, options: CvarOptions & NamedOptions = {}): Promise<Portfolio<{ readonly cvar: number }>> {
  const r = await minCvarWeights(prior.returns, options);
  return new Portfolio(options.name ?? `min CVaR ${level(options.beta)}`, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { cvar: r.cvar } });
}

/**
 * Minimum conditional drawdown at risk, PyPortfolioOpt's `EfficientCDaR.min_cdar`, on the prior's returns.
 * `details.cdar` is the optimum's CDaR (a fraction of the peak).
 *
 * @example
 * ```ts
 * (await portfolios.minCdar(p)).details.cdar;
 * ```
 */
export async function minCdar(prior: Prior, options: CvarOptions & NamedOptions = {}): Promise<Portfolio<{ readonly cdar: number }>> {
  const r = await minCdarWeights(prior.returns, options);
  return new Portfolio(options.name ?? `min CDaR ${level(options.beta)}`, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { cdar: r.cdar } });
}

/**
 * The highest mean excess return per unit of CVaR (Riskfolio-Lib's CVaR Sharpe), on the prior's returns.
 *
 * @example
 * ```ts
 * (await portfolios.maxCvarRatio(p)).details.ratio;
 * ```
 */
export async function maxCvarRatio(prior: Prior, options: MaxCvarRatioOptions & NamedOptions = {}): Promise<Portfolio<{ readonly cvar: number; readonly ratio: number }>> {
  const r = await maxCvarRatioWeights(prior.returns, options);
  return new Portfolio(options.name ?? "max return/CVaR", r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { cvar: r.cvar, ratio: r.ratio } });
}

