/**
 * The recursive bisection of hierarchical risk parity with any cluster risk and weight bounds (skfolio's
 * `HierarchicalRiskParity.fit`).
 */
import type { ResolvedWeightBounds } from "../weight-bounds";
import type { ClusterRiskFunction } from "./cluster-risk";
import { boundedSplit } from "./hierarchical-bounds";

/**
 * HRP's recursive bisection of an ordered list of assets: every cluster is split into its first `⌊len/2⌋` assets
 * and the rest; the halves get `α = 1 − R₁/(R₁ + R₂)` and `1 − α` of their parent's weight, where `Rᵢ` is the risk
 * of the half's sub-portfolio weighted by `withinCluster` (inverse risk or inverse variance, renormalised to the
 * half); with `bounds`, α is first moved into the range they allow ({@link boundedSplit}). Level by level, as
 * López de Prado's code, PyPortfolioOpt and skfolio.
 *
 * @param order asset indices in dendrogram order (a permutation of `0…n−1`).
 * @param withinCluster the unnormalised weight of each asset inside its cluster (e.g. `1/σᵢ²`), all > 0.
 * @param risk the risk of a sub-portfolio ({@link clusterRisk}).
 * @param bounds per-asset bounds, or `undefined` for none (the split is then left exactly as computed).
 * @returns weights per asset, summing to 1.
 *
 * @example
 * ```ts
 * // Two uncorrelated assets with variances 1 and 4, inverse variance within: α = 1 − 1/5 → 0.8, 0.2
 * const risk = clusterRisk("variance", { labels: ["A", "B"], covariance: Float64Array.of(1, 0, 0, 4) }, {}, "f");
 * riskBisection([0, 1], [1, 0.25], risk); // => ≈ Float64Array [0.8, 0.2]
 * ```
 */
export function riskBisection(order: readonly number[], withinCluster: ArrayLike<number>, risk: ClusterRiskFunction, bounds?: ResolvedWeightBounds): Float64Array {
  const n = order.length;
  const w = new Float64Array(n).fill(1);
  const clusterRiskOf = (items: readonly number[]) => {
    const inverse = items.map((i) => withinCluster[i]!);
    const total = inverse.reduce((s, x) => s + x, 0);
    return risk(items, inverse.map((x) => x / total));
  };
  let clusters: number[][] = [order.slice()];
  while (clusters.length > 0) {
    const next: number[][] = [];
    for (const cluster of clusters) {
      if (cluster.length <= 1) continue;
      const half = Math.floor(cluster.length / 2);
      next.push(cluster.slice(0, half), cluster.slice(half));
    }
    for (let k = 0; k < next.length; k += 2) {
      const first = next[k]!;
      const second = next[k + 1]!;
      const r1 = clusterRiskOf(first);
      const r2 = clusterRiskOf(second);
      let alpha = 1 - r1 / (r1 + r2);
      if (bounds !== undefined) alpha = boundedSplit(alpha, w[first[0]!]!, first, second, bounds);
      for (const i of first) w[i] = w[i]! * alpha;
      for (const i of second) w[i] = w[i]! * (1 - alpha);
    }
    clusters = next;
  }
  return w;
}
