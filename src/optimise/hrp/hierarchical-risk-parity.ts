/**
 * The hierarchical risk parity portfolio, as PyPortfolioOpt's `HRPOpt(returns | cov_matrix).optimize()` by default,
 * and skfolio's `HierarchicalRiskParity` with its options (risk measure, inverse-risk weights, optimal leaf ordering,
 * weight bounds).
 */
import { InputError, type DateTable } from "../../core/index";
import { checkPositiveSemidefinite } from "../../linalg/index";
import type { Weights } from "../../core/index";
import type { WeightBounds } from "../weight-bounds";
import { clusteringInputs, type HierarchicalInput } from "./clustering-inputs";
import { clusterRisk, nameOfMeasure, type ClusterRiskMeasure } from "./cluster-risk";
import { correlationDistance } from "./correlation-distance";
import { hierarchicalBounds } from "./hierarchical-bounds";
import { optimalLeafOrdering } from "./optimal-leaf-ordering";
import { quasiDiagonalOrder } from "./quasi-diagonal-order";
import { recursiveBisection } from "./recursive-bisection";
import { riskBisection } from "./risk-bisection";
import { singleLinkage, type LinkageMatrix, type LinkageMethod } from "./single-linkage";

/** What HRP clusters: per-period returns (correlation and covariance estimated from them), a covariance, or both. */
export type HierarchicalRiskParityInput = HierarchicalInput;

/** Options of {@link hierarchicalRiskParity}. */
export interface HierarchicalRiskParityOptions {
  /**
   * The clustering method, a function passed in (PyPortfolioOpt's `linkage_method` string, as an object):
   * {@link singleLinkage} (default, PyPortfolioOpt's default `"single"`), {@link completeLinkage} (`"complete"`),
   * {@link averageLinkage} (`"average"`), {@link weightedLinkage} (`"weighted"`) or {@link wardLinkage} (`"ward"`) —
   * each exactly scipy's `linkage(squareform(distance), method)` — or any {@link LinkageMethod}.
   */
  readonly linkage?: LinkageMethod;
  /**
   * The risk of each half at a split (skfolio's `risk_measure`): `"variance"` (default), `"standardDeviation"`,
   * `"cvar"`, `"cdar"`, `"meanAbsoluteDeviation"`, `"semiDeviation"`… (see {@link CLUSTER_RISK_MEASURES}), or
   * `{ name, risk }`. Measures other than variance and standard deviation need returns in the input.
   */
  readonly riskMeasure?: ClusterRiskMeasure;
  /**
   * The weights inside each half whose risk is measured: `"inverseRisk"` (default; `wᵢ ∝ 1/riskᵢ` of each asset
   * alone under the measure, skfolio's choice — for variance this is inverse variance) or `"inverseVariance"`
   * (`wᵢ ∝ 1/σᵢ²` whatever the measure, López de Prado's and PyPortfolioOpt's).
   */
  readonly allocation?: "inverseRisk" | "inverseVariance";
  /**
   * Reorder the dendrogram's leaves so that neighbours are as close as possible (Bar-Joseph et al. 2001, scipy's
   * `optimal_leaf_ordering`), which changes the bisection. Default `false` (PyPortfolioOpt); skfolio's HRP does it.
   */
  readonly optimalOrdering?: boolean;
  /** Weight bounds, long only (skfolio's `min_weights`/`max_weights`), met at every split. Default none (`[0, 1]`). */
  readonly bounds?: WeightBounds;
  /**
   * Per-period returns for the returns-based measures when the input is only a covariance (dates × the same tickers);
   * ignored when the input has returns.
   */
  readonly riskReturns?: DateTable;
  /** Confidence of the tail measures (CVaR, CDaR, EVaR…). Default 0.95. */
  readonly confidence?: number;
}

/** An HRP portfolio with the clustering behind it. */
export interface HierarchicalRiskParityPortfolio {
  /** Weights (all > 0, summing to 1), labelled in the input's ticker order. */
  readonly weights: Weights;
  /** The linkage matrix (scipy layout), e.g. for a dendrogram; items are indices into the tickers. */
  readonly linkage: LinkageMatrix;
  /** Tickers in dendrogram (quasi-diagonal) order. */
  readonly order: readonly string[];
}

