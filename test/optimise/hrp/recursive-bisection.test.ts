import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { recursiveBisection } from "../../../src/optimise/hrp/recursive-bisection";

describe("recursiveBisection", () => {
  it("splits two uncorrelated assets by inverse variance (the TSDoc example)", () => {
    const w = recursiveBisection(Float64Array.of(1, 0, 0, 4), [0, 1]);
    expect(w[0]).toBeCloseTo(0.8, 15);
    expect(w[1]).toBeCloseTo(0.2, 15);
  });

  it("halves the ordered list, not the tree: 3 assets split [a] | [b, c]", () => {
    // Uncorrelated variances 1, 2, 4 in order 2, 0, 1: first split [2] | [0, 1].
    const w = recursiveBisection(Float64Array.of(1, 0, 0, 0, 2, 0, 0, 0, 4), [2, 0, 1]);
    const v01 = 1 / (1 + 0.5); // inverse-variance portfolio of variances 1 and 2 has variance 1/(1 + 1/2)
    const toTwo = 1 - 4 / (4 + v01);
    expect(w[2]).toBeCloseTo(toTwo, 15);
    expect(w[0]).toBeCloseTo((1 - toTwo) * (2 / 3), 15);
    expect(w[1]).toBeCloseTo((1 - toTwo) * (1 / 3), 15);
  });

  it("throws InputError for a bad order or a non-positive variance", () => {
    expect(() => recursiveBisection(Float64Array.of(1, 0, 0, 4), [0, 0])).toThrow(/permutation/);
    expect(() => recursiveBisection(Float64Array.of(1, 0, 0, 0), [0, 1])).toThrow(InputError);
  });
});
