import { describe, expect, it } from "vitest";
import { InfeasibleError, NumericalError } from "../../src/core/errors";
import { ConstraintSystem } from "../../src/optimise/constraints/constraint-system";
import { qpFromSystem, rowsToDense, solvePortfolioQp } from "../../src/optimise/solve-portfolio-qp";
import { randomCovariance, seededRandom } from "./helpers/random";

const systemOf = (n: number, lo = 0, hi = 1) => new ConstraintSystem(Array.from({ length: n }, (_, i) => `T${i}`), 1, new Float64Array(n).fill(lo), new Float64Array(n).fill(hi));

describe("solvePortfolioQp", () => {
  it("splits rows into equalities and ≤ inequalities (the TSDoc example)", () => {
    const dense = rowsToDense(
      [
        { indices: [0, 1], values: [1, 1], lower: 1, upper: 1, source: "budget", description: "" },
        { indices: [1], values: [2], lower: 0.1, upper: 0.5, source: "x", description: "" },
      ],
      2,
    );
    expect(Array.from(dense.Aeq)).toEqual([1, 1]);
    expect(Array.from(dense.Aineq)).toEqual([0, 2, 0, -2]);
    expect(Array.from(dense.bineq)).toEqual([0.5, -0.1]);
  });

  it("solves min wᵀΣw over a system and keeps at most k holdings, optimal among the kept assets", () => {
    const n = 30;
    const S = randomCovariance(n, seededRandom(30));
    const Q = S.map((x) => 2 * x);
    const full = solvePortfolioQp(qpFromSystem(systemOf(n), Q, new Float64Array(n)), { caller: "test" }).x;
    const held = Array.from(full).filter((x) => x > 1e-10).length;
    expect(held).toBeGreaterThan(5);
    const limited = solvePortfolioQp(qpFromSystem(systemOf(n), Q, new Float64Array(n)), { caller: "test", maxHoldings: 5 }).x;
    const kept = Array.from(limited.keys()).filter((i) => limited[i]! > 1e-10);
    expect(kept.length).toBeLessThanOrEqual(5);
    // Kept = the 5 largest unrestricted weights; re-solving on them alone gives the same weights.
    const top = Array.from(full.keys()).sort((a, b) => full[b]! - full[a]!).slice(0, 5).sort((a, b) => a - b);
    expect(kept).toEqual(top.filter((i) => limited[i]! > 1e-10));
    const restricted = systemOf(n);
    for (let i = 0; i < n; i++) if (!top.includes(i)) restricted.tightenBounds(i, 0, 0, "test");
    const again = solvePortfolioQp(qpFromSystem(restricted, Q, new Float64Array(n)), { caller: "test" }).x;
    expect(Math.max(...Array.from(again, (x, i) => Math.abs(x - limited[i]!)))).toBeLessThan(1e-10);
  });

  it("keeps assets whose bounds exclude 0 and reports an infeasible restriction", () => {
    const n = 10;
    const Q = randomCovariance(n, seededRandom(10)).map((x) => 2 * x);
    const system = systemOf(n, 0, 0.2);
    system.tightenBounds(9, 0.05, 0.2, "test");
    const x = solvePortfolioQp(qpFromSystem(system, Q, new Float64Array(n)), { caller: "test", maxHoldings: 5 }).x;
    expect(x[9]).toBeGreaterThanOrEqual(0.05 - 1e-12);
    expect(Array.from(x).filter((v) => v > 1e-10).length).toBeLessThanOrEqual(5);
    expect(() => solvePortfolioQp(qpFromSystem(systemOf(n, 0, 0.2), Q, new Float64Array(n)), { caller: "test", maxHoldings: 4 })).toThrow(InfeasibleError);
  });

  it("throws NumericalError naming the caller for an indefinite objective", () => {
    const Q = Float64Array.of(1, 2, 2, 1);
    expect(() => solvePortfolioQp(qpFromSystem(systemOf(2), Q, new Float64Array(2)), { caller: "maxSharpe" })).toThrow(/maxSharpe: the covariance/);
    expect(() => solvePortfolioQp(qpFromSystem(systemOf(2), Q, new Float64Array(2)), { caller: "maxSharpe" })).toThrow(NumericalError);
  });
});
