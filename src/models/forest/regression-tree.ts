/**
 * One CART regression tree on column-major `Float64Array` data: presorted exact splits on the
 * mean-squared-error criterion, bootstrap weights, `maxFeatures` features tried per split,
 * `minSamplesLeaf`, `maxDepth`. The hot loop of the random forest; it imports nothing at run time
 * so that worker threads load it quickly.
 *
 * A binary classifier is the same tree on 0/1 labels: for two classes the variance p(1 − p) is half
 * the Gini impurity, so the splits are Gini's and the leaf mean is the class-1 probability.
 */
import type { Rng } from "../../core/index";

/**
 * A fitted tree as flat arrays indexed by node (node 0 is the root). A leaf has `left = −1`.
 * Rows go left when `x[feature] <= threshold`.
 *
 * @example
 * ```ts
 * const stump: TreeArrays = { feature: Int32Array.of(0, -1, -1), threshold: Float64Array.of(0.5, 0, 0),
 *   left: Int32Array.of(1, -1, -1), right: Int32Array.of(2, -1, -1), value: Float64Array.of(0.5, 0, 1),
 *   weight: Float64Array.of(4, 2, 2), impurity: Float64Array.of(0.25, 0, 0) };
 * predictTree(stump, [Float64Array.of(0.9)], 0); // => 1
 * ```
 */
export interface TreeArrays {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Weighted mean label of the node's training rows. */
  readonly value: Float64Array;
  /** Weighted number of training rows (bootstrap counts) in the node. */
  readonly weight: Float64Array;
  /** Weighted variance of the labels in the node. */
  readonly impurity: Float64Array;
}

/** Growth limits of one tree (resolved: every field set). */
export interface TreeLimits {
  /** Deepest level (root = 0); `Infinity` for none. */
  readonly maxDepth: number;
  /** A node with fewer distinct rows is a leaf. */
  readonly minSamplesSplit: number;
  /** Each child keeps at least this many distinct rows. */
  readonly minSamplesLeaf: number;
  /** Features tried per split (1 … nFeatures). */
  readonly maxFeatures: number;
}

/**
 * Row order of each column, ascending by value (ties by row), computed once per forest.
 *
 * @example
 * ```ts
 * presort([Float64Array.of(3, 1, 2)]); // => [Int32Array [1, 2, 0]]
 * ```
 */
export function presort(columns: readonly Float64Array[]): Int32Array[] {
  return columns.map((c) => {
    const order = new Int32Array(c.length);
    for (let i = 0; i < c.length; i++) order[i] = i;
    order.sort((a, b) => c[a]! - c[b]! || a - b);
    return order;
  });
}

/** Splits closer than this are treated as ties (as scikit-learn's FEATURE_THRESHOLD). */
const FEATURE_THRESHOLD = 1e-7;

/**
 * Grows one regression tree.
 *
 * @param columns feature columns, each of length `nRows`.
 * @param y labels, length `nRows`.
 * @param order `presort(columns)`.
 * @param counts bootstrap count of each row (0 = out of bag), length `nRows`.
 * @param limits growth limits.
 * @param rng draws the features tried at each split.
 * @returns the tree's arrays, trimmed to its node count.
 * @example
 * ```ts
 * const tree = growRegressionTree([x], y, presort([x]), new Float64Array(n).fill(1), limits, createRng(1));
 * ```
 */
