/**
 * Single-linkage hierarchical clustering in O(n²), with scipy's `linkage(y, "single")` output.
 */
import { InputError } from "../../core/errors";

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
  if (!Number.isInteger(n) || n < 1 || distance.length !== n * n) {
    throw new InputError("NOT_SQUARE", `${caller}: distance has ${distance.length} values for n = ${n}; pass a row-major n × n matrix`, {
      n,
      length: distance.length,
    });
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = distance[i * n + j]!;
      if (!Number.isFinite(d)) {
        throw new InputError("NON_FINITE_DISTANCE", `${caller}: distance(${i}, ${j}) is ${d}; every distance must be finite`, { i, j });
      }
    }
  }
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
  // Stable sort by length (numpy's mergesort), then union–find labels.
  const order = Array.from({ length: n - 1 }, (_, k) => k).sort((a, b) => length[a]! - length[b]! || a - b);
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const size = new Float64Array(2 * n - 1).fill(1);
  const find = (v: number) => {
    let root = v;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[v] !== root) {
      const next = parent[v]!;
      parent[v] = root;
      v = next;
    }
    return root;
  };
  const values = new Float64Array(4 * (n - 1));
  let nextLabel = n;
  order.forEach((k, row) => {
    const a = find(from[k]!);
    const b = find(to[k]!);
    values[4 * row] = Math.min(a, b);
    values[4 * row + 1] = Math.max(a, b);
    values[4 * row + 2] = length[k]!;
    parent[a] = nextLabel;
    parent[b] = nextLabel;
    size[nextLabel] = size[a]! + size[b]!;
    values[4 * row + 3] = size[nextLabel]!;
    nextLabel++;
  });
  return { n, values };
}
