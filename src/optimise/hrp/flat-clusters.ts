/**
 * Flat clusters from a dendrogram: scipy's `fcluster(Z, k, "maxclust")`, and the number of clusters by the
 * two-order difference of the within-cluster dispersion (skfolio's `compute_optimal_n_clusters`).
 */
import { InputError, roundHalfEven } from "../../core/index";
import type { LinkageMatrix } from "./single-linkage";

/**
 * The cluster of each item when the dendrogram is cut into at most `maxClusters` flat clusters, as scipy's
 * `fcluster(Z, maxClusters, criterion="maxclust") − 1`: the lowest cut height among the merge heights that leaves
 * at most `maxClusters` clusters (merges at a tied height go together, so there may be fewer), clusters numbered
 * 0, 1, … in scipy's order (a depth-first walk that numbers a merge's leaf children after its subtrees).
 * This is current scipy's rule; scipy before 1.11 never cut below the lowest merge, so it differs when every item
 * would be alone or `maxClusters = n − 1`.
 *
 * @param linkage a {@link LinkageMatrix} with non-decreasing heights (every method here).
 * @param maxClusters a whole number ≥ 1.
 * @returns the cluster label of each item, length n.
 * @throws InputError BAD_CLUSTER_COUNT when `maxClusters` is not a whole number ≥ 1.
 *
 * @example
 * ```ts
 * // Points 0, 1, 5: {0, 1} merge at 1, then with 2 at 4; two clusters: {0, 1} and {2}
 * flatClusters({ n: 3, values: Float64Array.of(0, 1, 1, 2, 2, 3, 4, 3) }, 2); // => Int32Array [0, 0, 1]
 * ```
 */
export function flatClusters(linkage: LinkageMatrix, maxClusters: number): Int32Array {
  const { n, values } = linkage;
  if (!Number.isSafeInteger(maxClusters) || maxClusters < 1) {
    throw new InputError("BAD_CLUSTER_COUNT", `flatClusters: maxClusters ${maxClusters} must be a whole number ≥ 1`, { maxClusters });
  }
  const m = n - 1;
  // Number of clusters at cut height t: 1 + #(merges above t). The lowest merge height that gives ≤ maxClusters.
  let threshold = -Infinity;
  if (maxClusters < n) {
    const heights = Array.from({ length: m }, (_, r) => values[4 * r + 2]!).sort((a, b) => a - b);
    for (const h of heights) {
      let above = 0;
      for (let r = 0; r < m; r++) if (values[4 * r + 2]! > h) above++;
      if (1 + above <= maxClusters) {
        threshold = h;
        break;
      }
    }
  }
  const labels = new Int32Array(n);
  if (n === 1) return labels;
  // scipy's cluster_monocrit walk: a node's internal children (left, then right) are visited before its leaf
  // children are numbered; a node at or below the cut opens a cluster when first reached.
  const visited = new Uint8Array(2 * n - 1);
  const stack = [2 * n - 2];
  let count = 0;
  let leader = -1;
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    const row = node - n;
    const a = values[4 * row]!;
    const b = values[4 * row + 1]!;
    if (leader < 0 && values[4 * row + 2]! <= threshold) {
      leader = node;
      count++;
    }
    if (a >= n && !visited[a]) {
      visited[a] = 1;
      stack.push(a);
      continue;
    }
    if (b >= n && !visited[b]) {
      visited[b] = 1;
      stack.push(b);
      continue;
    }
    for (const leaf of [a, b]) {
      if (leaf >= n) continue;
      if (leader < 0) count++;
      labels[leaf] = count - 1;
    }
    if (leader === node) leader = -1;
    stack.pop();
  }
  return labels;
}

/**
 * The number of clusters by the two-order difference to gap statistic (Yue, Wang and Wei, 2009), as skfolio's
 * `compute_optimal_n_clusters`: for k = 1 … K clusters, K = min(n, max(8, round(√n))), the partitions of the
 * linkage after n − k merges; the dispersion W_k is the sum over clusters of two or more items of the mean distance
 * between their members; the count is the k maximising `W_{k+2} + W_k − 2·W_{k+1}` over k = 1 … K − 2, plus one.
 *
 * @param distance row-major `n × n` distances.
 * @param linkage the linkage built from them.
 * @returns the number of clusters, ≥ 2 (1 when n < 3).
 *
 * @example
 * ```ts
 * // Nine points in three tight groups around 0, 5 and 10 on a line:
 * const x = [0, 0.1, 0.2, 5, 5.1, 5.2, 10, 10.1, 10.2];
 * const D = Float64Array.from(x.flatMap((a) => x.map((b) => Math.abs(a - b))));
 * gapClusterCount(D, wardLinkage(D, 9)); // => 3
 * ```
 */
export function gapClusterCount(distance: Float64Array, linkage: LinkageMatrix): number {
  const { n, values } = linkage;
  if (n < 3) return 1;
  const maxClusters = Math.min(n, Math.max(8, roundHalfEven(Math.sqrt(n))));
  // Union–find over the merges in row order; partition after j merges.
  const partitionAfter = (merges: number): Int32Array => {
    const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
    const find = (v: number): number => {
      while (parent[v] !== v) v = parent[v]!;
      return v;
    };
    for (let r = 0; r < merges; r++) {
      parent[find(values[4 * r]!)] = n + r;
      parent[find(values[4 * r + 1]!)] = n + r;
    }
    return Int32Array.from({ length: n }, (_, i) => find(i));
  };
  const dispersion: number[] = [];
  for (let k = 0; k < maxClusters; k++) {
    const roots = partitionAfter(n - k - 1);
    const groups = new Map<number, number[]>();
    roots.forEach((root, i) => {
      const g = groups.get(root);
      if (g) g.push(i);
      else groups.set(root, [i]);
    });
    let w = 0;
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      let sum = 0;
      for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) sum += distance[members[a]! * n + members[b]!]!;
      w += sum / ((members.length * (members.length - 1)) / 2);
    }
    dispersion.push(w);
  }
  let best = 0;
  let bestGap = -Infinity;
  for (let k = 0; k + 2 < maxClusters; k++) {
    const gap = dispersion[k + 2]! + dispersion[k]! - 2 * dispersion[k + 1]!;
    if (gap > bestGap) {
      bestGap = gap;
      best = k;
    }
  }
  return best + 2;
}
