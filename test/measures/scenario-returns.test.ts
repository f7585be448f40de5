import { describe, expect, it } from "vitest";
import { scenarioReturns } from "../../src/measures/scenario-returns";

describe("scenarioReturns", () => {
  it("is rₜᵀw for each row of a row-major T × n table", () => {
    const y = scenarioReturns(Float64Array.of(0.01, 0.02, -0.03, 0.01), 2, [0.5, 0.5]);
    expect(y[0]).toBeCloseTo(0.015, 15);
    expect(y[1]).toBeCloseTo(-0.01, 15);
    expect(y.length).toBe(2);
  });
});
