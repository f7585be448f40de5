import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { projectedGradientGuess } from "../../../src/allocation/solvers/projected-gradient";
import { solveBoxBudgetQp } from "../../../src/allocation/solvers/box-budget-qp";
import { randomCovariance, seededRandom } from "../helpers/random";

describe("projectedGradientGuess", () => {
  it("solves the TSDoc example", () => {
    const x = projectedGradientGuess({ Q: Float64Array.of(2, 0, 0, 2), c: new Float64Array(2), a: Float64Array.of(1, 1), b: 1, lower: new Float64Array(2), upper: Float64Array.of(0.3, 1) });
    expect(x[0]).toBeCloseTo(0.3, 8);
    expect(x[1]).toBeCloseTo(0.7, 8);
  });

  it("is feasible and close to the exact minimiser, with a weighted equality", () => {
    const n = 120;
    const random = seededRandom(5);
    const Q = randomCovariance(n, random);
    const c = new Float64Array(n);
    const lower = new Float64Array(n);
    const upper = new Float64Array(n).fill(1);
    const exact = solveBoxBudgetQp({ Q, c, budget: 1, lower, upper }).x;
    const guess = projectedGradientGuess({ Q, c, a: new Float64Array(n).fill(1), b: 1, lower, upper }, 400);
    expect(guess.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
    expect(Math.max(...guess.map((x, i) => Math.abs(x - exact[i]!)))).toBeLessThan(0.02);
    const a = Float64Array.from({ length: n }, () => random() - 0.2);
    const weighted = projectedGradientGuess({ Q, c, a, b: 1, lower, upper: new Float64Array(n).fill(Infinity) });
    expect(weighted.reduce((s, x, i) => s + a[i]! * x, 0)).toBeCloseTo(1, 9);
    expect(Math.min(...weighted)).toBeGreaterThanOrEqual(0);
  });

  it("throws InputError for bad shapes or infinite lower bounds", () => {
    expect(() => projectedGradientGuess({ Q: new Float64Array(3), c: new Float64Array(2), a: new Float64Array(2), b: 1, lower: new Float64Array(2), upper: new Float64Array(2) })).toThrow(InputError);
    expect(() => projectedGradientGuess({ Q: new Float64Array(1), c: new Float64Array(1), a: Float64Array.of(1), b: 1, lower: Float64Array.of(-Infinity), upper: Float64Array.of(1) })).toThrow(/finite lower bounds/);
  });
});
