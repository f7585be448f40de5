import { describe, expect, it } from "vitest";
import { frontierPoint } from "../../src/optimise/frontier-point";

const w = { labels: ["A"], values: Float64Array.from([1]) };
const frontier = [
  { expectedReturn: 0.02, volatility: 0.05, sharpe: 0, weights: w },
  { expectedReturn: 0.1, volatility: 0.2, sharpe: 0.4, weights: w },
  { expectedReturn: 0.3, volatility: 0.45, sharpe: 0.6, weights: w },
];

describe("frontierPoint", () => {
  it("interpolates return and volatility between the frontier's ends", () => {
    expect(frontierPoint(frontier, 0)).toEqual({ expectedReturn: 0.02, volatility: 0.05 });
    expect(frontierPoint(frontier, 1)).toEqual({ expectedReturn: 0.3, volatility: 0.45 });
    const mid = frontierPoint(frontier, 0.5);
    expect(mid.expectedReturn).toBeCloseTo(0.16, 15);
    expect(mid.volatility).toBeCloseTo(0.25, 15);
  });
  it("rejects an empty frontier and a fraction outside [0, 1]", () => {
    expect(() => frontierPoint([], 0.5)).toThrow(/no points/);
    expect(() => frontierPoint(frontier, 1.5)).toThrow(/fraction 1.5 must lie in \[0, 1\]/);
  });
});
