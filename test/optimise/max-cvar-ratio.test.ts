import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { empiricalTail } from "../../src/measures/index";
import { maxCvarRatio } from "../../src/optimise/index";

// test/fixtures/allocation/make_max_cvar_ratio.py: Riskfolio-Lib's Charnes–Cooper LP solved by scipy's linprog.
const fixture = JSON.parse(readFileSync(packagePath("test", "fixtures", "allocation", "max-cvar-ratio.json"), "utf8")) as {
  beta: number;
  riskFreeRate: number;
  returns: number[][];
  weights: number[];
  ratio: number;
};
const T = fixture.returns.length;
const n = fixture.returns[0]!.length;
const returns = {
  dates: Array.from({ length: T }, (_, t) => `2024-${String(1 + Math.floor(t / 28)).padStart(2, "0")}-${String(1 + (t % 28)).padStart(2, "0")}`),
  tickers: Array.from({ length: n }, (_, i) => `A${i}`),
  values: Float64Array.from(fixture.returns.flat()),
};
const mu = Array.from({ length: n }, (_, j) => fixture.returns.reduce((s, r) => s + r[j]!, 0) / T);
const ratioOf = (w: readonly number[]) => {
  const p = fixture.returns.map((r) => r.reduce((s, v, i) => s + v * w[i]!, 0));
  return (w.reduce((s, v, i) => s + v * mu[i]!, 0) - fixture.riskFreeRate) / empiricalTail(p, fixture.beta).conditionalValueAtRisk;
};

describe("maxCvarRatio", () => {
  it("reaches scipy's optimum of the same programme (ratio to 1e-9, weights to 1e-6)", async () => {
    const p = await maxCvarRatio(returns, { beta: fixture.beta, riskFreeRate: fixture.riskFreeRate, cutoff: 0 });
    expect(Math.abs(p.ratio - fixture.ratio)).toBeLessThan(1e-9);
    p.weights.values.forEach((w, i) => expect(Math.abs(w - fixture.weights[i]!)).toBeLessThan(1e-6));
    expect(Math.abs(ratioOf(Array.from(p.weights.values)) - p.ratio)).toBeLessThan(1e-12);
  });
  it("is beaten by no point of a 1 % grid over the long-only simplex (176,851 portfolios)", async () => {
    const p = await maxCvarRatio(returns, { beta: fixture.beta, riskFreeRate: fixture.riskFreeRate });
    let best = -Infinity;
    for (let a = 0; a <= 100; a++)
      for (let b = 0; a + b <= 100; b++)
        for (let c = 0; a + b + c <= 100; c++) best = Math.max(best, ratioOf([a / 100, b / 100, c / 100, (100 - a - b - c) / 100]));
    expect(p.ratio).toBeGreaterThanOrEqual(best - 1e-12);
    expect(p.ratio - best).toBeLessThan(0.01); // and the grid comes close to it
  }, 60_000);
  it("keeps per-asset bounds", async () => {
    const p = await maxCvarRatio(returns, { beta: fixture.beta, bounds: [0.05, 0.3] });
    p.weights.values.forEach((w) => {
      expect(w).toBeGreaterThanOrEqual(0.05 - 1e-9);
      expect(w).toBeLessThanOrEqual(0.3 + 1e-9);
    });
    expect(p.weights.values.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });
  it("says when no portfolio beats the risk-free rate, and names bad input", async () => {
    await expect(maxCvarRatio(returns, { riskFreeRate: 0.05 })).rejects.toThrowError(/does not exceed the risk-free rate 0.05/);
    await expect(maxCvarRatio(returns, { mu: [0.01] })).rejects.toThrowError(/mu has 1 values for 4 assets/);
    await expect(maxCvarRatio(returns, { mu: [0.01, Number.NaN, 0, 0] })).rejects.toThrowError(/mu of A1 is NaN/);
  });
});
