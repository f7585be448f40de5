import { describe, expect, it } from "vitest";
import { exponentiallyWeightedMean, spanDecay } from "../../../src/moments/expected-returns/exponentially-weighted-mean";

describe("spanDecay", () => {
  it("is 1 − 2 / (span + 1), computed through pandas' centre of mass", () => {
    expect(spanDecay(3, "t")).toBe(0.5);
    expect(spanDecay(1, "t")).toBe(0);
    expect(spanDecay(180, "t")).toBeCloseTo(1 - 2 / 181, 16);
  });

  it("throws InputError BAD_SPAN below 1 or when not finite", () => {
    expect(() => spanDecay(0, "caller")).toThrow(/caller: span 0 is not a number of periods ≥ 1/);
    expect(() => spanDecay(Infinity, "caller")).toThrow(/span Infinity/);
  });
});

describe("exponentiallyWeightedMean", () => {
  const decay = spanDecay(3, "t"); // 0.5

  it("is Σ w·x / Σ w with weights by position (pandas adjust=True)", () => {
    expect(exponentiallyWeightedMean([1, 2, 3], decay, 3)).toBeCloseTo((0.25 * 1 + 0.5 * 2 + 3) / 1.75, 15);
  });

  it("skips leading NaNs, ages across interior NaNs (ignore_na=False) and holds after trailing NaNs", () => {
    expect(exponentiallyWeightedMean([NaN, NaN, 2, 4], decay, 4)).toBeCloseTo((0.5 * 2 + 4) / 1.5, 15);
    expect(exponentiallyWeightedMean([1, NaN, 3], decay, 3)).toBeCloseTo((0.25 * 1 + 3) / 1.25, 15);
    expect(exponentiallyWeightedMean([1, 3, NaN, NaN], decay, 4)).toBeCloseTo((0.5 * 1 + 3) / 1.5, 15);
    expect(exponentiallyWeightedMean([NaN, NaN], decay, 2)).toBeNaN();
    expect(exponentiallyWeightedMean([], decay, 0)).toBeNaN();
  });

  it("reads a strided column of a row-major table", () => {
    const rowMajor = Float64Array.from([1, 10, 2, 20, 3, 30]); // columns [1, 2, 3] and [10, 20, 30]
    expect(exponentiallyWeightedMean(rowMajor, decay, 3, 1, 2)).toBeCloseTo(10 * exponentiallyWeightedMean([1, 2, 3], decay, 3), 13);
  });

  it("keeps a constant series exactly constant (pandas skips the update when nothing changes)", () => {
    expect(exponentiallyWeightedMean([0.1, 0.1, 0.1, 0.1], spanDecay(7, "t"), 4)).toBe(0.1);
  });
});