export function growRegressionTree(
  columns: readonly Float64Array[],
  y: Float64Array,
  order: readonly Int32Array[],
  counts: Float64Array,
  limits: TreeLimits,
  rng: Rng,
): TreeArrays {
  const nFeatures = columns.length;
  const nRows = y.length;
  // In-bag rows of each feature, in sorted order: segment of feature f at [f*m, (f+1)*m).
  let m = 0;
  for (let i = 0; i < nRows; i++) if (counts[i]! > 0) m++;
  const idx = new Int32Array(nFeatures * m);
  for (let f = 0; f < nFeatures; f++) {
    const o = order[f]!;
    let p = f * m;
    for (let k = 0; k < nRows; k++) {
      const i = o[k]!;
      if (counts[i]! > 0) idx[p++] = i;
    }
  }
  const capacity = Math.max(1, 2 * m - 1);
  const feature = new Int32Array(capacity).fill(-1);
  const threshold = new Float64Array(capacity);
  const left = new Int32Array(capacity).fill(-1);
  const right = new Int32Array(capacity).fill(-1);
  const value = new Float64Array(capacity);
  const weight = new Float64Array(capacity);
  const impurity = new Float64Array(capacity);
  const goesLeft = new Uint8Array(nRows);
  const buffer = new Int32Array(m);
  const features = new Int32Array(nFeatures);
  for (let f = 0; f < nFeatures; f++) features[f] = f;

  // Explicit stack of nodes: id, start, end, depth.
  const stack: number[] = [0, 0, m, 0];
  let nodeCount = 1;
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    const node = stack.pop()!;
    let w = 0;
    let s = 0;
    let q = 0;
    for (let p = start; p < end; p++) {
      const i = idx[p]!;
      const c = counts[i]!;
      const v = y[i]!;
      w += c;
      s += c * v;
      q += c * v * v;
    }
    const mean = s / w;
    const nodeImpurity = Math.max(0, q / w - mean * mean);
    value[node] = mean;
    weight[node] = w;
    impurity[node] = nodeImpurity;
    const n = end - start;
    if (n < limits.minSamplesSplit || n < 2 * limits.minSamplesLeaf || depth >= limits.maxDepth || nodeImpurity <= 1e-14 * Math.max(1, mean * mean)) continue;

    // Try features in random order until maxFeatures non-constant ones were evaluated.
    let bestProxy = -Infinity;
    let bestFeature = -1;
    let bestPos = -1;
    let bestThreshold = 0;
    let visited = 0;
    for (let k = 0; k < nFeatures && visited < limits.maxFeatures; k++) {
      const r = k + Math.floor(rng.next() * (nFeatures - k));
      const f = features[r]!;
      features[r] = features[k]!;
      features[k] = f;
      const base = f * m;
      const x = columns[f]!;
      if (x[idx[base + end - 1]!]! <= x[idx[base + start]!]! + FEATURE_THRESHOLD) continue; // constant in this node
      visited++;
      let wl = 0;
      let sl = 0;
      const lastLeft = end - limits.minSamplesLeaf; // left part may end at most here (exclusive index of right start)
      for (let p = start; p < end - 1; p++) {
        const i = idx[base + p]!;
        const c = counts[i]!;
        wl += c;
        sl += c * y[i]!;
        if (p + 1 - start < limits.minSamplesLeaf) continue;
        if (p + 1 > lastLeft) break;
        const xv = x[i]!;
        const xn = x[idx[base + p + 1]!]!;
        if (xn <= xv + FEATURE_THRESHOLD) continue;
        const wr = w - wl;
        const sr = s - sl;
        const proxy = (sl * sl) / wl + (sr * sr) / wr;
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestFeature = f;
          bestPos = p + 1;
          let t = xv / 2 + xn / 2;
          if (t >= xn || !Number.isFinite(t)) t = xv;
          bestThreshold = t;
        }
      }
    }
    if (bestFeature < 0 || bestProxy <= (s * s) / w + 1e-12 * Math.abs((s * s) / w)) continue;

    // Mark rows going left, then partition every feature's segment stably.
    const base = bestFeature * m;
    for (let p = start; p < end; p++) goesLeft[idx[base + p]!] = p < bestPos ? 1 : 0;
    for (let f = 0; f < nFeatures; f++) {
      if (f === bestFeature) continue;
      const b = f * m;
      let l = b + start;
      let rCount = 0;
      for (let p = b + start; p < b + end; p++) {
        const i = idx[p]!;
        if (goesLeft[i] === 1) idx[l++] = i;
        else buffer[rCount++] = i;
      }
      for (let k = 0; k < rCount; k++) idx[l + k] = buffer[k]!;
    }
    const leftId = nodeCount++;
    const rightId = nodeCount++;
    feature[node] = bestFeature;
    threshold[node] = bestThreshold;
    left[node] = leftId;
    right[node] = rightId;
    stack.push(rightId, bestPos, end, depth + 1, leftId, start, bestPos, depth + 1);
  }
  return {
    feature: feature.slice(0, nodeCount),
    threshold: threshold.slice(0, nodeCount),
    left: left.slice(0, nodeCount),
    right: right.slice(0, nodeCount),
    value: value.slice(0, nodeCount),
    weight: weight.slice(0, nodeCount),
    impurity: impurity.slice(0, nodeCount),
  };
}

/**
 * The tree's prediction for row `row` of the columns.
 *
 * @example
 * ```ts
 * predictTree(tree, columns, 0); // => 0.031
 * ```
 */
export function predictTree(tree: TreeArrays, columns: readonly Float64Array[], row: number): number {
  let node = 0;
  while (tree.left[node]! >= 0) {
    node = columns[tree.feature[node]!]![row]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  }
  return tree.value[node]!;
}

/**
 * Impurity-based (mean decrease in impurity) importance of each feature in one tree, normalised
 * to sum to 1 (all zeros for a single-leaf tree), as scikit-learn's `feature_importances_` per tree.
 *
 * @example
 * ```ts
 * treeImportance(stump, 1); // => Float64Array [1]
 * ```
 */
export function treeImportance(tree: TreeArrays, nFeatures: number): Float64Array {
  const out = new Float64Array(nFeatures);
  for (let node = 0; node < tree.left.length; node++) {
    const l = tree.left[node]!;
    if (l < 0) continue;
    const r = tree.right[node]!;
    out[tree.feature[node]!]! +=
      tree.weight[node]! * tree.impurity[node]! - tree.weight[l]! * tree.impurity[l]! - tree.weight[r]! * tree.impurity[r]!;
  }
  let total = 0;
  for (let f = 0; f < nFeatures; f++) total += out[f]!;
  if (total > 0) for (let f = 0; f < nFeatures; f++) out[f]! /= total;
  return out;
}
