import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { singleLinkage } from "../../../src/optimise/hrp/single-linkage";
import { seededRandom } from "../helpers/random";

/** Reference single linkage: naive O(n³) agglomeration with the nearest pair of clusters. */
function naiveHeights(distance: Float64Array, n: number): number[] {
  const clusters = Array.from({ length: n }, (_, i) => [i]);
  const heights: number[] = [];
  while (clusters.length > 1) {
    let best = Infinity;
    let pair = [0, 1];
    for (let a = 0; a < clusters.length; a++)
      for (let b = a + 1; b < clusters.length; b++)
        for (const i of clusters[a]!) for (const j of clusters[b]!) if (distance[i * n + j]! < best) [best, pair] = [distance[i * n + j]!, [a, b]];
    heights.push(best);
    clusters[pair[0]!] = [...clusters[pair[0]!]!, ...clusters[pair[1]!]!];
    clusters.splice(pair[1]!, 1);
  }
  return heights;
}

describe("singleLinkage", () => {
  it("clusters points on a line (the TSDoc example)", () => {
    expect(Array.from(singleLinkage(Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0), 3).values)).toEqual([0, 1, 1, 2, 2, 3, 4, 3]);
  });

  it("labels merged clusters n, n + 1, … with the smaller label first, as scipy", () => {
    // 4 points: {0, 3} at 1, {1, 2} at 2, then both at 3.
    const d = Float64Array.of(0, 4, 5, 1, 4, 0, 2, 3, 5, 2, 0, 6, 1, 3, 6, 0);
    expect(Array.from(singleLinkage(d, 4).values)).toEqual([0, 3, 1, 2, 1, 2, 2, 2, 4, 5, 3, 4]);
  });

  it("has the merge heights of naive agglomeration on random points", () => {
    const n = 40;
    const random = seededRandom(40);
    const points = Array.from({ length: n }, () => [random(), random()]);
    const d = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i * n + j] = Math.hypot(points[i]![0]! - points[j]![0]!, points[i]![1]! - points[j]![1]!);
    const heights = Array.from({ length: n - 1 }, (_, k) => singleLinkage(d, n).values[4 * k + 2]!);
    expect(heights).toEqual(naiveHeights(d, n));
    const sizes = singleLinkage(d, n).values;
    expect(sizes[4 * (n - 2) + 3]).toBe(n);
  });

  it("handles a single item and throws InputError for bad input", () => {
    expect(singleLinkage(Float64Array.of(0), 1).values.length).toBe(0);
    expect(() => singleLinkage(new Float64Array(3), 2)).toThrow(InputError);
    expect(() => singleLinkage(Float64Array.of(0, NaN, NaN, 0), 2)).toThrow(/distance\(0, 1\) is NaN/);
  });
});
