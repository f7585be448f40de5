/**
 * Hierarchical portfolios on a prior beyond HRP: hierarchical equal risk contribution (HERC) and nested clustered
 * optimisation (NCO). Each takes `(prior, options)` and returns a {@link Portfolio} (NCO a promise of one).
 */
import type { Prior } from "../../moments/index";
import {
  hierarchicalEqualRiskContribution,
  nestedClustersOptimisation,
  type HierarchicalEqualRiskContributionOptions,
  type LinkageMatrix,
  type NestedClustersOptimisationOptions,
} from "../hrp/index";
import { Portfolio } from "../portfolio";
import type { NamedOptions } from "./mean-variance";

/** What {@link herc} reports beside the weights. */
export interface HercDetails {
  /** Tickers in dendrogram order. */
  readonly order: readonly string[];
  /** The linkage matrix (scipy layout). */
  readonly linkage: LinkageMatrix;
  /** The flat clusters, each a list of tickers. */
  readonly clusters: readonly (readonly string[])[];
}

/** What {@link nco} reports beside the weights. */
export interface NcoDetails {
  /** The linkage matrix of the clustering. */
  readonly linkage: LinkageMatrix;
  /** The clusters, each a list of tickers. */
  readonly clusters: readonly (readonly string[])[];
  /** The outer optimiser's weight of each cluster, in the order of `clusters`. */
  readonly outerWeights: readonly number[];
}

/**
 * Hierarchical equal risk contribution (Raffinot 2018; skfolio's `HierarchicalEqualRiskContribution`) on the
 * prior: clusters from the correlation of its returns (`from: "returns"`, default, as skfolio) or of its covariance
 * (`from: "covariance"`), variance from its covariance, other measures from its returns. `details.clusters` lists
 * the flat clusters, `details.order` the dendrogram order.
 *
 * @example
 * ```ts
 * const h = portfolios.herc(p, { riskMeasure: "cdar", bounds: [0, 0.2] });
 * h.details.clusters; // the flat clusters, each a list of tickers
 * h.weights.max();    // ≤ 0.2
 * ```
 * @throws InputError and InfeasibleError as {@link hierarchicalEqualRiskContribution}.
 */
export function herc(
  prior: Prior,
  options: HierarchicalEqualRiskContributionOptions & NamedOptions & { readonly from?: "covariance" | "returns" } = {},
): Portfolio<HercDetails> {
  const input = options.from === "covariance" ? { cov: prior.covariance } : { returns: prior.returns, cov: prior.covariance };
  const r = hierarchicalEqualRiskContribution(input, { riskReturns: prior.returns, ...options });
  const measure = options.riskMeasure === undefined ? "" : ` (${typeof options.riskMeasure === "string" ? options.riskMeasure : options.riskMeasure.name})`;
  return new Portfolio(options.name ?? `HERC${measure}`, r.weights, prior, {
    riskFreeRate: options.riskFreeRate,
    details: { order: r.order, linkage: r.linkage, clusters: r.clusters },
  });
}

/**
 * Nested clustered optimisation (López de Prado 2019; skfolio's `NestedClustersOptimization`) on the prior: the
 * `inner` optimiser inside each cluster, the `outer` one across the clusters (both minimum variance by default;
 * pass any `(prior) => Portfolio`, e.g. `(q) => portfolios.maxSharpe(q)`), the outer one fitted on out-of-sample
 * cluster returns over `cv` folds (default 5; `"ignore"` for in-sample).
 *
 * @example
 * ```ts
 * const p2 = await portfolios.nco(p, { inner: (q) => portfolios.minVolatility(q), cv: "ignore" });
 * p2.details.clusters; // the clusters, each a list of tickers
 * ```
 * @throws InputError and InfeasibleError as {@link nestedClustersOptimisation}; whatever the optimisers throw.
 */
export async function nco(prior: Prior, options: NestedClustersOptimisationOptions & NamedOptions = {}): Promise<Portfolio<NcoDetails>> {
  const r = await nestedClustersOptimisation(prior, options);
  return new Portfolio(options.name ?? "NCO", r.weights, prior, {
    riskFreeRate: options.riskFreeRate,
    details: { linkage: r.linkage, clusters: r.clusters, outerWeights: Array.from(r.outerWeights) },
  });
}
