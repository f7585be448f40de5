import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { correlationDistance } from "../../../src/optimise/hrp/correlation-distance";

describe("correlationDistance", () => {
  it("is √((1 − ρ)/2), clipped to [0, 1]", () => {
    const d = correlationDistance(Float64Array.of(1, 0, -1, 1 + 1e-15));
    expect(d[0]).toBe(0);
    expect(d[1]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(d[2]).toBe(1);
    expect(d[3]).toBe(0);
  });

  it("throws InputError for a non-finite correlation", () => {
    expect(() => correlationDistance(Float64Array.of(NaN))).toThrow(InputError);
  });
});
