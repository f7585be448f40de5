/**
 * Hierarchical equal risk contribution (Raffinot, 2018), as skfolio's `HierarchicalEqualRiskContribution`.
 */
import { InputError, type DateTable, type Weights } from "../../core/index";
import { checkPositiveSemidefinite } from "../../linalg/index";
import type { WeightBounds } from "../weight-bounds";
import { clusteringInputs, type HierarchicalInput } from "./clustering-inputs";
import { clusterRisk, type ClusterRiskMeasure } from "./cluster-risk";
import { correlationDistance } from "./correlation-distance";
import { flatClusters, gapClusterCount } from "./flat-clusters";
import { closestWithinBounds, hierarchicalBounds } from "./hierarchical-bounds";
import { withinClusterWeights } from "./hierarchical-risk-parity";
import { wardLinkage } from "./lance-williams-linkage";
import { quasiDiagonalOrder } from "./quasi-diagonal-order";
import type { LinkageMatrix, LinkageMethod } from "./single-linkage";

/** Options of {@link hierarchicalEqualRiskContribution}. */
export interface HierarchicalEqualRiskContributionOptions {
  /** The clustering method (default {@link wardLinkage}, skfolio's default). */
  readonly linkage?: LinkageMethod;
  /** Number of clusters (skfolio's `max_clusters`: the dendrogram is cut to at most this many). Default: the gap rule ({@link gapClusterCount}). */
  readonly clusters?: number;
  /** The risk measure (default `"variance"`), as in {@link HierarchicalRiskParityOptions.riskMeasure}. */
  readonly riskMeasure?: ClusterRiskMeasure;
  /** Weights inside a cluster: `"inverseRisk"` (default, skfolio) or `"inverseVariance"`. */
  readonly allocation?: "inverseRisk" | "inverseVariance";
  /** Weight bounds, long only, met by the nearest weights in relative terms ({@link closestWithinBounds}). */
  readonly bounds?: WeightBounds;
  /**
   * Per-period returns for the returns-based measures when the input is only a covariance (dates × the same tickers);
   * ignored when the input has returns.
   */
  readonly riskReturns?: DateTable;
  /** Confidence of the tail measures. Default 0.95. */
  readonly confidence?: number;
}

/** A HERC portfolio with the clustering behind it. */
export interface HierarchicalEqualRiskContributionPortfolio {
  /** Weights (≥ 0, summing to 1), labelled in the input's ticker order. */
  readonly weights: Weights;
  /** The linkage matrix (scipy layout). */
  readonly linkage: LinkageMatrix;
  /** Tickers in dendrogram order. */
  readonly order: readonly string[];
  /** The flat clusters, each a list of tickers, numbered as scipy's `fcluster` (left to right in the dendrogram). */
  readonly clusters: readonly (readonly string[])[];
}

/**
 * Hierarchical equal risk contribution (Raffinot 2018), exactly as skfolio's `HierarchicalEqualRiskContribution`:
 *
 * 1. distance `√((1 − ρ)/2)` of the correlation (of the returns, or derived from `cov`), linkage (Ward by default);
 * 2. flat clusters: the dendrogram cut into `clusters` (default: the two-order-difference gap rule), scipy's
 *    `fcluster(…, "maxclust")`;
 * 3. inside each cluster, inverse-risk weights (`wᵢ ∝ 1/riskᵢ`), and the cluster's risk is that sub-portfolio's;
 * 4. top-down through the dendrogram, each node splits its weight between its two children in inverse proportion
 *    to the summed risks of the clusters under each, `α = 1 − R_L/(R_L + R_R)`, until the flat clusters;
 * 5. with `bounds`, the weights are moved to the nearest within bounds in relative terms ({@link closestWithinBounds}).
 *
 * @param input `{ returns }`, `{ cov }` or `{ returns, cov }` (see {@link HierarchicalInput}).
 * @param options `{ linkage = wardLinkage, clusters, riskMeasure = "variance", allocation = "inverseRisk", bounds, confidence }`.
 * @returns `{ weights, linkage, order, clusters }`.
 * @throws InputError for malformed inputs, a bad cluster count, a non-positive asset risk, a returns-based measure
 *   without returns; InfeasibleError for bounds that leave no fully invested portfolio.
 *
 * @example
 * ```ts
 * // Two blocks {A, B} and {C}: with two clusters, the blocks share the weight by inverse cluster variance
 * // (here the same as HRP's: {A, B} has inverse-variance variance 0.0430 against C's 0.01).
 * const cov = { labels: ["A", "B", "C"], values: Float64Array.of(0.04, 0.036, 0, 0.036, 0.09, 0, 0, 0, 0.01) };
 * const h = hierarchicalEqualRiskContribution({ cov }, { clusters: 2 });
 * h.clusters;       // => [["A", "B"], ["C"]]
 * h.weights.values; // => ≈ Float64Array [0.1306, 0.0580, 0.8114]
 * ```
 */
