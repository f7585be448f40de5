import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError, NumericalError } from "../../src/core/errors";
import { solveBoxBudgetQp } from "../../src/optim/box-budget-qp";
import { solveQuadraticProgram } from "../../src/optim/quadprog-solver";
import { marketModelCovariance } from "../optimise/helpers/hard-covariances";
import { randomCovariance, seededRandom } from "../optimise/helpers/random";

/** The same problem as one quadprog call with explicit bound rows. */
function direct(Q: Float64Array, c: Float64Array, budget: number, lower: Float64Array, upper: Float64Array): Float64Array {
  const n = lower.length;
  const Aineq = new Float64Array(2 * n * n);
  const bineq = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    Aineq[2 * i * n + i] = 1;
    bineq[2 * i] = upper[i]!;
    Aineq[(2 * i + 1) * n + i] = -1;
    bineq[2 * i + 1] = -lower[i]!;
  }
  return solveQuadraticProgram({ Q, c, Aeq: new Float64Array(n).fill(1), beq: Float64Array.of(budget), Aineq, bineq }).x;
}

const maxDiff = (a: Float64Array, b: Float64Array) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);

describe("solveBoxBudgetQp", () => {
  it("solves the TSDoc example", () => {
    const { x } = solveBoxBudgetQp({ Q: Float64Array.of(2, 0, 0, 2), budget: 1, lower: Float64Array.of(0, 0), upper: Float64Array.of(0.3, 1) });
    expect(x[0]).toBeCloseTo(0.3, 14);
    expect(x[1]).toBeCloseTo(0.7, 14);
  });

  it.each([
    [80, 0, 1, 0],
    [120, 0, 0.05, 0],
    [150, 0.001, 0.1, 0],
    [100, -0.05, 0.2, 0],
    [90, 0, 1, 0.02],
  ])("agrees with a single quadprog solve: n = %i, bounds [%f, %f], linear term scale %f", (n, lo, hi, cScale) => {
    const random = seededRandom(n * 7 + 1);
    const Q = randomCovariance(n, random);
    const c = Float64Array.from({ length: n }, () => cScale * (random() - 0.5));
    const lower = new Float64Array(n).fill(lo);
    const upper = new Float64Array(n).fill(hi);
    const result = solveBoxBudgetQp({ Q, c, budget: 1, lower, upper });
    expect(maxDiff(result.x, direct(Q, c, 1, lower, upper))).toBeLessThan(1e-9);
    expect(result.workingSetSize).toBeLessThanOrEqual(n);
  });

  it("reaches the same minimiser from a poor initial working set, adding the KKT violators over several rounds", () => {
    const n = 100;
    const Q = randomCovariance(n, seededRandom(99));
    const c = new Float64Array(n);
    const lower = new Float64Array(n);
    const upper = new Float64Array(n).fill(1);
    const result = solveBoxBudgetQp({ Q, c, budget: 1, lower, upper, initialWorkingSet: [0] });
    expect(result.rounds).toBeGreaterThan(1);
    expect(maxDiff(result.x, direct(Q, c, 1, lower, upper))).toBeLessThan(1e-9);
  });

  it("keeps the working set able to absorb the budget under tight upper bounds", () => {
    const n = 80;
    const Q = randomCovariance(n, seededRandom(5));
    const lower = new Float64Array(n);
    const upper = new Float64Array(n).fill(0.02); // needs at least 50 assets
    const result = solveBoxBudgetQp({ Q, budget: 1, lower, upper, initialWorkingSet: [3] });
    expect(result.x.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(maxDiff(result.x, direct(Q, new Float64Array(n), 1, lower, upper))).toBeLessThan(1e-9);
  });

  it("solves in one piece when a lower bound is −Infinity", () => {
    const n = 70;
    const Q = randomCovariance(n, seededRandom(8));
    const lower = new Float64Array(n).fill(-Infinity);
    const upper = new Float64Array(n).fill(Infinity);
    const result = solveBoxBudgetQp({ Q, budget: 1, lower, upper });
    expect(result.rounds).toBe(1);
    expect(result.x.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it("throws InputError on mismatched lengths, NaN bounds and bad working-set indices", () => {
    const Q = Float64Array.of(1, 0, 0, 1);
    expect(() => solveBoxBudgetQp({ Q, budget: 1, lower: Float64Array.of(0), upper: Float64Array.of(1, 1) })).toThrow(InputError);
    expect(() => solveBoxBudgetQp({ Q, budget: 1, lower: Float64Array.of(0, NaN), upper: Float64Array.of(1, 1) })).toThrow(/NaN is not a bound/);
    const n = 70;
    const big = randomCovariance(n, seededRandom(1));
    expect(() =>
      solveBoxBudgetQp({ Q: big, budget: 1, lower: new Float64Array(n), upper: new Float64Array(n).fill(1), initialWorkingSet: [n] }),
    ).toThrow(/initialWorkingSet holds 70/);
  });
});

/**
 * The violation of the KKT conditions of min ½xᵀQx + cᵀx, Σx = b, lower ≤ x ≤ upper, relative to max |gᵢ|: with
 * g = Qx + c there must be a ν with gᵢ = ν off the bounds, gᵢ ≥ ν at a lower bound and gᵢ ≤ ν at an upper one, i.e.
 * every gᵢ of a variable that could fall is ≤ every gⱼ of a variable that could rise.
 */
function kktViolation(Q: Float64Array, c: Float64Array, x: Float64Array, lower: Float64Array, upper: Float64Array): number {
  const n = x.length;
  let canRise = Infinity; // min gⱼ over variables below their upper bound
  let canFall = -Infinity; // max gᵢ over variables above their lower bound
  let scale = 0;
  for (let i = 0; i < n; i++) {
    let g = c[i]!;
    for (let j = 0; j < n; j++) g += Q[i * n + j]! * x[j]!;
    scale = Math.max(scale, Math.abs(g));
    if (x[i]! - lower[i]! > 1e-8) canFall = Math.max(canFall, g);
    if (upper[i]! - x[i]! > 1e-8) canRise = Math.min(canRise, g);
  }
  return Math.max(0, canFall - canRise) / scale;
}

describe("solveBoxBudgetQp on hard covariances (projected-gradient guess stopped early)", () => {
  it.each([
    ["idiosyncratic variances down to 1e-6 of the largest", 150, 1e-6, 1, 0],
    ["idiosyncratic variances down to 1e-9 of the largest", 120, 1e-9, 1, 0],
    ["three identical copies of each asset, ridge 1e-10 (rank n/3 + ridge)", 150, 1e-2, 3, 1e-10],
    ["three identical copies of each asset, ridge 1e-8", 150, 1e-2, 3, 1e-8],
  ])("%s: certified optimal, as good as one solve on every variable, in at most 3 rounds", (_, n, smallest, copies, ridge) => {
    const Q = marketModelCovariance(n, smallest, seededRandom(n + copies), copies, ridge);
    const c = new Float64Array(n);
    for (const [lo, hi] of [[0, 1], [0, 0.05], [-0.02, 0.3]] as const) {
      const lower = new Float64Array(n).fill(lo);
      const upper = new Float64Array(n).fill(hi);
      const guessed = solveBoxBudgetQp({ Q, budget: 1, lower, upper });
      const everything = solveBoxBudgetQp({ Q, budget: 1, lower, upper, initialWorkingSet: Array.from({ length: n }, (_, i) => i) });
      expect(everything.rounds).toBe(1);
      expect(guessed.rounds).toBeLessThanOrEqual(3);
      expect(kktViolation(Q, c, guessed.x, lower, upper)).toBeLessThan(1e-7);
      // The minimum is (nearly) flat between copies, so compare objectives: never worse than the single solve beyond
      // quadprog's own accuracy on these problems (its points meet the bounds to ~1e-10; the single solve is as
      // often the less accurate one).
      expect(guessed.objective).toBeLessThan(everything.objective * (1 + 1e-8));
      expect(guessed.x.reduce((sum, xi) => sum + xi, 0)).toBeCloseTo(1, 10);
    }
  });

  it("throws InfeasibleError when the bounds cannot meet the budget, before any solve", () => {
    const n = 80;
    const Q = randomCovariance(n, seededRandom(6));
    expect(() => solveBoxBudgetQp({ Q, budget: 1, lower: new Float64Array(n), upper: new Float64Array(n).fill(0.01) })).toThrow(/upper bounds sum to 0.8 < budget 1/);
    expect(() => solveBoxBudgetQp({ Q, budget: 1, lower: new Float64Array(n).fill(0.02), upper: new Float64Array(n).fill(1) })).toThrow(InfeasibleError);
    expect(() => solveBoxBudgetQp({ Q: Float64Array.of(1, 0, 0, 1), budget: 3, lower: new Float64Array(2), upper: Float64Array.of(1, 1) })).toThrow(InfeasibleError);
    expect(() => solveBoxBudgetQp({ Q: Float64Array.of(1, 0, 0, 1), budget: NaN, lower: new Float64Array(2), upper: Float64Array.of(1, 1) })).toThrow(InputError);
  });

  it("throws NumericalError for a Q that is not positive definite, above the working-set threshold", () => {
    const n = 80;
    const Q = randomCovariance(n, seededRandom(7));
    Q[5 * n + 5] = -1;
    expect(() => solveBoxBudgetQp({ Q, budget: 1, lower: new Float64Array(n), upper: new Float64Array(n).fill(1) })).toThrow(NumericalError);
  });
});
