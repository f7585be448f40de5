import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { loadHighs, openLinearProgram, solveLinearProgramWithHighs } from "../../src/optim/highs-linear-program";

describe("solveLinearProgramWithHighs", () => {
  it("loads HiGHS once", async () => {
    const [a, b] = await Promise.all([loadHighs(), loadHighs()]);
    expect(a).toBe(b);
  });

  it("solves the TSDoc example (dense) and the same LP given as sparse rows", async () => {
    const dense = await solveLinearProgramWithHighs({
      c: Float64Array.of(-1, -2),
      lower: Float64Array.of(0, 0),
      upper: Float64Array.of(0.7, 0.7),
      A: Float64Array.of(1, 1),
      rowLower: Float64Array.of(-Infinity),
      rowUpper: Float64Array.of(1),
    });
    expect(dense.status === "optimal" && Array.from(dense.x)).toEqual([expect.closeTo(0.3, 10), expect.closeTo(0.7, 10)]);
    const sparse = await solveLinearProgramWithHighs({
      c: Float64Array.of(-1, -2),
      lower: Float64Array.of(0, 0),
      upper: Float64Array.of(0.7, 0.7),
      rows: { starts: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, 1) },
      rowLower: Float64Array.of(-Infinity),
      rowUpper: Float64Array.of(1),
    });
    expect(sparse.status === "optimal" && sparse.objective).toBeCloseTo(-1.7, 10);
  });

  it("reports infeasible and unbounded problems", async () => {
    const base = { lower: Float64Array.of(0, 0), rowLower: Float64Array.of(3), rowUpper: Float64Array.of(3), A: Float64Array.of(1, 1) };
    expect((await solveLinearProgramWithHighs({ ...base, c: Float64Array.of(1, 1), upper: Float64Array.of(1, 1) })).status).toBe("infeasible");
    expect(
      (await solveLinearProgramWithHighs({ ...base, c: Float64Array.of(-1, 1), upper: Float64Array.of(Infinity, 1), rowLower: Float64Array.of(1), rowUpper: Float64Array.of(Infinity) })).status,
    ).toBe("unbounded");
  });

  it("throws InputError for malformed sparse rows", async () => {
    await expect(
      solveLinearProgramWithHighs({
        c: Float64Array.of(1),
        lower: Float64Array.of(0),
        upper: Float64Array.of(1),
        rows: { starts: Int32Array.of(0, 1), indices: Int32Array.of(3), values: Float64Array.of(1) },
        rowLower: Float64Array.of(0),
        rowUpper: Float64Array.of(1),
      }),
    ).rejects.toThrow(InputError);
  });

  it("solves a random LP to the same optimum by dual simplex and interior point", async () => {
    // min cᵀx over a box and a simplex-like row set; a seeded LCG keeps the instance fixed.
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const n = 30;
    const m = 60;
    const A = Float64Array.from({ length: m * n }, () => rand() - 0.3);
    const lp = {
      c: Float64Array.from({ length: n }, () => rand() - 0.5),
      lower: new Float64Array(n),
      upper: new Float64Array(n).fill(1),
      A,
      rowLower: new Float64Array(m).fill(-Infinity),
      rowUpper: new Float64Array(m).fill(2),
    };
    const simplex = await solveLinearProgramWithHighs(lp);
    const interior = await solveLinearProgramWithHighs(lp, { algorithm: "interior-point" });
    expect(simplex.status).toBe("optimal");
    expect(interior.status).toBe("optimal");
    if (simplex.status !== "optimal" || interior.status !== "optimal") return;
    expect(interior.objective).toBeCloseTo(simplex.objective, 9);
    expect(simplex.objective).toBeLessThan(-0.5); // not a trivial optimum at 0
  });

  it("reports infeasibility by interior point too, and names an unknown algorithm", async () => {
    const base = { lower: Float64Array.of(0, 0), rowLower: Float64Array.of(3), rowUpper: Float64Array.of(3), A: Float64Array.of(1, 1) };
    const infeasible = { ...base, c: Float64Array.of(1, 1), upper: Float64Array.of(1, 1) };
    expect((await solveLinearProgramWithHighs(infeasible, { algorithm: "interior-point" })).status).toBe("infeasible");
    const bad = solveLinearProgramWithHighs(infeasible, { algorithm: "barrier" as "simplex" });
    await expect(bad).rejects.toThrow(/unknown algorithm barrier; choose "simplex" or "interior-point"/);
  });

  it("keeps an LP open: rows added, solved again from the last basis, equal to solving the whole LP afresh", async () => {
    // min −x₀ − x₁ over the box [0, 1]²; then x₀ + x₁ ≤ 1.5; then x₀ − x₁ ≥ 0.25 (both given as sparse rows).
    const base = {
      c: Float64Array.of(-1, -1), lower: Float64Array.of(0, 0), upper: Float64Array.of(1, 1),
      rows: { starts: Int32Array.of(0), indices: new Int32Array(0), values: new Float64Array(0) },
      rowLower: new Float64Array(0), rowUpper: new Float64Array(0),
    };
    const session = await openLinearProgram(base);
    try {
      const first = session.solve();
      expect(first.status === "optimal" && first.objective).toBeCloseTo(-2, 12);
      session.addRows({ starts: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, 1) }, Float64Array.of(-Infinity), Float64Array.of(1.5));
      const second = session.solve();
      expect(second.status === "optimal" && second.objective).toBeCloseTo(-1.5, 12);
      session.addRows({ starts: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, -1) }, Float64Array.of(0.25), Float64Array.of(Infinity));
      expect(session.rowCount).toBe(2);
      const third = session.solve();
      const afresh = await solveLinearProgramWithHighs({
        ...base,
        rows: { starts: Int32Array.of(0, 2, 4), indices: Int32Array.of(0, 1, 0, 1), values: Float64Array.of(1, 1, 1, -1) },
        rowLower: Float64Array.of(-Infinity, 0.25), rowUpper: Float64Array.of(1.5, Infinity),
      });
      expect(third.status === "optimal" && afresh.status === "optimal").toBe(true);
      if (third.status !== "optimal" || afresh.status !== "optimal") return;
      expect(third.objective).toBeCloseTo(afresh.objective, 12);
      expect(third.x[0]! - third.x[1]!).toBeGreaterThanOrEqual(0.25 - 1e-9);
      expect(() => session.addRows({ starts: Int32Array.of(0, 1), indices: Int32Array.of(5), values: Float64Array.of(1) }, Float64Array.of(0), Float64Array.of(1))).toThrow(InputError);
    } finally {
      session.dispose();
    }
  });
});
