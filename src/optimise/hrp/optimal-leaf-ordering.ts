/**
 * Optimal leaf ordering of a dendrogram (Bar-Joseph, Gifford and Jaakkola, 2001), as scipy's
 * `scipy.cluster.hierarchy.optimal_leaf_ordering`.
 */
import { InputError } from "../../core/index";
import { quasiDiagonalOrder } from "./quasi-diagonal-order";
import type { LinkageMatrix } from "./single-linkage";

/** scipy's initial "infinite" value, 2³⁰. */
const BIG = 1073741824;

/**
 * The linkage with the children of some merges swapped so that the dendrogram's leaf order minimises the sum of
 * distances between neighbouring leaves (the tree, the heights and the clusters are unchanged; only the left/right
 * order of each merge may flip). This is scipy's `optimal_leaf_ordering(Z, D)` — the ordering skfolio's HRP uses
 * (`leaves_list(optimal_leaf_ordering(Z, D))`) — with its arithmetic: the table of partial costs in single
 * precision, the same quicksort of its slices, and the first minimum kept on ties, so the order is the same.
 * O(n³) time at worst (pruned), O(n²) memory.
 *
 * @param linkage a {@link LinkageMatrix} (scipy layout).
 * @param distance row-major `n × n` distances (symmetric; the one the linkage was built from).
 * @returns a new linkage matrix; {@link quasiDiagonalOrder} of it is the optimal order.
 * @throws InputError when the distance matrix does not have `n × n` finite values, or the linkage is malformed.
 *
 * @example
 * ```ts
 * // Items at 1, 0, 5, 6 on a line: the tree is ((0, 1), (2, 3)); its leaf order 0, 1, 2, 3 sits at 1, 0, 5, 6
 * // (neighbours 1 + 5 + 1 apart); flipping the first pair gives 0, 1, 5, 6 (1 + 4 + 1).
 * const D = Float64Array.of(0, 1, 4, 5, 1, 0, 5, 6, 4, 5, 0, 1, 5, 6, 1, 0);
 * quasiDiagonalOrder(optimalLeafOrdering(averageLinkage(D, 4), D)); // => [1, 0, 2, 3]
 * ```
 */
export function optimalLeafOrdering(linkage: LinkageMatrix, distance: Float64Array): LinkageMatrix {
  const caller = "optimalLeafOrdering";
  const { n, values } = linkage;
  if (distance.length !== n * n) {
    throw new InputError("NOT_SQUARE", `${caller}: distance has ${distance.length} values for n = ${n}; pass the row-major n × n distance matrix`, { n });
  }
  for (let k = 0; k < distance.length; k++) {
    if (!Number.isFinite(distance[k]!)) throw new InputError("NON_FINITE_DISTANCE", `${caller}: distance entry ${k} is ${distance[k]}; every distance must be finite`, { index: k });
  }
  if (n <= 2) return { n, values: Float64Array.from(values) };
  const leaves = quasiDiagonalOrder(linkage); // checks the linkage
  const m = n - 1;
  const position = new Int32Array(n);
  leaves.forEach((leaf, p) => (position[leaf] = p));
  // The merges in sorted (leaf-position) labels: leaves become their positions, clusters keep their labels.
  const left = new Int32Array(m);
  const right = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const a = values[4 * r]!;
    const b = values[4 * r + 1]!;
    left[r] = a < n ? position[a]! : a;
    right[r] = b < n ? position[b]! : b;
  }
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D[i * n + j] = distance[leaves[i]! * n + leaves[j]!]!;
  // Each cluster is a contiguous range [lo, hi) of positions.
  const lo = new Int32Array(2 * n - 1);
  const hi = new Int32Array(2 * n - 1);
  for (let i = 0; i < n; i++) {
    lo[i] = i;
    hi[i] = i + 1;
  }
  for (let r = 0; r < m; r++) {
    lo[n + r] = lo[left[r]!]!;
    hi[n + r] = hi[right[r]!]!;
  }
  const mustSwap = identifySwaps(n, left, right, D, lo, hi);
  // A node flips when an odd number of the swaps at it and its ancestors apply.
  const parity = new Uint8Array(m);
  for (let r = m - 1; r >= 0; r--) {
    const flip = parity[r]! ^ mustSwap[r]!;
    parity[r] = flip;
    if (left[r]! >= n) parity[left[r]! - n] = parity[left[r]! - n]! ^ flip;
    if (right[r]! >= n) parity[right[r]! - n] = parity[right[r]! - n]! ^ flip;
  }
  const out = Float64Array.from(values);
  for (let r = 0; r < m; r++) {
    if (parity[r]) {
      out[4 * r] = values[4 * r + 1]!;
      out[4 * r + 1] = values[4 * r]!;
    }
  }
  return { n, values: out };
}

