/**
 * Training a set of trees of a forest, the same code in the main thread and in worker threads.
 * Tree `t` draws from its own stream `deriveSeed(seed, "tree:t")`, so a forest is the same
 * whichever thread grows which tree.
 */
import { createRng, deriveSeed } from "../../core/index";
import { growRegressionTree, type TreeArrays, type TreeLimits } from "./regression-tree";

/** The training data of a forest, column-major. */
export interface ForestData {
  readonly columns: readonly Float64Array[];
  readonly y: Float64Array;
  /** `presort(columns)`. */
  readonly order: readonly Int32Array[];
}

/** How each tree is grown. */
export interface ForestPlan {
  readonly limits: TreeLimits;
  readonly seed: number;
  /** Draw a bootstrap sample (with replacement) per tree; else every row once. */
  readonly bootstrap: boolean;
  /** Rows drawn per bootstrap sample, as a fraction of the rows (0 < f ≤ 1). */
  readonly maxSamples: number;
}

/**
 * Bootstrap counts of one tree: `round(maxSamples · n)` draws with replacement (or all ones).
 *
 * @example
 * ```ts
 * bootstrapCounts(3, { bootstrap: false, maxSamples: 1 } as ForestPlan, createRng(1)); // => Float64Array [1, 1, 1]
 * ```
 */
export function bootstrapCounts(n: number, plan: Pick<ForestPlan, "bootstrap" | "maxSamples">, rng: ReturnType<typeof createRng>): Float64Array {
  const counts = new Float64Array(n);
  if (!plan.bootstrap) return counts.fill(1);
  const draws = Math.max(1, Math.round(plan.maxSamples * n));
  for (let k = 0; k < draws; k++) counts[Math.floor(rng.next() * n)]!++;
  return counts;
}

/**
 * Grows the trees with the given indices.
 *
 * @param onTree called after each tree with its index and arrays.
 * @example
 * ```ts
 * const trees = trainTrees(data, plan, [0, 1, 2]);
 * ```
 */
export function trainTrees(data: ForestData, plan: ForestPlan, treeIndices: readonly number[], onTree?: (t: number, tree: TreeArrays) => void): TreeArrays[] {
  return treeIndices.map((t) => {
    const rng = createRng(deriveSeed(plan.seed, `tree:${t}`));
    const counts = bootstrapCounts(data.y.length, plan, rng);
    const tree = growRegressionTree(data.columns, data.y, data.order, counts, plan.limits, rng);
    onTree?.(t, tree);
    return tree;
  });
}
