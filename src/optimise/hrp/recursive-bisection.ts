/**
 * HRP's recursive bisection of an ordered list of assets (López de Prado, 2016; PyPortfolioOpt's `_raw_hrp_allocation`).
 */
import { InputError } from "../../core/index";

/**
 * Weights from HRP's recursive bisection: start with weight 1 on every asset and the whole `order` as one
 * cluster; split every cluster into its first and second halves (`⌊len/2⌋`); give the halves
 * `α = 1 − V₁/(V₁ + V₂)` and `1 − α` of their parent's weight, where `Vᵢ` is the variance of the half's
 * inverse-variance portfolio (`wⱼ ∝ 1/Σⱼⱼ`); repeat until every cluster is one asset. The halving follows the
 * ordered list (not the dendrogram), as in López de Prado's code and PyPortfolioOpt.
 *
 * @param cov row-major `n × n` covariance (any scale: daily or annual give the same weights); positive diagonal.
 * @param order asset indices in dendrogram order (a permutation of `0…n−1`).
 * @returns weights per asset in the covariance's order, summing to 1, all > 0.
 * @throws InputError when `order` is not a permutation or a variance is not positive.
 *
 * @example
 * ```ts
 * // Two uncorrelated assets with variances 1 and 4: α = 1 − 1/5 → weights 0.8, 0.2
 * recursiveBisection(Float64Array.of(1, 0, 0, 4), [0, 1]); // => ≈ Float64Array [0.8, 0.2]
 * ```
 */
export function recursiveBisection(cov: Float64Array, order: readonly number[]): Float64Array {
  const n = order.length;
  const seen = new Uint8Array(n);
  for (const i of order) {
    if (!Number.isInteger(i) || i < 0 || i >= n || seen[i]) {
      throw new InputError("BAD_ORDER", `recursiveBisection: order must be a permutation of 0…${n - 1}; got ${order.slice(0, 10).join(", ")}`, {});
    }
    seen[i] = 1;
  }
  if (cov.length !== n * n) {
    throw new InputError("NOT_SQUARE", `recursiveBisection: covariance has ${cov.length} values for ${n} assets`, { n });
  }
  for (let i = 0; i < n; i++) {
    if (!(cov[i * n + i]! > 0)) {
      throw new InputError("NON_POSITIVE_VARIANCE", `recursiveBisection: variance of asset ${i} is ${cov[i * n + i]}; HRP needs positive variances`, { index: i });
    }
  }
  const w = new Float64Array(n).fill(1);
  const clusterVariance = (items: readonly number[]) => {
    const inverse = items.map((i) => 1 / cov[i * n + i]!);
    const total = inverse.reduce((s, x) => s + x, 0);
    const weights = inverse.map((x) => x / total);
    let variance = 0;
    for (let a = 0; a < items.length; a++) {
      let row = 0;
      for (let b = 0; b < items.length; b++) row += cov[items[a]! * n + items[b]!]! * weights[b]!;
      variance += weights[a]! * row;
    }
    return variance;
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
      const v1 = clusterVariance(first);
      const v2 = clusterVariance(second);
      const alpha = 1 - v1 / (v1 + v2);
      for (const i of first) w[i] = w[i]! * alpha;
      for (const i of second) w[i] = w[i]! * (1 - alpha);
    }
    clusters = next;
  }
  return w;
}
