import { describe, expect, it } from "vitest";
import { annualiseShrunk, checkTwoAssets, clipShrinkage } from "../../../src/moments/risk-models/shrunk-covariance";

describe("clipShrinkage", () => {
  it("clips to [0, 1] with Python's max(0, min(1, x)) semantics (NaN → 1)", () => {
    expect(clipShrinkage(0.3)).toBe(0.3);
    expect(clipShrinkage(-2)).toBe(0);
    expect(clipShrinkage(1.5)).toBe(1);
    expect(clipShrinkage(NaN)).toBe(1);
    expect(clipShrinkage(Infinity)).toBe(1);
    expect(clipShrinkage(-Infinity)).toBe(0);
  });
});

describe("annualiseShrunk", () => {
  it("multiplies by frequency, repairs and keeps δ", () => {
    const raw = Float64Array.from([1e-4, 0, 0, 4e-4]);
    const cov = annualiseShrunk(raw, ["A", "B"], 252, 0.3);
    expect(cov.values[0]).toBeCloseTo(0.0252, 16);
    expect(cov.shrinkage).toBe(0.3);
    expect(cov.repaired).toBe(false);
    expect(raw[0]).toBe(1e-4);
    const indefinite = annualiseShrunk(Float64Array.from([1, 2, 2, 1]), ["A", "B"], 1, 0.5);
    expect(indefinite.repaired).toBe(true);
  });
});

describe("checkTwoAssets", () => {
  it("throws InputError TOO_FEW_ASSETS below 2", () => {
    expect(() => checkTwoAssets(1, "f")).toThrow(/f: 1 asset; this shrinkage target needs at least 2/);
    expect(() => checkTwoAssets(2, "f")).not.toThrow();
  });
});
