import { describe, expect, it } from "vitest";
import { matrix } from "../../src/core/matrix";

const cov = matrix({ labels: ["A", "B", "C"], values: Float64Array.from([0.04, 0.01, 0, 0.01, 0.09, 0.02, 0, 0.02, 0.16]) }, "number");

describe("Matrix", () => {
  it("reads entries, the diagonal, a row and a sub-matrix by label", () => {
    expect(cov.get("B", "C")).toBe(0.02);
    expect(cov.diagonal().map(Math.sqrt).values).toEqual(Float64Array.from([0.2, 0.3, 0.4]));
    expect(cov.row("A").get("B")).toBe(0.01);
    expect(cov.pick(["C", "A"]).values).toEqual(Float64Array.from([0.16, 0, 0, 0.04]));
    expect(() => cov.get("Z", "A")).toThrow(/no label Z/);
  });
  it("rejects a shape that is not square", () => {
    expect(() => matrix({ labels: ["A", "B"], values: Float64Array.from([1, 2, 3]) })).toThrow(/2 labels need 4 values, got 3/);
  });
});
