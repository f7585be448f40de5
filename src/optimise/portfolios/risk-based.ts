/**
 * Risk-based portfolios on a prior (they ignore expected returns): hierarchical risk parity, risk parity, equal
 * weight, inverse volatility. Each takes `(prior, options)` and returns a {@link Portfolio}.
 */
import { vector } from "../../core/index";
import type { Prior } from "../../moments/index";
import { hierarchicalRiskParity, type HierarchicalRiskParityOptions, type LinkageMatrix } from "../hrp/index";
import { Portfolio } from "../portfolio";
import { riskBudgeting, type RiskBudgetingOptions } from "../risk-budgeting";
import type { NamedOptions } from "./mean-variance";

/**
 * Hierarchical risk parity (López de Prado; PyPortfolioOpt's `HRPOpt`) on the prior's covariance, or on its
 * returns with `from: "returns"` (the correlation and covariance of the returns, as `HRPOpt(returns)`). The options
 * of {@link hierarchicalRiskParity} choose the risk measure of the split (`riskMeasure`, measured on the prior's
 * returns unless variance), the weights inside clusters (`allocation`), `optimalOrdering` and `bounds` (skfolio's
 * HRP is `{ from: "returns", linkage: wardLinkage, optimalOrdering: true }`).
 * `details.order` is the dendrogram order of the tickers; `details.linkage` the linkage matrix.
 *
 * @example
 * ```ts
 * const h = portfolios.hrp(p);
 * h.weights.pick(h.details.order); // weights in cluster order
 * ```
 */
export function hrp(
  prior: Prior,
  options: HierarchicalRiskParityOptions & NamedOptions & { readonly from?: "covariance" | "returns" } = {},
): Portfolio<{ readonly order: readonly string[]; readonly linkage: LinkageMatrix }> {
  const input = options.from === "returns" ? { returns: prior.returns } : { cov: prior.covariance };
  const result = hierarchicalRiskParity(input, { riskReturns: prior.returns, ...options });
  const measure = options.riskMeasure === undefined ? "" : ` (${typeof options.riskMeasure === "string" ? options.riskMeasure : options.riskMeasure.name})`;
  return new Portfolio(options.name ?? `HRP${measure}`, result.weights, prior, { riskFreeRate: options.riskFreeRate, details: { order: result.order, linkage: result.linkage } });
}

/**
 * Risk parity: every asset contributes the same share of variance (or its `budgets` share), long only.
 *
 * @example
 * ```ts
 * portfolios.riskParity(p).riskContributions().max(); // ≈ 1 / n
 * ```
 */
export function riskParity(prior: Prior, options: RiskBudgetingOptions & NamedOptions = {}): Portfolio {
  const w = riskBudgeting(prior.covariance, options);
  return new Portfolio(options.name ?? (options.budgets === undefined ? "risk parity" : "risk budgeting"), w, prior, { riskFreeRate: options.riskFreeRate });
}

/**
 * Equal weights, `1/n` in every ticker of the prior.
 *
 * @example
 * ```ts
 * portfolios.equalWeight(p).weights.get("MKTIDX"); // => 1 / n
 * ```
 */
export function equalWeight(prior: Prior, options: NamedOptions = {}): Portfolio {
  const labels = prior.expectedReturns.labels;
  return new Portfolio(options.name ?? "equal weight", vector({ labels, values: new Float64Array(labels.length).fill(1 / labels.length) }), prior, { riskFreeRate: options.riskFreeRate });
}

/**
 * Inverse-volatility weights, `wᵢ ∝ 1/σᵢ` (the naive risk parity that ignores correlations).
 *
 * @example
 * ```ts
 * portfolios.inverseVolatility(p).weights.sum(); // => 1
 * ```
 */
export function inverseVolatility(prior: Prior, options: NamedOptions = {}): Portfolio {
  const inverse = prior.volatilities.map((s) => 1 / s);
  const total = inverse.sum();
  return new Portfolio(options.name ?? "inverse volatility", inverse.map((x) => x / total), prior, { riskFreeRate: options.riskFreeRate });
}
