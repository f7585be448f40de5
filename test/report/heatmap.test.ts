import { describe, expect, it } from "vitest";
import { clusterOrder, heatmap } from "../../src/report/index";

// A sample covariance (ddof 1, rounded to 1e-10) of 8 series in 3 hidden groups, shuffled. Known answer from scipy 1.10:
// C/√(diag·diagᵀ) → d = √(clip((1 − ρ)/2, 0, 1)) → linkage(squareform(d), "average") → to_tree(Z).pre_order().
const cov = [
  [1.0866453657, -0.0077587771, -0.1559275493, 0.0194933486, 0.8380288507, -0.1363162637, -0.00995913, 0.7672894046],
  [-0.0077587771, 1.0588463311, 0.0703887828, 0.934951691, 0.0365404708, 0.0889263085, 0.9512275573, 0.0249711905],
  [-0.1559275493, 0.0703887828, 1.0532517716, 0.0786759649, -0.2458500721, 0.8456394256, 0.0727413612, -0.2171206398],
  [0.0194933486, 0.934951691, 0.0786759649, 1.0032047479, 0.0317334299, 0.116840706, 0.9336567977, -0.0127606913],
  [0.8380288507, 0.0365404708, -0.2458500721, 0.0317334299, 1.1383187891, -0.2173036396, 0.0364825562, 0.8195187464],
  [-0.1363162637, 0.0889263085, 0.8456394256, 0.116840706, -0.2173036396, 0.9734710984, 0.1005071987, -0.2032395348],
  [-0.00995913, 0.9512275573, 0.0727413612, 0.9336567977, 0.0364825562, 0.1005071987, 1.0227831824, -0.0160864002],
  [0.7672894046, 0.0249711905, -0.2171206398, -0.0127606913, 0.8195187464, -0.2032395348, -0.0160864002, 0.9949729466],
];
const labels = ["S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7"];
const matrix = { labels, values: Float64Array.from(cov.flat()) };

describe("clusterOrder", () => {
  it("is scipy's average-linkage dendrogram order on correlation distance", () => {
    expect(clusterOrder(matrix)).toEqual([0, 4, 7, 1, 3, 6, 2, 5]);
    expect(clusterOrder({ labels: ["A", "B", "C"], values: Float64Array.of(1, 0, 0.9, 0, 1, 0, 0.9, 0, 1) })).toEqual([1, 0, 2]);
  });
});

describe("heatmap", () => {
  it("orders rows and columns by clustering by default, the first row at the top", () => {
    const fig = heatmap("C", matrix, { zmin: -1, zmax: 1 });
    const trace = fig.data[0] as unknown as { x: string[]; y: string[]; z: number[][]; zmin: number };
    expect(trace.x).toEqual(["S0", "S4", "S7", "S1", "S3", "S6", "S2", "S5"]);
    expect(trace.y).toEqual(trace.x);
    expect(trace.z[0]![1]).toBe(cov[0]![4]);
    expect(trace.z[3]![5]).toBe(cov[1]![6]);
    expect(trace.zmin).toBe(-1);
    expect(fig.layout.yaxis?.autorange).toBe("reversed");
  });
  it("keeps the matrix's order on request", () => {
    const trace = heatmap("C", matrix, { order: "given" }).data[0] as unknown as { x: string[]; z: number[][] };
    expect(trace.x).toEqual(labels);
    expect(trace.z[2]![5]).toBe(cov[2]![5]);
  });
  it("names a matrix whose values do not fit its labels", () => {
    expect(() => heatmap("C", { labels: ["A", "B"], values: Float64Array.of(1, 2, 3) })).toThrowError(/2 labels need 4 values, got 3/);
  });
});
