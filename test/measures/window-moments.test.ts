import { describe, expect, it } from "vitest";
import { windowMean, windowStandardDeviation } from "../../src/measures/window-moments";

describe("windowMean", () => {
  it("averages values[start … end] inclusive (known answers)", () => {
    expect(windowMean([1, 2, 3, 4], 1, 3)).toBe(3);
    expect(windowMean([1, 2, 3, 4], 0, 0)).toBe(1);
  });

  it("skips NaN and gives NaN for a window without a value", () => {
    expect(windowMean([1, NaN, 5], 0, 2)).toBe(3);
    expect(windowMean([NaN, NaN, 5], 0, 1)).toBeNaN();
  });
});

describe("windowStandardDeviation", () => {
  it("is the sample standard deviation (ddof 1) of the window (known answer √(32/7))", () => {
    expect(windowStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9], 0, 7)).toBeCloseTo(Math.sqrt(32 / 7), 15);
    expect(windowStandardDeviation([0, 1, 3, 5], 1, 3)).toBe(2);
  });

  it("skips NaN and gives NaN with fewer than 2 values", () => {
    expect(windowStandardDeviation([1, NaN, 3], 0, 2)).toBeCloseTo(Math.SQRT2, 15);
    expect(windowStandardDeviation([1, NaN, NaN], 0, 2)).toBeNaN();
  });

  it("keeps full precision where running sums of squares cancel (values near 1e8 apart by 1)", () => {
    expect(windowStandardDeviation([1e8 + 1, 1e8 + 2, 1e8 + 3], 0, 2)).toBe(1);
  });

  it("does not change its input", () => {
    const values = Object.freeze([0.01, -0.02, 0.03]);
    windowMean(values, 0, 2);
    windowStandardDeviation(values, 0, 2);
    expect(values).toEqual([0.01, -0.02, 0.03]);
  });
});