export function hierarchicalEqualRiskContribution(input: HierarchicalInput, options: HierarchicalEqualRiskContributionOptions = {}): HierarchicalEqualRiskContributionPortfolio {
  const caller = "hierarchicalEqualRiskContribution";
  const { labels, correlation, covariance, returns } = clusteringInputs(input, caller);
  const n = labels.length;
  checkPositiveSemidefinite({ labels, values: covariance }, caller);
  const bounds = options.bounds === undefined ? undefined : hierarchicalBounds(options.bounds, labels, caller);
  const distance = correlationDistance(correlation);
  const linkage = (options.linkage ?? wardLinkage)(distance, n);
  const wanted = options.clusters ?? gapClusterCount(distance, linkage);
  if (!Number.isSafeInteger(wanted) || wanted < 1) {
    throw new InputError("BAD_CLUSTER_COUNT", `${caller}: clusters ${wanted} must be a whole number ≥ 1`, { clusters: wanted });
  }
  const labelsOfCluster = flatClusters(linkage, wanted);
  const count = Math.max(...labelsOfCluster) + 1;
  const members: number[][] = Array.from({ length: count }, () => []);
  labelsOfCluster.forEach((c, i) => members[c]!.push(i));
  const measure = options.riskMeasure ?? "variance";
  const risk = clusterRisk(measure, { labels, covariance, returns: returns ?? options.riskReturns }, { confidence: options.confidence }, caller);
  const within = withinClusterWeights(labels, covariance, risk, options.allocation, measure, caller);
  const weights = new Float64Array(n);
  const clusterRisks = members.map((items) => {
    const total = items.reduce((s, i) => s + within[i]!, 0);
    const w = items.map((i) => within[i]! / total);
    items.forEach((i, k) => (weights[i] = w[k]!));
    return risk(items, w);
  });
  const clusterWeights = new Float64Array(count).fill(1);
  // Top-down: a node that is exactly one flat cluster stops; otherwise split between the clusters under each child.
  const leavesUnder = (node: number): number[] => leavesBelow(linkage, node);
  const clusterOfSet = (leaves: number[]): number => {
    const c = labelsOfCluster[leaves[0]!]!;
    return leaves.length === members[c]!.length && leaves.every((i) => labelsOfCluster[i] === c) ? c : -1;
  };
  const stack = [2 * n - 2];
  while (stack.length > 0 && n > 1) {
    const node = stack.pop()!;
    const leaves = leavesUnder(node);
    if (clusterOfSet(leaves) >= 0) continue;
    const row = node - n;
    const leftNode = linkage.values[4 * row]!;
    const rightNode = linkage.values[4 * row + 1]!;
    const leftClusters = [...new Set(leavesUnder(leftNode).map((i) => labelsOfCluster[i]!))];
    const rightClusters = [...new Set(leavesUnder(rightNode).map((i) => labelsOfCluster[i]!))];
    const leftRisk = leftClusters.sort((a, b) => a - b).reduce((s, c) => s + clusterRisks[c]!, 0);
    const rightRisk = rightClusters.sort((a, b) => a - b).reduce((s, c) => s + clusterRisks[c]!, 0);
    const alpha = 1 - leftRisk / (leftRisk + rightRisk);
    for (const c of leftClusters) clusterWeights[c] = clusterWeights[c]! * alpha;
    for (const c of rightClusters) clusterWeights[c] = clusterWeights[c]! * (1 - alpha);
    stack.push(rightNode, leftNode);
  }
  for (let c = 0; c < count; c++) for (const i of members[c]!) weights[i] = weights[i]! * clusterWeights[c]!;
  const final = bounds === undefined ? weights : closestWithinBounds(weights, bounds);
  return {
    weights: { labels: [...labels], values: final },
    linkage,
    order: quasiDiagonalOrder(linkage).map((i) => labels[i]!),
    clusters: members.map((items) => items.map((i) => labels[i]!)),
  };
}

/** The leaves (item indices) under a node of a linkage, left to right. */
function leavesBelow(linkage: LinkageMatrix, node: number): number[] {
  const { n, values } = linkage;
  const leaves: number[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v < n) {
      leaves.push(v);
      continue;
    }
    const row = v - n;
    stack.push(values[4 * row + 1]!, values[4 * row]!);
  }
  return leaves;
}
