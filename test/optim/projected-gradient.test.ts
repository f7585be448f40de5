import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { projectedGradientGuess } from "../../src/optim/projected-gradient";
import { solveBoxBudgetQp } from "../../src/optim/box-budget-qp";
import { randomCovariance, seededRandom } from "../optimise/helpers/random";

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

  it("stops once its support settles: allowing 1000 steps gives the same guess as 200, whose support holds the exact one", () => {
    const n = 150;
    const Q = randomCovariance(n, seededRandom(12));
    const problem = { Q, c: new Float64Array(n), a: new Float64Array(n).fill(1), b: 1, lower: new Float64Array(n), upper: new Float64Array(n).fill(1) };
    const guess = projectedGradientGuess(problem);
    expect(Array.from(projectedGradientGuess(problem, 1000))).toEqual(Array.from(guess));
    const exact = solveBoxBudgetQp({ Q, budget: 1, lower: problem.lower, upper: problem.upper, initialWorkingSet: Array.from({ length: n }, (_, i) => i) }).x;
    const largest = Math.max(...guess);
    exact.forEach((x, i) => {
      if (x > 1e-9) expect(guess[i]!).toBeGreaterThan(1e-6 * largest);
    });
  });

  it("starts from the projection of the origin even when it sits on a breakpoint (max-Sharpe form: aᵀx = 1, x ≥ 0)", () => {
    const a = Float64Array.of(0.05, 0.1, -0.02, 0.2);
    const x = projectedGradientGuess({ Q: Float64Array.of(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1), c: new Float64Array(4), a, b: 1, lower: new Float64Array(4), upper: new Float64Array(4).fill(Infinity) });
    // min ‖x‖² on {aᵀx = 1, x ≥ 0}: x ∝ a⁺.
    const scale = 1 / (0.05 ** 2 + 0.1 ** 2 + 0.2 ** 2);
    [0.05, 0.1, 0, 0.2].forEach((ai, i) => expect(x[i]).toBeCloseTo(ai * scale, 8));
  });

  it("does not modify its inputs", () => {
    const Q = Float64Array.of(2, 0.5, 0.5, 1);
    const c = Float64Array.of(0.1, -0.1);
    const a = Float64Array.of(1, 1);
    const lower = Float64Array.of(0, 0);
    const upper = Float64Array.of(1, 0.6);
    projectedGradientGuess({ Q, c, a, b: 1, lower, upper });
    expect([...Q, ...c, ...a, ...lower, ...upper]).toEqual([2, 0.5, 0.5, 1, 0.1, -0.1, 1, 1, 0, 0, 1, 0.6]);
  });

  it("throws InputError for bad shapes or infinite lower bounds", () => {
    expect(() => projectedGradientGuess({ Q: new Float64Array(3), c: new Float64Array(2), a: new Float64Array(2), b: 1, lower: new Float64Array(2), upper: new Float64Array(2) })).toThrow(InputError);
    expect(() => projectedGradientGuess({ Q: new Float64Array(1), c: new Float64Array(1), a: Float64Array.of(1), b: 1, lower: Float64Array.of(-Infinity), upper: Float64Array.of(1) })).toThrow(/finite lower bounds/);
    expect(() => projectedGradientGuess({ Q: new Float64Array(1), c: new Float64Array(1), a: Float64Array.of(NaN), b: 1, lower: Float64Array.of(0), upper: Float64Array.of(1) })).toThrow(/finite coefficients/);
    expect(() => projectedGradientGuess({ Q: new Float64Array(1), c: new Float64Array(1), a: Float64Array.of(1), b: Infinity, lower: Float64Array.of(0), upper: Float64Array.of(1) })).toThrow(/finite right-hand side/);
  });
});
