import { describe, expect, it } from "vitest";
import { portfolioVariance } from "../../src/measures/portfolio-variance";

describe("portfolioVariance", () => {
  it("computes wᵀΣw (the TSDoc example) and clips round-off below 0", () => {
    expect(portfolioVariance(Float64Array.of(0.04, 0, 0, 0.09), [0.5, 0.5])).toBeCloseTo(0.0325, 15);
    expect(portfolioVariance(Float64Array.of(1, -1, -1, 1), [1, 1])).toBe(0);
    expect(portfolioVariance(Float64Array.of(0.04, 0.01, 0.01, 0.09), [1, -1])).toBeCloseTo(0.11, 15);
  });
});
