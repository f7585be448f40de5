import { describe, expect, it } from "vitest";
import { boundRows } from "../../src/optim/bound-rows";

describe("boundRows", () => {
  it("writes the finite bounds as rows over the working variables (the TSDoc example)", () => {
    const { A, b } = boundRows([1], Float64Array.of(0, 0.1), Float64Array.of(1, 0.5));
    expect(Array.from(A)).toEqual([1, -1]);
    expect(Array.from(b)).toEqual([0.5, -0.1]);
  });

  it("skips infinite bounds and keeps the order of the working set, upper before lower", () => {
    const lower = Float64Array.of(-Infinity, 0, 0.2);
    const upper = Float64Array.of(2, Infinity, 0.3);
    const { A, b } = boundRows([2, 0, 1], lower, upper);
    // Rows: x₂ ≤ 0.3, −x₂ ≤ −0.2, x₀ ≤ 2, −x₁ ≤ 0 (columns in the order 2, 0, 1).
    expect(Array.from(A)).toEqual([1, 0, 0, -1, 0, 0, 0, 1, 0, 0, 0, -1]);
    expect(Array.from(b)).toEqual([0.3, -0.2, 2, -0]);
  });

  it("gives no rows when nothing is bounded", () => {
    const { A, b } = boundRows([0], Float64Array.of(-Infinity), Float64Array.of(Infinity));
    expect(A.length + b.length).toBe(0);
  });
});
