import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { drawdownCvar, drawdownSeries } from "../../src/measures/index";
import { minCdar, sectorLimits } from "../../src/optimise/index";
import { seededRandom } from "./helpers/random";

// test/fixtures/allocation/make_min_cdar.py: PyPortfolioOpt's min_cdar LP solved by scipy's linprog (HiGHS).
const fixture = JSON.parse(readFileSync(packagePath("test", "fixtures", "allocation", "min-cdar.json"), "utf8")) as {
  beta: number;
  returns: number[][];
  weights: number[];
  cdar: number;
};
const T = fixture.returns.length;
const n = fixture.returns[0]!.length;
const tickers = Array.from({ length: n }, (_, i) => `A${i}`);
const dates = Array.from({ length: T }, (_, t) => `2024-${String(1 + Math.floor(t / 28)).padStart(2, "0")}-${String(1 + (t % 28)).padStart(2, "0")}`);
const returns = { dates, tickers, values: Float64Array.from(fixture.returns.flat()) };

const cdarOf = (w: ArrayLike<number>) => {
  const path = fixture.returns.map((r) => r.reduce((s, v, i) => s + v * w[i]!, 0));
  return drawdownCvar(drawdownSeries(path, { compounded: false }), { confidence: fixture.beta });
};

describe("minCdar", () => {
  it("reaches the optimum of PyPortfolioOpt's LP as scipy solves it (CDaR to 1e-10, weights to 1e-6)", async () => {
    const p = await minCdar(returns, { beta: fixture.beta, cutoff: 0 });
    expect(Math.abs(p.cdar - fixture.cdar)).toBeLessThan(1e-10);
    p.weights.values.forEach((w, i) => expect(Math.abs(w - fixture.weights[i]!)).toBeLessThan(1e-6));
    // The reported CDaR is the measure of the weights, not the LP's objective: they agree at the optimum.
    expect(Math.abs(cdarOf(p.weights.values) - p.cdar)).toBeLessThan(1e-14);
    expect(p.nScenarios).toBe(T);
  });
  it("no random long-only portfolio has a lower CDaR (2,000 portfolios)", async () => {
    const p = await minCdar(returns, { beta: fixture.beta });
    const rand = seededRandom(3);
    for (let k = 0; k < 2000; k++) {
      const w = Array.from({ length: n }, () => -Math.log(rand()));
      const s = w.reduce((a, b) => a + b, 0);
      expect(cdarOf(w.map((v) => v / s))).toBeGreaterThanOrEqual(p.cdar - 1e-12);
    }
  });
  it("keeps bounds and constraints", async () => {
    const p = await minCdar(returns, { beta: fixture.beta, bounds: [0, 0.3], constraints: [sectorLimits({ sectorOf: { A0: "x", A1: "x", A2: "y", A3: "y", A4: "y" }, caps: { x: 0.4 } })] });
    p.weights.values.forEach((w) => expect(w).toBeLessThanOrEqual(0.3 + 1e-9));
    expect(p.weights.values[0]! + p.weights.values[1]!).toBeLessThanOrEqual(0.4 + 1e-9);
    expect(p.cdar).toBeGreaterThanOrEqual(fixture.cdar - 1e-12);
  });
  it("names bad input", async () => {
    await expect(minCdar(returns, { beta: 1 })).rejects.toThrowError(/beta 1 must be a confidence level in \[0, 1\)/);
    await expect(minCdar(returns, { bounds: [0, 0.1] })).rejects.toThrowError(/upper bounds sum to 0.5/);
  });
});
