import { describe, expect, it } from "vitest";
import { powerLawExponent } from "../../../bench/scaling/fit";
import { SCALING_SERIES, scalingCase } from "../../../bench/scaling/series";

describe("powerLawExponent", () => {
  it("recovers the exponent of an exact power law", () => {
    expect(powerLawExponent([100, 200, 400], [0.01, 0.04, 0.16])).toBeCloseTo(2, 12);
  });

  it("matches numpy's least-squares slope of log t on log size", () => {
    // /usr/bin/python3: np.polyfit(np.log(s), np.log(t), 1)[0] for the HRP curve measured on 2026-12-06
    const sizes = [50, 100, 250, 500, 1000, 2000];
    const seconds = [0.007, 0.014, 0.027, 0.054, 0.372, 1.683];
    expect(powerLawExponent(sizes, seconds)).toBeCloseTo(1.441893506764255, 12);
  });

  it("skips sizes without a time (a skipped or failed point) and needs two points", () => {
    expect(powerLawExponent([100, 200, 400], [0.01, null, 0.16])).toBeCloseTo(2, 12);
    expect(powerLawExponent([100, 200], [0.01, null])).toBeNull();
    expect(powerLawExponent([100, 200], [0, 0.04])).toBeNull();
  });
});

describe("scalingCase", () => {
  it("builds the case of a series at a size from `series@size`", () => {
    const c = scalingCase("hrp@250");
    expect(c?.name).toBe("hrp");
    expect(c?.title).toContain("250");
  });

  it("is undefined for an unknown series or a size that is not a positive whole number", () => {
    expect(scalingCase("hrp")).toBeUndefined();
    expect(scalingCase("nope@100")).toBeUndefined();
    expect(scalingCase("hrp@0")).toBeUndefined();
    expect(scalingCase("hrp@2.5")).toBeUndefined();
  });

  it("has one distinct name per series", () => {
    const names = SCALING_SERIES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
