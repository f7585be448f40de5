import { describe, expect, it } from "vitest";
import { checkViewMatrices } from "../../../src/moments/black-litterman/view-matrices";

describe("checkViewMatrices", () => {
  it("copies P and Q row-major and names the views", () => {
    const checked = checkViewMatrices([[1, 0], [0.5, -0.5]], [0.1, 0.02], 2, "f", ["A", "A − B"]);
    expect(checked.k).toBe(2);
    expect(Array.from(checked.p)).toEqual([1, 0, 0.5, -0.5]);
    expect(Array.from(checked.q)).toEqual([0.1, 0.02]);
    expect(checked.names).toEqual(["A", "A − B"]);
    expect(checkViewMatrices([[1, 0]], [0.1], 2, "f").names).toEqual(["view 1"]);
  });

  it("throws InputError naming the mismatch and the view", () => {
    expect(() => checkViewMatrices([[1, 0]], [0.1, 0.2], 2, "f")).toThrow(/f: P has 1 row but Q has 2 views/);
    expect(() => checkViewMatrices([[1, NaN]], [0.1], 2, "f")).toThrow(/P\[1\]\[2\] \(view 1\) is NaN/);
    expect(() => checkViewMatrices([[1, 0]], [Infinity], 2, "f")).toThrow(/Q\[1\] \(view 1\) is Infinity/);
  });
});
