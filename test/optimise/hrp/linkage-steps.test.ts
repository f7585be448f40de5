import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { condensedDistances, labelMerges } from "../../../src/optimise/hrp/linkage-steps";

describe("condensedDistances", () => {
  it("reads the upper triangle in scipy's squareform order (the TSDoc example)", () => {
    expect(Array.from(condensedDistances(Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0), 3, "f"))).toEqual([1, 5, 4]);
    expect(condensedDistances(Float64Array.of(0), 1, "f").length).toBe(0);
  });

  it("names the caller and the bad entry", () => {
    expect(() => condensedDistances(Float64Array.of(0, 1, 1), 2, "myLinkage")).toThrow(/myLinkage: distance has 3 values for n = 2/);
    expect(() => condensedDistances(Float64Array.of(0, NaN, NaN, 0), 2, "myLinkage")).toThrow(/myLinkage: distance\(0, 1\) is NaN/);
    expect(() => condensedDistances(Float64Array.of(0, 1, 1, 0), 0, "f")).toThrow(InputError);
  });
});

describe("labelMerges", () => {
  it("sorts the merges by height and numbers the new clusters n, n + 1, … (the TSDoc example)", () => {
    expect(Array.from(labelMerges(3, Int32Array.of(0, 1), Int32Array.of(1, 2), Float64Array.of(1, 4)).values)).toEqual([0, 1, 1, 2, 2, 3, 4, 3]);
  });

  it("relabels merges found out of order, keeping equal heights in the order found", () => {
    // Found: {2,3} at 3, then {0,1} at 1, then everything at 3 (a tie with the first).
    const m = labelMerges(4, Int32Array.of(2, 0, 1), Int32Array.of(3, 1, 3), Float64Array.of(3, 1, 3));
    expect(Array.from(m.values)).toEqual([0, 1, 1, 2, 2, 3, 3, 2, 4, 5, 3, 4]);
  });

  it("gives an empty matrix for one item", () => {
    expect(labelMerges(1, new Int32Array(0), new Int32Array(0), new Float64Array(0)).values.length).toBe(0);
  });
});
