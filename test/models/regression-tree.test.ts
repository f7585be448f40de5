import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/random";
import { forest } from "../../src/models/index";

const { growRegressionTree, predictTree, presort, treeImportance } = forest;
const limits = { maxDepth: Infinity, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: 1 };

describe("growRegressionTree", () => {
  it("splits a step function at the midpoint between the two groups", () => {
    const x = Float64Array.of(1, 2, 3, 10, 11, 12);
    const y = Float64Array.of(0, 0, 0, 5, 5, 5);
    const tree = growRegressionTree([x], y, presort([x]), new Float64Array(6).fill(1), limits, createRng(1));
    expect(tree.left.length).toBe(3);
    expect(tree.feature[0]).toBe(0);
    expect(tree.threshold[0]).toBe(6.5);
    expect(predictTree(tree, [Float64Array.of(4)], 0)).toBe(0);
    expect(predictTree(tree, [Float64Array.of(9)], 0)).toBe(5);
    expect(Array.from(treeImportance(tree, 1))).toEqual([1]);
  });

  it("weights rows by their bootstrap counts and leaves out-of-bag rows alone", () => {
    const x = Float64Array.of(1, 2, 3, 4);
    const y = Float64Array.of(1, 1, 3, 100);
    const counts = Float64Array.of(2, 1, 1, 0); // row 3 is out of bag
    const tree = growRegressionTree([x], y, presort([x]), counts, { ...limits, maxDepth: 0 }, createRng(1));
    expect(tree.value[0]).toBeCloseTo((2 * 1 + 1 + 3) / 4, 14);
    expect(tree.weight[0]).toBe(4);
  });

  it("respects minSamplesLeaf and maxDepth", () => {
    const rng = createRng(3);
    const x = Float64Array.from({ length: 200 }, () => rng.normal());
    const y = x.map((v) => v * v + 0.1 * rng.normal());
    const tree = growRegressionTree([x], y, presort([x]), new Float64Array(200).fill(1), { ...limits, minSamplesLeaf: 30, maxDepth: 3 }, rng);
    // count leaf sizes by routing the training rows
    const sizes = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      let node = 0;
      while (tree.left[node]! >= 0) node = x[i]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
      sizes.set(node, (sizes.get(node) ?? 0) + 1);
    }
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(30);
    expect(sizes.size).toBeLessThanOrEqual(8);
  });

  it("makes a leaf of a constant label or constant features", () => {
    const x = Float64Array.of(1, 1, 1);
    expect(growRegressionTree([x], Float64Array.of(1, 2, 3), presort([x]), new Float64Array(3).fill(1), limits, createRng(1)).left.length).toBe(1);
    const z = Float64Array.of(1, 2, 3);
    expect(growRegressionTree([z], Float64Array.of(4, 4, 4), presort([z]), new Float64Array(3).fill(1), limits, createRng(1)).left.length).toBe(1);
  });
});