/**
 * Hierarchical risk parity (López de Prado, 2016), exactly as PyPortfolioOpt's `HRPOpt.optimize()`:
 *
 * 1. correlation and covariance: from `returns`, pandas' pairwise-complete `corr()` and `cov()` (per period, not
 *    annualised — the weights do not depend on the scale; without gaps one cross product gives both, `ρᵢⱼ =
 *    Sᵢⱼ/√(SᵢᵢSⱼⱼ)`, equal to pandas' per-pair formula to rounding); from `cov`, `cov_to_corr(cov)` rounded to 6 decimals
 *    (PyPortfolioOpt's rounding) and `cov` itself;
 * 2. distance `√(clip((1 − ρ)/2, 0, 1))`;
 * 3. hierarchical clustering: single linkage by default (scipy's `linkage(…, "single")`, here in O(n²) by minimum
 *    spanning tree), or `completeLinkage`, `averageLinkage`, `weightedLinkage`, `wardLinkage` (scipy's other methods);
 * 4. quasi-diagonalisation: the dendrogram's leaf order (`to_tree(Z).pre_order()`);
 * 5. recursive bisection of that ordered list with inverse-variance cluster variances.
 *
 * Options turn it into skfolio's `HierarchicalRiskParity` (`linkage: wardLinkage, optimalOrdering: true` with
 * `{ returns }` — or `{ returns, cov }` for a prior's covariance — are its defaults): another `riskMeasure` for the
 * split, `allocation` inside the halves, `optimalOrdering` of the leaves, and `bounds`, applied to each split as
 * skfolio does ({@link boundedSplit}).
 *
 * 500 assets take well under a second from a covariance (O(n²) clustering); from returns, estimating the
 * correlations costs O(n²T).
 *
 * @param input `{ returns }` (per-period returns, `nDates × nTickers`, `NaN` = missing) or `{ cov }` (`n × n`, labelled).
 * @param options `{ linkage = singleLinkage, riskMeasure = "variance", allocation = "inverseRisk", optimalOrdering = false,
 *   bounds, confidence = 0.95 }`.
 * @returns `{ weights, linkage, order }`.
 * @throws InputError for a malformed table or covariance, a pair of tickers with fewer than 2 common
 *   observations, a non-positive variance or asset risk, a returns-based measure without returns, negative bounds.
 * @throws InfeasibleError for bounds that leave no fully invested portfolio (naming them).
 *
 * @example
 * ```ts
 * // A and B are correlated (ρ = 0.6), C is independent: the tree is (C, (A, B)), the order C, A, B;
 * // bisection gives C vs {A, B} (inverse-variance variance 0.0430): α = 1 − 0.01 / 0.0530 = 0.811 to C,
 * // then A vs B: 0.189 split 0.04 : 0.09 inversely.
 * const cov = { labels: ["A", "B", "C"], values: Float64Array.of(0.04, 0.036, 0, 0.036, 0.09, 0, 0, 0, 0.01) };
 * hierarchicalRiskParity({ cov }).order;          // => ["C", "A", "B"]
 * hierarchicalRiskParity({ cov }).weights.values; // => ≈ Float64Array [0.1306, 0.0580, 0.8114]
 * ```
 */
export function hierarchicalRiskParity(input: HierarchicalRiskParityInput, options: HierarchicalRiskParityOptions = {}): HierarchicalRiskParityPortfolio {
  const caller = "hierarchicalRiskParity";
  const { labels, correlation, covariance, returns } = clusteringInputs(input, caller, { roundCorrelation: true });
  const n = labels.length;
  checkPositiveSemidefinite({ labels, values: covariance }, caller);
  for (let i = 0; i < n; i++) {
    if (!(covariance[i * n + i]! > 0)) {
      throw new InputError("NON_POSITIVE_VARIANCE", `${caller}: variance of ${labels[i]} is ${covariance[i * n + i]}; HRP needs positive variances (drop the asset)`, {
        label: labels[i],
      });
    }
  }
  const distance = correlationDistance(correlation);
  let linkage = (options.linkage ?? singleLinkage)(distance, n);
  if (options.optimalOrdering === true) linkage = optimalLeafOrdering(linkage, distance);
  const order = quasiDiagonalOrder(linkage);
  const measure = options.riskMeasure ?? "variance";
  const plain = measure === "variance" && options.bounds === undefined;
  let weights: Float64Array;
  if (plain) {
    weights = recursiveBisection(covariance, order);
  } else {
    const bounds = options.bounds === undefined ? undefined : hierarchicalBounds(options.bounds, labels, caller);
    const risk = clusterRisk(measure, { labels, covariance, returns: returns ?? options.riskReturns }, { confidence: options.confidence }, caller);
    const within = withinClusterWeights(labels, covariance, risk, options.allocation, measure, caller);
    weights = riskBisection(order, within, risk, bounds);
  }
  return { weights: { labels: [...labels], values: weights }, linkage, order: order.map((i) => labels[i]!) };
}

/**
 * The unnormalised weight of each asset inside its cluster: `1/riskᵢ` of the asset alone (inverse risk, skfolio's
 * `1 / _unitary_risks`) or `1/σᵢ²` (inverse variance).
 *
 * @throws InputError NON_POSITIVE_RISK naming an asset whose risk alone is not positive; BAD_ALLOCATION.
 *
 * @example
 * ```ts
 * const cov = Float64Array.of(1, 0, 0, 4);
 * const risk = clusterRisk("standardDeviation", { labels: ["A", "B"], covariance: cov }, {}, "f");
 * withinClusterWeights(["A", "B"], cov, risk, "inverseRisk", "standardDeviation", "f");     // => Float64Array [1, 0.5]
 * withinClusterWeights(["A", "B"], cov, risk, "inverseVariance", "standardDeviation", "f"); // => Float64Array [1, 0.25]
 * ```
 */
export function withinClusterWeights(
  labels: readonly string[],
  covariance: Float64Array,
  risk: (items: readonly number[], weights: readonly number[]) => number,
  allocation: "inverseRisk" | "inverseVariance" | undefined,
  measure: ClusterRiskMeasure,
  caller: string,
): Float64Array {
  const n = labels.length;
  const kind = allocation ?? "inverseRisk";
  if (kind !== "inverseRisk" && kind !== "inverseVariance") {
    throw new InputError("BAD_ALLOCATION", `${caller}: allocation ${JSON.stringify(kind)} is not "inverseRisk" or "inverseVariance"`, { allocation: String(kind) });
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = kind === "inverseVariance" ? covariance[i * n + i]! : risk([i], [1]);
    if (!(r > 0) || !Number.isFinite(r)) {
      throw new InputError("NON_POSITIVE_RISK", `${caller}: the ${kind === "inverseVariance" ? "variance" : nameOfMeasure(measure)} of ${labels[i]} alone is ${r}; inverse-risk weights need a positive risk (drop the asset or choose another measure)`, {
        label: labels[i],
      });
    }
    out[i] = 1 / r;
  }
  return out;
}