/** Bar-Joseph et al.'s dynamic programme over the sorted tree, in scipy's single-precision arithmetic. */
function identifySwaps(n: number, left: Int32Array, right: Int32Array, D: Float64Array, lo: Int32Array, hi: Int32Array): Uint8Array {
  const f = Math.fround;
  const m = n - 1;
  const M = new Float32Array(n * n);
  const swapL = new Uint8Array(n * n);
  const swapR = new Uint8Array(n * n);
  const mustSwap = new Uint8Array(m);
  const mVals = new Float32Array(n);
  const mIdx = new Int32Array(n);
  let kSorted = new Int32Array(n);
  let kScratch = new Float32Array(n);
  const sortSlice = (vals: Float32Array, idx: Int32Array, offset: number, from: number, to: number, column: number) => {
    for (let i = 0; i < to - from; i++) {
      vals[offset + i] = M[(from + i) * n + column]!;
      idx[offset + i] = from + i;
    }
    simultaneousSort(vals, idx, offset, to - from);
  };
  for (let r = 0; r < m; r++) {
    const vl = left[r]!;
    const vr = right[r]!;
    const uClusters = vl < n ? [vl] : [left[vl - n]!, right[vl - n]!];
    const mClusters = vl < n ? [vl] : [right[vl - n]!, left[vl - n]!];
    const wClusters = vr < n ? [vr] : [right[vr - n]!, left[vr - n]!];
    const kClusters = vr < n ? [vr] : [left[vr - n]!, right[vr - n]!];
    for (let sl = 0; sl < uClusters.length; sl++) {
      for (let sr = 0; sr < wClusters.length; sr++) {
        const [uMin, uMax] = [lo[uClusters[sl]!]!, hi[uClusters[sl]!]!];
        const [mMin, mMax] = [lo[mClusters[sl]!]!, hi[mClusters[sl]!]!];
        const [wMin, wMax] = [lo[wClusters[sr]!]!, hi[wClusters[sr]!]!];
        const [kMin, kMax] = [lo[kClusters[sr]!]!, hi[kClusters[sr]!]!];
        let minKm = BIG; // a float in scipy
        for (let a = mMin; a < mMax; a++) {
          for (let b = kMin; b < kMax; b++) {
            if (D[a * n + b]! < minKm) minKm = f(D[a * n + b]!);
          }
        }
        // M[{k}, w] does not change while this node is computed (only M[u, w] with u on the left is written), so
        // each w's slice is sorted once; scipy re-sorts it for every u, with the same result.
        const kSize = kMax - kMin;
        if (kSorted.length < (wMax - wMin) * kSize) {
          kSorted = new Int32Array((wMax - wMin) * kSize);
          kScratch = new Float32Array((wMax - wMin) * kSize);
        }
        for (let w = wMin; w < wMax; w++) sortSlice(kScratch, kSorted, (w - wMin) * kSize, kMin, kMax, w);
        for (let u = uMin; u < uMax; u++) {
          sortSlice(mVals, mIdx, 0, mMin, mMax, u);
          for (let w = wMin; w < wMax; w++) {
            const kBase = (w - wMin) * kSize;
            const uRow = u * n;
            const wRow = w * n;
            const wFirst = M[wRow + kSorted[kBase]!]!;
            let best = BIG;
            for (let mi = 0; mi < mMax - mMin; mi++) {
              const mm = mIdx[mi]!;
              const um = M[uRow + mm]!;
              if (f(f(um + wFirst) + minKm) >= best) break;
              const dRow = mm * n;
              for (let ki = 0; ki < kSize; ki++) {
                const kk = kSorted[kBase + ki]!;
                const partial = f(um + M[wRow + kk]!);
                if (f(partial + minKm) >= best) break;
                const current = f(partial + D[dRow + kk]!);
                if (current < best) best = current;
              }
            }
            M[u * n + w] = best;
            M[w * n + u] = best;
            swapL[u * n + w] = sl;
            swapL[w * n + u] = sl;
            swapR[u * n + w] = sr;
            swapR[w * n + u] = sr;
          }
        }
      }
    }
    let best = BIG;
    let bestU = 0;
    let bestW = 0;
    for (let u = lo[vl]!; u < hi[vl]!; u++) {
      for (let w = lo[vr]!; w < hi[vr]!; w++) {
        if (M[u * n + w]! < best) {
          best = M[u * n + w]!;
          bestU = u;
          bestW = w;
        }
      }
    }
    if (vl >= n) mustSwap[vl - n] = swapL[bestU * n + bestW]!;
    if (vr >= n) mustSwap[vr - n] = swapR[bestU * n + bestW]!;
  }
  return mustSwap;
}

/** scikit-learn's quicksort of values with their indices (median of three), as scipy uses it: ties keep its order. */
function simultaneousSort(dist: Float32Array, idx: Int32Array, start: number, size: number): void {
  const swap = (i: number, j: number) => {
    const d = dist[i]!;
    dist[i] = dist[j]!;
    dist[j] = d;
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  };
  for (;;) {
    if (size <= 1) return;
    const a = start;
    const last = start + size - 1;
    if (size === 2) {
      if (dist[a]! > dist[a + 1]!) swap(a, a + 1);
      return;
    }
    if (size === 3) {
      if (dist[a]! > dist[a + 1]!) swap(a, a + 1);
      if (dist[a + 1]! > dist[a + 2]!) {
        swap(a + 1, a + 2);
        if (dist[a]! > dist[a + 1]!) swap(a, a + 1);
      }
      return;
    }
    const mid = a + (size >> 1);
    if (dist[a]! > dist[last]!) swap(a, last);
    if (dist[last]! > dist[mid]!) {
      swap(last, mid);
      if (dist[a]! > dist[last]!) swap(a, last);
    }
    const pivotValue = dist[last]!;
    let store = a;
    for (let i = a; i < last; i++) {
      if (dist[i]! < pivotValue) {
        swap(i, store);
        store++;
      }
    }
    swap(store, last);
    const pivot = store - a;
    if (pivot > 1) simultaneousSort(dist, idx, a, pivot);
    if (pivot + 2 >= size) return;
    start = store + 1; // the right part, as a loop instead of a second recursive call
    size = size - pivot - 1;
  }
}
