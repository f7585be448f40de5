import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { capWeights } from "../../../src/decisions/growth-confidence/cap-weights";
import { blendToVolatility } from "../../../src/decisions/growth-confidence/blend-to-volatility";

describe("capWeights", () => {
  it("normalises, clips and shares the excess in proportion until every weight is within the cap", () => {
    expect(Array.from(capWeights([1, 1, 2], 1))).toEqual([0.25, 0.25, 0.5]);
    const w = capWeights([0.18, 0.06, 0.04, 0], 0.34);
    [0.34, 0.34, 0.32, 0].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 14));
  });
  it("throws when the positive preferences cannot fill the budget under the cap, or there are none", () => {
    expect(() => capWeights([1, 1, 0], 0.4)).toThrowError(InfeasibleError);
    expect(() => capWeights([1, 1, 0], 0.4)).toThrowError(/raise maxWeight to at least 0\.5/);
    expect(() => capWeights([0, 0], 0.5)).toThrowError(InputError);
    expect(() => capWeights([1, -1], 0.5)).toThrowError(/preference 1 is -1/);
  });
});

describe("blendToVolatility", () => {
  it("solves the quadratic exactly: 0.16(1 − t)² + 0.01t² = 0.25² at t = 13/34", () => {
    expect(blendToVolatility(Float64Array.of(0.16, 0, 0, 0.01), [1, 0], [0, 1], 0.25)).toBeCloseTo(13 / 34, 14);
  });
  it("is 0 when the cap already holds and 1 when even the blend target is above it", () => {
    expect(blendToVolatility(Float64Array.of(0.16, 0, 0, 0.01), [1, 0], [0, 1], 0.5)).toBe(0);
    expect(blendToVolatility(Float64Array.of(0.16, 0, 0, 0.01), [1, 0], [0, 1], 0.05)).toBe(1);
  });
});
