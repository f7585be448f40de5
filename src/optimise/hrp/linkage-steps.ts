/**
 * The two steps every linkage method here shares with scipy: reading the distance matrix, and turning the merges
 * found into scipy's linkage matrix.
 */
import { InputError } from "../../core/index";
import type { LinkageMatrix } from "./single-linkage";

/**
 * Checks a row-major `n × n` distance matrix and returns its upper triangle in scipy's condensed order
 * (`squareform`): entry (i, j), i < j, at `n·i − i(i + 1)/2 + (j − i − 1)`. Only the upper triangle is read.
 *
 * @param distance row-major `n × n` distances (not modified).
 * @param n number of items (≥ 1).
 * @param caller the public function name used to prefix error messages.
 * @returns a new condensed array of length `n(n − 1)/2`.
 * @throws InputError NOT_SQUARE when the length is not `n × n`; NON_FINITE_DISTANCE naming the first bad entry.
 *
 * @example
 * ```ts
 * condensedDistances(Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0), 3, "f"); // => Float64Array [1, 5, 4]
 * ```
 */
export function condensedDistances(distance: Float64Array, n: number, caller: string): Float64Array {
  if (!Number.isInteger(n) || n < 1 || distance.length !== n * n) {
    throw new InputError("NOT_SQUARE", `${caller}: distance has ${distance.length} values for n = ${n}; pass a row-major n × n matrix`, {
      n,
      length: distance.length,
    });
  }
  const D = new Float64Array((n * (n - 1)) / 2);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      const d = distance[i * n + j]!;
      if (!Number.isFinite(d)) {
        throw new InputError("NON_FINITE_DISTANCE", `${caller}: distance(${i}, ${j}) is ${d}; every distance must be finite`, { i, j });
      }
      D[k] = d;
    }
  }
  return D;
}

/**
 * scipy's last step of `linkage`: the merges as found (item `from[k]` joined with item `to[k]` at `height[k]`) are
 * sorted by height, stably (numpy's mergesort), and relabelled with union–find so that the cluster made by the r-th
 * merge is `n + r`; each row is `[smaller id, larger id, height, size]`.
 *
 * @param n number of items.
 * @param from one item of each merge (any item of the first cluster), length `n − 1`.
 * @param to one item of the other cluster, length `n − 1`.
 * @param height the merge distances, length `n − 1`.
 * @returns the linkage matrix, scipy layout.
 *
 * @example
 * ```ts
 * labelMerges(3, Int32Array.of(0, 1), Int32Array.of(1, 2), Float64Array.of(1, 4)).values;
 * // => Float64Array [0, 1, 1, 2, 2, 3, 4, 3]
 * ```
 */
export function labelMerges(n: number, from: Int32Array, to: Int32Array, height: Float64Array): LinkageMatrix {
  const order = Array.from({ length: Math.max(0, n - 1) }, (_, k) => k).sort((a, b) => height[a]! - height[b]! || a - b);
  const parent = new Int32Array(Math.max(1, 2 * n - 1));
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const size = new Float64Array(parent.length).fill(1);
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
  const values = new Float64Array(4 * Math.max(0, n - 1));
  order.forEach((k, row) => {
    const a = find(from[k]!);
    const b = find(to[k]!);
    const label = n + row;
    values[4 * row] = Math.min(a, b);
    values[4 * row + 1] = Math.max(a, b);
    values[4 * row + 2] = height[k]!;
    parent[a] = label;
    parent[b] = label;
    size[label] = size[a]! + size[b]!;
    values[4 * row + 3] = size[label]!;
  });
  return { n, values };
}
