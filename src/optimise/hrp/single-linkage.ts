/**
 * Single-linkage hierarchical clustering in O(n²), with scipy's `linkage(y, "single")` output.
 */
import { condensedDistances, labelMerges } from "./linkage-steps";

/**
 * A linkage matrix in scipy's layout: `n − 1` merges, row-major `(n − 1) × 4`; row `k` is
 * `[cluster a, cluster b, distance, size]` with `a < b`, where clusters `0…n−1` are the original items and
 * cluster `n + k` is the one formed at row `k`. Rows are in increasing distance.
 */
export interface LinkageMatrix {
  /** Number of clustered items. */
  readonly n: number;
  /** Row-major `(n − 1) × 4` values, as `scipy.cluster.hierarchy.linkage`. */
  readonly values: Float64Array;
}

/** A clustering method: a symmetric `n × n` distance matrix (row-major) in, a {@link LinkageMatrix} out. */
export type LinkageMethod = (distance: Float64Array, n: number) => LinkageMatrix;

/**
 * Single-linkage (nearest-neighbour) agglomerative clustering of `n` items from their distance matrix, in
 * O(n²) time and O(n) extra memory: Prim's minimum spanning tree, then the tree's edges sorted by length
 * (stable) and labelled with a union–find — the algorithm and tie-breaking of scipy's
 * `linkage(squareform(D), "single")` (`mst_single_linkage`), so orders and labels match it.
 *
 * Only the upper triangle (`i < j`) is read, as `squareform(D, checks=False)` does.
 *
 * @param distance row-major `n × n` distances (finite, ≥ 0).
 * @param n number of items, ≥ 1.
 * @returns the {@link LinkageMatrix}.
 * @throws InputError when the shape is wrong or a distance is not finite.
 *
 * @example
 * ```ts
 * // Points 0, 1, 5 on a line: {0,1} merge at 1, then {0,1} with 2 at 4 (single linkage: nearest pair)
 * singleLinkage(Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0), 3).values;
 * // => Float64Array [0, 1, 1, 2, 2, 3, 4, 3]
 * ```
 */
export function singleLinkage(distance: Float64Array, n: number): LinkageMatrix {
  const caller = "singleLinkage";
  condensedDistances(distance, n, caller); // checks the shape and every distance
  // Prim's algorithm, exactly as scipy: from the last merged item x, relax D and pick the nearest unmerged y.
  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  const length = new Float64Array(n - 1);
  const merged = new Uint8Array(n);
  const D = new Float64Array(n).fill(Infinity);
  let x = 0;
  for (let k = 0; k < n - 1; k++) {
    let currentMin = Infinity;
    let y = 0;
    merged[x] = 1;
    for (let i = 0; i < n; i++) {
      if (merged[i]) continue;
      const d = x < i ? distance[x * n + i]! : distance[i * n + x]!;
      if (D[i]! > d) D[i] = d;
      if (D[i]! < currentMin) {
        y = i;
        currentMin = D[i]!;
      }
    }
    from[k] = x;
    to[k] = y;
    length[k] = currentMin;
    x = y;
  }
  return labelMerges(n, from, to, length);
}
