/**
 * The mean-variance family on a prior: each optimiser takes `(prior, options)` and returns a {@link Portfolio}.
 */
import type { Prior } from "../../moments/index";
import { efficientFrontier, type EfficientFrontierOptions, type EfficientFrontierPoint } from "../efficient-frontier";
import { efficientReturn, type EfficientReturnOptions } from "../efficient-return";
import { efficientRisk, type EfficientRiskOptions } from "../efficient-risk";
import { maxQuadraticUtility, type MaxQuadraticUtilityOptions } from "../max-quadratic-utility";
import { maxSharpe as maxSharpeWeights, type MaxSharpeOptions } from "../max-sharpe";
import { minVolatility as minVolatilityWeights, type MinVolatilityOptions } from "../min-volatility";
import { Portfolio } from "../portfolio";

/** Options every `(prior, options)` optimiser takes beside its own: the portfolio's name and risk-free rate. */
export interface NamedOptions {
  /** The portfolio's name in tables and charts (each optimiser has a default, e.g. "max Sharpe"). */
  readonly name?: string;
  /** Annual risk-free rate of the Sharpe ratio, a fraction (default 0.02). */
  readonly riskFreeRate?: number;
}

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * The maximum-Sharpe portfolio (PyPortfolioOpt's `max_sharpe`) under the prior.
 *
 * @example
 * ```ts
 * portfolios.maxSharpe(p, { bounds: [0, 0.25], riskFreeRate: 0.02 }).sharpe;
 * ```
 */
export function maxSharpe(prior: Prior, options: MaxSharpeOptions & NamedOptions = {}): Portfolio {
  const w = maxSharpeWeights(prior.expectedReturns, prior.covariance, options);
  return new Portfolio(options.name ?? "max Sharpe", w, prior, { riskFreeRate: options.riskFreeRate });
}

/**
 * The minimum-volatility portfolio (PyPortfolioOpt's `min_volatility`); ignores expected returns.
 *
 * @example
 * ```ts
 * portfolios.minVolatility(p, { bounds: [0, 0.25] }).volatility;
 * ```
 */
export function minVolatility(prior: Prior, options: MinVolatilityOptions & NamedOptions = {}): Portfolio {
  const w = minVolatilityWeights(prior.covariance, options);
  return new Portfolio(options.name ?? "min volatility", w, prior, { riskFreeRate: options.riskFreeRate });
}

/**
 * The portfolio maximising `μᵀw − ½δ·wᵀΣw` (PyPortfolioOpt's `max_quadratic_utility`), δ = `riskAversion` (default 1).
 *
 * @example
 * ```ts
 * portfolios.maxUtility(p, { riskAversion: 4 }).name; // => "max utility (δ = 4)"
 * ```
 */
export function maxUtility(prior: Prior, options: MaxQuadraticUtilityOptions & NamedOptions = {}): Portfolio {
  const w = maxQuadraticUtility(prior.expectedReturns, prior.covariance, options);
  return new Portfolio(options.name ?? `max utility (δ = ${options.riskAversion ?? 1})`, w, prior, { riskFreeRate: options.riskFreeRate });
}

/**
 * The least volatile portfolio whose expected return is `target` (annual fraction), PyPortfolioOpt's `efficient_return`.
 *
 * @example
 * ```ts
 * portfolios.efficientReturn(p, { target: 0.12 }).expectedReturn; // => 0.12
 * ```
 */
export function efficientReturnPortfolio(prior: Prior, options: EfficientReturnOptions & NamedOptions & { readonly target: number }): Portfolio {
  const w = efficientReturn(prior.expectedReturns, prior.covariance, options.target, options);
  return new Portfolio(options.name ?? `efficient return ${percent(options.target)}`, w, prior, { riskFreeRate: options.riskFreeRate });
}

/**
 * The highest expected return at volatility at most `target` (annual fraction), PyPortfolioOpt's `efficient_risk`.
 *
 * @example
 * ```ts
 * portfolios.efficientRisk(p, { target: 0.1 }).volatility; // ≤ 0.1
 * ```
 */
export function efficientRiskPortfolio(prior: Prior, options: EfficientRiskOptions & NamedOptions & { readonly target: number }): Portfolio {
  const w = efficientRisk(prior.expectedReturns, prior.covariance, options.target, options);
  return new Portfolio(options.name ?? `efficient risk ${percent(options.target)}`, w, prior, { riskFreeRate: options.riskFreeRate });
}

/**
 * The efficient frontier under the prior: `points` portfolios from minimum volatility to maximum return.
 *
 * @example
 * ```ts
 * portfolios.frontier(p, { points: 30, bounds: [0, 0.25] })[0].volatility;
 * ```
 */
export function frontier(prior: Prior, options: EfficientFrontierOptions = {}): EfficientFrontierPoint[] {
  return efficientFrontier(prior.expectedReturns, prior.covariance, options);
}
