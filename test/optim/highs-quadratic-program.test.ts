import { describe, expect, it } from "vitest";
import type { Highs } from "highs";
import { InputError, NumericalError } from "../../src/core/errors";
import { loadHighs } from "../../src/optim/highs-linear-program";
import { solveQuadraticProgramWithHighs, type SparseQuadraticProgram } from "../../src/optim/highs-quadratic-program";

/**
 * min ½ Σ dᵢ·xᵢ² − Σ xᵢ  s.t.  Σ xᵢ = 1,  ℓ ≤ x ≤ u. The KKT conditions give xᵢ = clip((1 + ν)/dᵢ, ℓᵢ, uᵢ) with ν set
 * so the sum is 1: the known answer below is that water-filling, solved by bisection on ν.
 */
function waterFilling(d: number[], lo: number[], hi: number[]): number[] {
  const x = (nu: number) => d.map((di, i) => Math.min(hi[i]!, Math.max(lo[i]!, (1 + nu) / di)));
  let a = -1e3;
  let b = 1e3;
  for (let k = 0; k < 200; k++) {
    const mid = (a + b) / 2;
    if (x(mid).reduce((s, v) => s + v, 0) > 1) b = mid;
    else a = mid;
  }
  return x((a + b) / 2);
}

function programme(d: number[], lo: number[], hi: number[]): SparseQuadraticProgram {
  const n = d.length;
  return {
    c: new Float64Array(n).fill(-1),
    lower: Float64Array.from(lo),
    upper: Float64Array.from(hi),
    rows: { starts: Int32Array.of(0, n), indices: Int32Array.from({ length: n }, (_, j) => j), values: new Float64Array(n).fill(1) },
    rowLower: Float64Array.of(1),
    rowUpper: Float64Array.of(1),
    hessian: { starts: Int32Array.from({ length: n + 1 }, (_, j) => j), indices: Int32Array.from({ length: n }, (_, j) => j), values: Float64Array.from(d) },
  };
}

const d = [1, 2, 4, 8, 16];
const lo = [0.05, 0, 0.1, 0, 0.02]; // finite, non-zero lower bounds: solved for x − lower in HiGHS
const hi = [0.3, 0.5, 0.5, 0.5, 0.5];

describe("solveQuadraticProgramWithHighs", () => {
  it("solves a box-and-budget QP to its water-filling answer, by HiGHS and by quadprog", async () => {
    const expected = waterFilling(d, lo, hi);
    expect(expected[0]).toBeCloseTo(0.3, 12); // a bound binds, and
    expect(expected[4]).toBeGreaterThan(0.02); // another one does not
    for (const method of ["highs", "dense"] as const) {
      const r = await solveQuadraticProgramWithHighs(programme(d, lo, hi), { method });
      expect(r.status).toBe("optimal");
      if (r.status !== "optimal") return;
      for (let i = 0; i < d.length; i++) expect(r.x[i]).toBeCloseTo(expected[i]!, 7);
      const objective = expected.reduce((s, x, i) => s + 0.5 * d[i]! * x * x - x, 0);
      expect(r.objective).toBeCloseTo(objective, 9);
    }
  });

  it("falls back to quadprog when HiGHS fails, and names the size when the programme is too large for it", async () => {
    const real = await loadHighs();
    // A runtime whose QP run throws, as HiGHS's active-set solver does with "solve error".
    const failing = {
      ...real,
      createModel: (...args: Parameters<Highs["createModel"]>) => {
        const model = real.createModel(...args);
        return new Proxy(model, { get: (m, k) => (k === "run" ? () => { throw new Error("solve error"); } : Reflect.get(m, k)) });
      },
    } as Highs;
    const r = await solveQuadraticProgramWithHighs(programme(d, lo, hi), { runtime: Promise.resolve(failing) });
    expect(r.status === "optimal" && Array.from(r.x, (v) => Number(v.toFixed(7)))).toEqual(waterFilling(d, lo, hi).map((v) => Number(v.toFixed(7))));
    const tooLarge = solveQuadraticProgramWithHighs(programme(d, lo, hi), { runtime: Promise.resolve(failing), denseLimit: 4 });
    await expect(tooLarge).rejects.toThrow(NumericalError);
    await expect(tooLarge).rejects.toThrow(/HiGHS failed \(Error: solve error\) on 5 columns, too many to solve densely \(at most 4\)/);
  });

  it("reports an infeasible programme by either method", async () => {
    const infeasible = programme(d, lo, [0.1, 0.1, 0.2, 0.1, 0.1]); // the upper bounds sum to 0.6 < 1
    expect((await solveQuadraticProgramWithHighs(infeasible)).status).toBe("infeasible");
    expect((await solveQuadraticProgramWithHighs(infeasible, { method: "dense" })).status).toBe("infeasible");
  });

  it("names a malformed Hessian", async () => {
    const qp = programme(d, lo, hi);
    // column 1 holds row 0: an entry above the diagonal
    const aboveDiagonal = { starts: Int32Array.of(0, 0, 1, 1, 1, 1), indices: Int32Array.of(0), values: Float64Array.of(1) };
    await expect(solveQuadraticProgramWithHighs({ ...qp, hessian: aboveDiagonal })).rejects.toThrow(InputError);
    await expect(solveQuadraticProgramWithHighs({ ...qp, hessian: aboveDiagonal })).rejects.toThrow(/Hessian entry \(0, 1\) = 1 is not a finite entry of the lower triangle/);
    await expect(solveQuadraticProgramWithHighs(qp, { method: "interior" as "dense" })).rejects.toThrow(/unknown method interior/);
  });
});
