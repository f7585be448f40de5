import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { flatClusters, gapClusterCount } from "../../../src/optimise/hrp/flat-clusters";
import { wardLinkage } from "../../../src/optimise/hrp/lance-williams-linkage";
import { hierarchicalExpected, LINKAGES } from "./hierarchical-fixture";

describe("flatClusters", () => {
  it("equals scipy's fcluster(Z, k, 'maxclust') − 1, numbering included, on the seeded cases", () => {
    let checked = 0;
    for (const c of hierarchicalExpected.olo) {
      for (const [k, labels] of Object.entries(c.fcluster)) {
        expect(Array.from(flatClusters({ n: c.n, values: Float64Array.from(c.linkage) }, Number(k)))).toEqual(labels);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("cuts the TSDoc example into {0, 1} and {2}; every item alone when k ≥ n; one cluster for k = 1", () => {
    const Z = { n: 3, values: Float64Array.of(0, 1, 1, 2, 2, 3, 4, 3) };
    expect(Array.from(flatClusters(Z, 2))).toEqual([0, 0, 1]);
    expect(Array.from(flatClusters(Z, 3))).toEqual([0, 1, 2]);
    expect(Array.from(flatClusters(Z, 1))).toEqual([0, 0, 0]);
  });

  it("merges tied heights together (fewer clusters than asked)", () => {
    // Four items: {0,1} and {2,3} both at height 1, then all at 2; three clusters are asked, two come out.
    const Z = { n: 4, values: Float64Array.of(0, 1, 1, 2, 2, 3, 1, 2, 4, 5, 2, 4) };
    expect(Array.from(flatClusters(Z, 3))).toEqual([0, 0, 1, 1]);
  });

  it("rejects a count that is not a whole number ≥ 1", () => {
    const Z = { n: 3, values: Float64Array.of(0, 1, 1, 2, 2, 3, 4, 3) };
    expect(() => flatClusters(Z, 0)).toThrow(InputError);
    expect(() => flatClusters(Z, 1.5)).toThrow(/whole number/);
  });
});

describe("gapClusterCount", () => {
  it("equals skfolio's compute_optimal_n_clusters (written out with scipy's cut_tree) on the seeded cases", () => {
    for (const c of hierarchicalExpected.gap) {
      const D = Float64Array.from(c.distance);
      expect(gapClusterCount(D, LINKAGES[c.method]!(D, c.n))).toBe(c.count);
    }
  });

  it("finds three groups of points on a line (the TSDoc example) and five in another", () => {
    const count = (x: number[]) => {
      const D = Float64Array.from(x.flatMap((a) => x.map((b) => Math.abs(a - b))));
      return gapClusterCount(D, wardLinkage(D, x.length));
    };
    expect(count([0, 0.1, 0.2, 5, 5.1, 5.2, 10, 10.1, 10.2])).toBe(3);
    expect(count([0, 1, 10, 11, 20, 21, 30, 31, 40, 41])).toBe(5);
  });
});
