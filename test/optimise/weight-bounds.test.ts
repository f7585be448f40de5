import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { LONG_ONLY_BOUNDS, resolveWeightBounds } from "../../src/optimise/weight-bounds";

const labels = ["A", "B", "C"];

describe("resolveWeightBounds", () => {
  it("expands a single pair, defaults to long only, and accepts one pair per asset", () => {
    expect(Array.from(resolveWeightBounds([0, 0.5], labels, "f").upper)).toEqual([0.5, 0.5, 0.5]);
    const d = resolveWeightBounds(undefined, labels, "f");
    expect(Array.from(d.lower)).toEqual([0, 0, 0]);
    expect(Array.from(d.upper)).toEqual([1, 1, 1]);
    expect(LONG_ONLY_BOUNDS).toEqual([0, 1]);
    const p = resolveWeightBounds([[0, 0.2], [0.1, 0.9], [-Infinity, Infinity]], labels, "f");
    expect(Array.from(p.lower)).toEqual([0, 0.1, -Infinity]);
    expect(Array.from(p.upper)).toEqual([0.2, 0.9, Infinity]);
  });

  it("accepts sums equal to the budget up to rounding (e.g. 10 × 0.1)", () => {
    expect(() => resolveWeightBounds([0, 0.1], Array.from({ length: 10 }, (_, i) => `T${i}`), "f")).not.toThrow();
    expect(() => resolveWeightBounds([0.1, 1], Array.from({ length: 10 }, (_, i) => `T${i}`), "f")).not.toThrow();
  });

  it("throws InfeasibleError with the sums and what to change", () => {
    expect(() => resolveWeightBounds([0, 0.2], labels, "minVolatility")).toThrow("minVolatility: upper bounds sum to 0.6 < 1; raise the bounds or add assets");
    expect(() => resolveWeightBounds([0.5, 1], labels, "g")).toThrow("g: lower bounds sum to 1.5 > 1; lower the bounds or remove assets");
    expect(() => resolveWeightBounds([0.3, 0.2], labels, "g")).toThrow(InfeasibleError);
  });

  it("throws InputError for malformed bounds", () => {
    expect(() => resolveWeightBounds([[0, 1], [0, 1]], labels, "f")).toThrow(InputError);
    expect(() => resolveWeightBounds([Infinity, Infinity], labels, "f")).toThrow(InputError);
    expect(() => resolveWeightBounds([0, NaN], labels, "f")).toThrow(/bounds of A are \[0, NaN\]/);
  });
});
