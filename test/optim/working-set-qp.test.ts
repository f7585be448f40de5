import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError, NumericalError } from "../../src/core/errors";
import { solveQuadraticProgram } from "../../src/optim/quadprog-solver";
import { solveWorkingSetQp, type BoundedQuadraticProgram } from "../../src/optim/working-set-qp";
import { randomCovariance, seededRandom } from "../optimise/helpers/random";

/** The same problem as one quadprog call with explicit bound rows. */
function direct(problem: BoundedQuadraticProgram): Float64Array {
  const n = problem.lower.length;
  const rows: number[][] = [];
  const rhs: number[] = [];
  const mIneq = (problem.bineq ?? []).length;
  for (let k = 0; k < mIneq; k++) {
    rows.push(Array.from(problem.Aineq!.subarray(k * n, (k + 1) * n)));
    rhs.push(problem.bineq![k]!);
  }
  for (let i = 0; i < n; i++) {
    if (problem.upper[i]! < Infinity) {
      rows.push(Array.from({ length: n }, (_, j) => (j === i ? 1 : 0)));
      rhs.push(problem.upper[i]!);
    }
    if (problem.lower[i]! > -Infinity) {
      rows.push(Array.from({ length: n }, (_, j) => (j === i ? -1 : 0)));
      rhs.push(-problem.lower[i]!);
    }
  }
  return solveQuadraticProgram({ Q: problem.Q, c: problem.c, Aeq: problem.Aeq, beq: problem.beq, Aineq: Float64Array.from(rows.flat()), bineq: Float64Array.from(rhs) }).x;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);

/** A random long-only-style problem: budget, a return floor, optional sector cap, bounds [lo, hi]. */
function randomProblem(n: number, seed: number, lo: number, hi: number, withRows: boolean): BoundedQuadraticProgram {
  const random = seededRandom(seed);
  const Q = randomCovariance(n, random).map((x) => 2 * x);
  const mu = Float64Array.from({ length: n }, () => 0.3 * random() - 0.05);
  const c = Float64Array.from(mu, (m) => -0.5 * m);
  const Aineq = new Float64Array(withRows ? 2 * n : 0);
  const bineq: number[] = [];
  if (withRows) {
    for (let i = 0; i < n; i++) Aineq[i] = -mu[i]!; // μᵀx ≥ 0.12
    bineq.push(-0.12);
    for (let i = 0; i < n; i += 3) Aineq[n + i] = 1; // every third asset ≤ 0.3 in total
    bineq.push(0.3);
  }
  return {
    Q,
    c,
    lower: new Float64Array(n).fill(lo),
    upper: new Float64Array(n).fill(hi),
    Aeq: new Float64Array(n).fill(1),
    beq: Float64Array.of(1),
    Aineq,
    bineq: Float64Array.from(bineq),
  };
}

