import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { cleanWeights } from "../../src/optimise/clean-weights";

const v = (values: number[]) => ({ labels: values.map((_, i) => `T${i}`), values: Float64Array.from(values) });

describe("cleanWeights", () => {
  it("zeroes |w| < 1e-8 and renormalises (TSDoc example)", () => {
    expect(Array.from(cleanWeights(v([0.6, 3e-9, 0.4])).values)).toEqual([0.6, 0, 0.4]);
    const w = cleanWeights(v([0.5, -5e-9, 0.4999999]));
    expect(w.values[1]).toBe(0);
    expect(w.values[0]! + w.values[2]!).toBeCloseTo(1, 15);
  });

  it("honours a custom cutoff and renormalise: false (PyPortfolioOpt's clean_weights without rounding)", () => {
    expect(Array.from(cleanWeights(v([0.5, 5e-5, 0.49995]), { cutoff: 1e-4, renormalise: false }).values)).toEqual([0.5, 0, 0.49995]);
    expect(Array.from(cleanWeights(v([0.5, -0.5]), { renormalise: false }).values)).toEqual([0.5, -0.5]);
  });

  it("does not modify its input", () => {
    const input = v([0.6, 3e-9, 0.4]);
    cleanWeights(input);
    expect(Array.from(input.values)).toEqual([0.6, 3e-9, 0.4]);
  });

  it("throws InputError for a bad cutoff, a non-finite weight, or a zero sum to renormalise", () => {
    expect(() => cleanWeights(v([1]), { cutoff: -1 })).toThrow(InputError);
    expect(() => cleanWeights(v([NaN, 1]))).toThrow(/weight of T0 is NaN/);
    expect(() => cleanWeights(v([0.5, -0.5]))).toThrow(/sum to 0 after cleaning/);
  });
});
