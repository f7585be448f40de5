import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { minCvar } from "../../src/optimise/min-cvar";
import { historicalCvar } from "../../src/measures/historical-cvar";
import { maxHoldings } from "../../src/optimise/constraints/max-holdings";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";
import { copyTable } from "./helpers/fixtures";
import { expected, expectWeights, returns, sum } from "./optimizer-fixtures";

describe("minCvar", () => {
  it("matches scipy's HiGHS LP (PyPortfolioOpt's EfficientCVaR.min_cvar) on the fixture's daily returns", async () => {
    const p = await minCvar(returns);
    expectWeights(p.weights, expected.cvar.minCvar.weights);
    expect(p.cvar).toBeCloseTo(expected.cvar.minCvar.cvar, 12);
    expect(p.nScenarios).toBe(expected.cvar.nScenarios); // rows with a missing value dropped
    expect(Number.isNaN(p.expectedReturn)).toBe(true);
  });

  it("matches with β = 0.9 and bounds [0.05, 0.5]", async () => {
    const p = await minCvar(returns, { beta: 0.9, bounds: [0.05, 0.5] });
    expectWeights(p.weights, expected.cvar.minCvarBounded.weights);
    expect(p.cvar).toBeCloseTo(expected.cvar.minCvarBounded.cvar, 12);
  });

  it("gives the hand-computed answer of the TSDoc example (1/6, 5/6; CVaR 1/600)", async () => {
    const table = { dates: ["d1", "d2", "d3", "d4"], tickers: ["A", "B"], values: Float64Array.of(-0.04, 0.02, 0.02, -0.02, 0.01, 0.01, 0.01, 0.01) };
    const p = await minCvar(table, { beta: 0.5 });
    expect(p.weights.values[0]).toBeCloseTo(1 / 6, 9);
    expect(p.cvar).toBeCloseTo(1 / 600, 12);
  });

  it("is not beaten by random long-only portfolios", async () => {
    const p = await minCvar(returns);
    const complete = { ...returns };
    let seed = 3;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const rows: number[] = [];
    for (let t = 0; t < complete.dates.length; t++) {
      const row = Array.from(complete.values.subarray(t * 6, t * 6 + 6));
      if (row.every((x) => !Number.isNaN(x))) rows.push(...row);
    }
    const scenarios = Float64Array.from(rows);
    for (let k = 0; k < 300; k++) {
      const w = Array.from({ length: 6 }, () => random());
      const s = sum(w);
      expect(historicalCvar(scenarios, w.map((x) => x / s), 0.95)).toBeGreaterThanOrEqual(p.cvar - 1e-12);
    }
  });

  it("accepts constraints, including a holdings limit (heuristic), and says when the heuristic fails", async () => {
    const cap = sectorLimits({ sectorOf: { ACME: "X", DYNA: "X" }, caps: { X: 0.9 } });
    const p = await minCvar(returns, { constraints: [maxHoldings(3), cap] });
    expect(p.weights.values.filter((x) => x > 0).length).toBeLessThanOrEqual(3);
    expect(p.weights.values[0]! + p.weights.values[3]!).toBeLessThanOrEqual(0.9 + 1e-9);
    expect(sum(p.weights.values)).toBeCloseTo(1, 12);
    // The two largest weights are ACME and DYNA, which the cap keeps below 1 together.
    await expect(minCvar(returns, { constraints: [maxHoldings(2), cap] })).rejects.toThrow(
      "minCvar: max holdings 2: keeping the 2 largest weights of the unrestricted solution leaves no portfolio that meets the other constraints; allow more holdings",
    );
  });

  it("market neutral: weights sum to 0 and the CVaR is at most that of the empty portfolio (0)", async () => {
    const p = await minCvar(returns, { marketNeutral: true, bounds: [-0.5, 0.5] });
    expect(Math.abs(sum(p.weights.values))).toBeLessThan(1e-9);
    expect(p.cvar).toBeLessThanOrEqual(1e-12);
  });

  it("throws for a bad β, too few complete rows, or infeasible bounds", async () => {
    await expect(minCvar(returns, { beta: 1 })).rejects.toThrow(InputError);
    await expect(minCvar({ dates: ["d1"], tickers: ["A"], values: Float64Array.of(0.01) })).rejects.toThrow(/1 complete row/);
    await expect(minCvar(returns, { bounds: [0, 0.1] })).rejects.toThrow(InfeasibleError);
  });

  it("does not modify its input", async () => {
    const copy = copyTable(returns);
    await minCvar(returns, { beta: 0.9 });
    expect(returns).toEqual(copy);
  });
});