describe("solveWorkingSetQp", () => {
  it("solves the TSDoc example from a working set of one variable", () => {
    const { x, rounds } = solveWorkingSetQp({
      Q: Float64Array.of(2, 0, 0, 0, 2, 0, 0, 0, 2),
      lower: new Float64Array(3),
      upper: Float64Array.of(1, 1, 1),
      Aeq: Float64Array.of(1, 1, 1),
      beq: Float64Array.of(1),
      Aineq: Float64Array.of(-1, 0, 0),
      bineq: Float64Array.of(-0.5),
      initialWorkingSet: [0],
    });
    expect(maxDiff(x, [0.5, 0.25, 0.25])).toBeLessThan(1e-12);
    expect(rounds).toBeGreaterThan(1);
  });

  it.each([
    [70, 1, 0, 1, false],
    [90, 2, 0, 0.05, false],
    [80, 3, 0, 0.1, true],
    [100, 4, -0.05, 0.2, true],
    [75, 5, 0.001, 0.04, true],
  ])("agrees with one quadprog solve from any start: n = %i (seed %i), bounds [%f, %f], rows %s", (n, seed, lo, hi, withRows) => {
    const problem = randomProblem(n, seed, lo, hi, withRows);
    const reference = direct(problem);
    const starts: (readonly number[] | undefined)[] = [undefined, [0], [n - 1, n - 2], Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 0)];
    for (const initialWorkingSet of starts) {
      const { x } = solveWorkingSetQp({ ...problem, initialWorkingSet });
      expect(maxDiff(x, reference)).toBeLessThan(1e-9);
    }
  });

  it("recovers from a warm start that is degenerate (variables fixed at upper bounds already meet the budget)", () => {
    const problem = randomProblem(80, 6, 0, 0.25, false);
    const reference = direct(problem);
    const { x } = solveWorkingSetQp({ ...problem, initialWorkingSet: [5], initialAtUpper: [0, 1, 2, 3] });
    expect(maxDiff(x, reference)).toBeLessThan(1e-9);
  });

  it("reuses a neighbour's working set and upper-bound set along a path of problems", () => {
    let previous: { workingSet: readonly number[]; atUpper: readonly number[] } | undefined;
    for (const scale of [0.2, 1, 5, 25, 125]) {
      const base = randomProblem(90, 7, 0, 0.1, true);
      const problem = { ...base, c: base.c!.map((v) => scale * v) };
      const solution = solveWorkingSetQp({ ...problem, initialWorkingSet: previous?.workingSet, initialAtUpper: previous?.atUpper });
      expect(maxDiff(solution.x, direct(problem))).toBeLessThan(1e-9);
      previous = solution;
    }
  });

  it("returns KKT multipliers: Qx + c + Aeqᵀν + Aineqᵀλ is ≥ 0 at lower bounds and ≤ 0 at upper bounds", () => {
    const problem = randomProblem(70, 8, 0, 0.1, true);
    const { x, multipliersEq, multipliersIneq } = solveWorkingSetQp(problem);
    const n = 70;
    for (let i = 0; i < n; i++) {
      let d = problem.c![i]!;
      for (let j = 0; j < n; j++) d += problem.Q[i * n + j]! * x[j]!;
      d += multipliersEq[0]!;
      for (let k = 0; k < 2; k++) d += problem.Aineq![k * n + i]! * multipliersIneq[k]!;
      if (x[i]! <= 1e-12) expect(d).toBeGreaterThanOrEqual(-1e-9);
      else if (x[i]! >= 0.1 - 1e-12) expect(d).toBeLessThanOrEqual(1e-9);
      else expect(Math.abs(d)).toBeLessThan(1e-9);
    }
    expect(Math.min(...multipliersIneq)).toBeGreaterThanOrEqual(0);
  });

  it("throws InfeasibleError for inconsistent constraints, NumericalError for an indefinite Q, InputError for bad shapes", () => {
    const problem = randomProblem(10, 9, 0, 0.05, false);
    expect(() => solveWorkingSetQp(problem)).toThrow(InfeasibleError);
    expect(() => solveWorkingSetQp({ ...randomProblem(3, 1, 0, 1, false), Q: Float64Array.of(1, 2, 0, 2, 1, 0, 0, 0, 1) })).toThrow(NumericalError);
    expect(() => solveWorkingSetQp({ Q: new Float64Array(4), lower: new Float64Array(3), upper: new Float64Array(3) })).toThrow(InputError);
    expect(() => solveWorkingSetQp({ ...randomProblem(70, 1, 0, 1, false), initialWorkingSet: [70] })).toThrow(/not an index/);
  });

  it("does not modify its inputs", () => {
    const problem = randomProblem(70, 10, 0, 0.1, true);
    const copies = [problem.Q, problem.c!, problem.lower, problem.upper, problem.Aeq!, problem.Aineq!].map((a) => Float64Array.from(a));
    solveWorkingSetQp({ ...problem, initialWorkingSet: [1, 2] });
    [problem.Q, problem.c!, problem.lower, problem.upper, problem.Aeq!, problem.Aineq!].forEach((a, k) => expect(a).toEqual(copies[k]));
  });
});
