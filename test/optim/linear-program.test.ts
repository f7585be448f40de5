import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { solveLinearProgram, type LinearProgram } from "../../src/optim/linear-program";
import { solveLinearProgramWithHighs } from "../../src/optim/highs-linear-program";
import { seededRandom } from "../optimise/helpers/random";

const lp = (parts: Partial<LinearProgram> & { c: Float64Array }): LinearProgram => {
  const n = parts.c.length;
  return {
    lower: new Float64Array(n),
    upper: new Float64Array(n).fill(Infinity),
    A: new Float64Array(0),
    rowLower: new Float64Array(0),
    rowUpper: new Float64Array(0),
    ...parts,
  };
};

/** A random feasible LP: portfolio-like rows (budget, caps) over bounded and free variables. */
function randomLp(n: number, m: number, seed: number): LinearProgram {
  const random = seededRandom(seed);
  const x0 = Float64Array.from({ length: n }, () => random());
  const A = Float64Array.from({ length: m * n }, () => (random() < 0.5 ? 0 : 2 * random() - 1));
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    let ax = 0;
    for (let j = 0; j < n; j++) ax += A[r * n + j]! * x0[j]!;
    const kind = r % 3;
    rowLower[r] = kind === 1 ? -Infinity : ax - (kind === 0 ? 0 : random());
    rowUpper[r] = kind === 0 ? ax : ax + random();
  }
  return {
    c: Float64Array.from({ length: n }, () => 2 * random() - 1),
    lower: Float64Array.from({ length: n }, (_, j) => (j % 5 === 4 ? -Infinity : 0)),
    upper: Float64Array.from({ length: n }, (_, j) => (j % 5 === 4 ? 2 : 1.5)),
    A,
    rowLower,
    rowUpper,
  };
}

describe("solveLinearProgram", () => {
  it("solves the TSDoc example", () => {
    const result = solveLinearProgram(lp({ c: Float64Array.of(-1, -2), upper: Float64Array.of(0.7, 0.7), A: Float64Array.of(1, 1), rowLower: Float64Array.of(-Infinity), rowUpper: Float64Array.of(1) }));
    expect(result.status).toBe("optimal");
    if (result.status === "optimal") {
      expect(result.x[0]).toBeCloseTo(0.3, 12);
      expect(result.x[1]).toBeCloseTo(0.7, 12);
      expect(result.objective).toBeCloseTo(-1.7, 12);
    }
  });

  it("reports infeasible and unbounded problems", () => {
    expect(solveLinearProgram(lp({ c: Float64Array.of(1, 1), upper: Float64Array.of(1, 1), A: Float64Array.of(1, 1), rowLower: Float64Array.of(3), rowUpper: Float64Array.of(3) })).status).toBe("infeasible");
    expect(solveLinearProgram(lp({ c: Float64Array.of(-1, 1), upper: Float64Array.of(Infinity, 1), A: Float64Array.of(1, 1), rowLower: Float64Array.of(1), rowUpper: Float64Array.of(Infinity) })).status).toBe("unbounded");
    expect(solveLinearProgram(lp({ c: Float64Array.of(1), lower: Float64Array.of(2), upper: Float64Array.of(1) })).status).toBe("infeasible");
  });

  it("handles free variables, ranged rows and degenerate vertices (the assignment polytope)", () => {
    // 3 × 3 assignment with costs; every vertex is highly degenerate.
    const cost = [4, 1, 3, 2, 0, 5, 3, 2, 2];
    const A = new Float64Array(6 * 9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      A[i * 9 + i * 3 + j] = 1;
      A[(3 + j) * 9 + i * 3 + j] = 1;
    }
    const result = solveLinearProgram(lp({ c: Float64Array.from(cost), A, rowLower: new Float64Array(6).fill(1), rowUpper: new Float64Array(6).fill(1) }));
    expect(result.status === "optimal" && result.objective).toBeCloseTo(5, 10); // 1 + 2 + 2
  });

  it.each([
    [8, 5, 1],
    [20, 12, 2],
    [40, 25, 3],
    [60, 30, 4],
  ])("agrees with HiGHS on random feasible LPs (n = %i, m = %i)", async (n, m, seed) => {
    const problem = randomLp(n, m, seed);
    const ours = solveLinearProgram(problem);
    const highs = await solveLinearProgramWithHighs(problem);
    expect(ours.status).toBe(highs.status);
    if (ours.status === "optimal" && highs.status === "optimal") {
      expect(ours.objective).toBeCloseTo(highs.objective, 8);
      for (let r = 0; r < m; r++) {
        let ax = 0;
        for (let j = 0; j < n; j++) ax += problem.A[r * n + j]! * ours.x[j]!;
        expect(ax).toBeGreaterThanOrEqual(problem.rowLower[r]! - 1e-8);
        expect(ax).toBeLessThanOrEqual(problem.rowUpper[r]! + 1e-8);
      }
    }
  });

  it("throws InputError for bad shapes or non-finite coefficients", () => {
    expect(() => solveLinearProgram(lp({ c: Float64Array.of(1, 1), A: Float64Array.of(1), rowLower: Float64Array.of(0), rowUpper: Float64Array.of(1) }))).toThrow(InputError);
    expect(() => solveLinearProgram(lp({ c: Float64Array.of(NaN) }))).toThrow(/c\[0\] is NaN/);
  });

  it("does not modify its input", () => {
    const problem = randomLp(10, 6, 9);
    const copy = { ...problem, c: Float64Array.from(problem.c), A: Float64Array.from(problem.A), lower: Float64Array.from(problem.lower) };
    solveLinearProgram(problem);
    expect(problem.c).toEqual(copy.c);
    expect(problem.A).toEqual(copy.A);
    expect(problem.lower).toEqual(copy.lower);
  });
});
