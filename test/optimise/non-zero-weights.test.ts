import { describe, expect, it } from "vitest";
import { nonZeroWeights } from "../../src/optimise/non-zero-weights";

describe("nonZeroWeights", () => {
  it("keeps weights at or above the threshold, largest first by absolute value", () => {
    const w = nonZeroWeights({ labels: ["A", "B", "C", "D"], values: Float64Array.from([0.3, 1e-9, 0.9, -0.2]) });
    expect(w.labels).toEqual(["C", "A", "D"]);
    expect(Array.from(w.values)).toEqual([0.9, 0.3, -0.2]);
  });
  it("names a non-finite weight", () => {
    expect(() => nonZeroWeights({ labels: ["A", "B"], values: Float64Array.from([0.5, NaN]) })).toThrowError(/weight of B is NaN/);
  });
});
