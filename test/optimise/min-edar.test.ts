// Minimum entropic drawdown at risk (EDaR), the highest return per unit of EDaR and EDaR risk budgeting:
// - on Riskfolio-Lib's test data (200 days × 10 assets) against the weights its own tests assert (tests/test_portfolio.py,
//   rm="EDaR", alpha 0.05, exponential-cone programmes solved there by Clarabel; Classic_MinRisk.csv, Classic_Sharpe.csv,
//   Classic_RP.csv, kept in test/fixtures/risk/riskfolio by make_fixture.py). Clarabel's weights are within about 6e-6
//   of ours; ours are never riskier (nor a lower ratio);
// - against cvxopt's convex solver on an independent formulation (the running peak as variables), on 300 seeded days ×
//   6 assets (test/fixtures/allocation/make_min_edar.py): weights to 1e-9, EDaR to 1e-13;
// - by properties: no random portfolio beats the optimum, EDaR ≥ CDaR for every portfolio (so the least EDaR is at
//   least the least CDaR), the constraints hold, and the EDaR contributions equal the budgets.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/core/paths";
import { edarRiskBudget, maxEdarRatio, minEdar, uncompoundedEdar } from "../../src/optimise/min-edar";
import { minCdar, uncompoundedCdar } from "../../src/optimise/min-cdar";
import { maxHoldings, maxScenarioRatio, minScenarioRisk, sectorLimits } from "../../src/optimise/index";
import { dailyReturns, gap, riskfolioReturns, riskfolioWeights } from "./helpers/riskfolio-fixture";
import { seededRandom } from "./helpers/random";

const riskfolioEdar = (w: ArrayLike<number>) => uncompoundedEdar(dailyReturns(w), 0.95);

const fixture = JSON.parse(readFileSync(packagePath("test", "fixtures", "allocation", "min-edar.json"), "utf8")) as {
  returns: number[][];
  cases: { name: string; beta: number; bounds: [number, number]; weights: number[]; edar: number; z: number }[];
  maxRatio: { beta: number; weights: number[]; ratio: number; z: number };
};
const T = fixture.returns.length;
const n = fixture.returns[0]!.length;
const dates = Array.from({ length: T }, (_, t) => new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10));
const returns = { dates, tickers: Array.from({ length: n }, (_, j) => `A${j}`), values: Float64Array.from(fixture.returns.flat()) };
const pathOf = (w: ArrayLike<number>) => fixture.returns.map((r) => r.reduce((s, v, j) => s + v * w[j]!, 0));
const edarOf = (w: ArrayLike<number>, beta: number) => uncompoundedEdar(pathOf(w), beta);

/** Random long-only weights summing to 1 (uniform on the simplex). */
function randomWeights(rand: () => number, k: number): number[] {
  const raw = Array.from({ length: k }, () => -Math.log(1 - rand()));
  const total = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => x / total);
}

describe("uncompoundedEdar", () => {
  it("is the worst drawdown when T·(1 − β) < 1 (the TSDoc example), and lies between CDaR and it otherwise", () => {
    expect(uncompoundedEdar(Float64Array.of(0.1, -0.5, -0.3, 0.8), 0.95)).toBeCloseTo(0.8, 15);
    const y = pathOf([0.2, 0.2, 0.2, 0.2, 0.1, 0.1]);
    const worst = -Math.min(...y.reduce<number[]>((acc, r) => [...acc, Math.min(0, (acc.at(-1) ?? 0) + r)], []));
    const edar = uncompoundedEdar(y, 0.9);
    expect(edar).toBeGreaterThan(uncompoundedCdar(y, 0.9));
    expect(edar).toBeLessThan(worst);
  });
});

describe("minEdar", () => {
  it("reproduces Riskfolio-Lib's asserted EDaR weights within 2e-5, and is no riskier", async () => {
    const expected = riskfolioWeights("min_risk_weights.csv", "EDaR");
    const result = await minEdar(riskfolioReturns);
    expect(gap(result.weights.values, expected)).toBeLessThan(2e-5);
    expect(result.edar).toBeCloseTo(riskfolioEdar(result.weights.values), 14);
    expect(result.edar).toBeLessThanOrEqual(riskfolioEdar(expected) + 1e-12);
    expect(result.nScenarios).toBe(200);
    // z attains the infimum: G(w, z) equals the EDaR found by the measures layer's search over z.
    const d = Array.from(dailyReturns(result.weights.values)).reduce<number[]>((acc, r) => [...acc, Math.max(0, (acc.at(-1) ?? 0) - r)], []);
    const G = result.z * Math.log(d.reduce((s, x) => s + Math.exp(x / result.z), 0) / d.length / 0.05);
    expect(G).toBeCloseTo(result.edar, 10);
  });

  it("reaches cvxopt's optimum of the running-peak formulation (weights 1e-9, EDaR 1e-13, z 1e-9)", async () => {
    for (const c of fixture.cases) {
      const p = await minEdar(returns, { beta: c.beta, bounds: c.bounds, cutoff: 0 });
      expect(gap(p.weights.values, c.weights)).toBeLessThan(1e-9);
      expect(Math.abs(p.edar - c.edar)).toBeLessThan(1e-13);
      expect(Math.abs(p.z - c.z)).toBeLessThan(1e-9);
    }
  });

  it("is never beaten by 300 random long-only portfolios, and EDaR ≥ CDaR: its EDaR is at least the least CDaR", async () => {
    const beta = 0.95;
    const best = await minEdar(returns, { beta });
    const rand = seededRandom(15);
    for (let k = 0; k < 300; k++) {
      const w = randomWeights(rand, n);
      const edar = edarOf(w, beta);
      expect(edar).toBeGreaterThanOrEqual(best.edar - 1e-12);
      expect(edar).toBeGreaterThanOrEqual(uncompoundedCdar(pathOf(w), beta) - 1e-15);
    }
    const cdar = await minCdar(returns, { beta });
    expect(uncompoundedCdar(pathOf(best.weights.values), beta)).toBeLessThanOrEqual(best.edar);
    expect(cdar.cdar).toBeLessThanOrEqual(best.edar);
    expect(edarOf(cdar.weights.values, beta)).toBeGreaterThanOrEqual(best.edar - 1e-12);
  });

  it("holds bounds and linear constraints (sector caps), no less risky than without them", async () => {
    const free = await minEdar(returns);
    const sectorOf = { A0: "x", A1: "x", A2: "y", A3: "y", A4: "z", A5: "z" };
    const p = await minEdar(returns, { bounds: [0.02, 0.45], constraints: [sectorLimits({ sectorOf, caps: { x: 0.5 } })] });
    const w = p.weights.values;
    expect(Math.min(...w)).toBeGreaterThanOrEqual(0.02 - 1e-9);
    expect(Math.max(...w)).toBeLessThanOrEqual(0.45 + 1e-9);
    expect(w[0]! + w[1]!).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(p.edar).toBeGreaterThanOrEqual(free.edar);
    // No random portfolio inside the same constraints does better.
    const rand = seededRandom(4);
    for (let k = 0; k < 200; k++) {
      const v = randomWeights(rand, n).map((x) => 0.02 + 0.88 * x);
      if (Math.max(...v) > 0.45 || v[0]! + v[1]! > 0.5) continue;
      expect(edarOf(v, 0.95)).toBeGreaterThanOrEqual(p.edar - 1e-12);
    }
  });

  it("where T·(1 − β) ≤ 1 EDaR is the worst drawdown: it gives the maximum-drawdown LP's weights (1e-9)", async () => {
    const short = { dates: dates.slice(0, 50), tickers: returns.tickers, values: returns.values.slice(0, 50 * n) };
    const p = await minEdar(short, { beta: 0.99, cutoff: 0 });
    const lp = await minScenarioRisk(short, { measure: "maxDrawdown", cutoff: 0 });
    expect(gap(p.weights.values, lp.weights.values)).toBeLessThan(1e-9);
    expect(Math.abs(p.edar - lp.risk)).toBeLessThan(1e-12);
  });

  it("the TSDoc example: two assets losing on different days mix half and half and never draw down", async () => {
    const p = await minEdar({ dates: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"], tickers: ["A", "B"], values: Float64Array.of(-0.02, 0.02, 0.02, -0.02, -0.02, 0.02, 0.02, -0.02) }, { beta: 0.5 });
    p.weights.values.forEach((w) => expect(w).toBeCloseTo(0.5, 9));
    expect(p.edar).toBeLessThan(1e-12);
  });

  it("throws typed errors naming the bad input, and leaves the returns unchanged", async () => {
    const before = Float64Array.from(returns.values);
    await expect(minEdar(returns, { beta: 0 })).rejects.toMatchObject({ code: "BAD_BETA" });
    await expect(minEdar(returns, { beta: 1 })).rejects.toMatchObject({ code: "BAD_BETA" });
    await expect(minEdar(returns, { constraints: [maxHoldings(3)] })).rejects.toMatchObject({ code: "UNSUPPORTED_CONSTRAINT" });
    await expect(minEdar(returns, { bounds: [0, 0.1] })).rejects.toThrowError(/upper bounds sum to 0.6/);
    await expect(minEdar({ ...returns, values: returns.values.map((v, k) => (k === 7 ? Infinity : v)) })).rejects.toMatchObject({ code: "NON_FINITE_RETURN" });
    await minEdar(returns);
    expect(returns.values).toEqual(before);
  });
});

describe("maxEdarRatio", () => {
  const ratio = (w: ArrayLike<number>) => {
    const y = dailyReturns(w);
    return y.reduce((s, x) => s + x, 0) / y.length / riskfolioEdar(w);
  };
  it("reproduces Riskfolio-Lib's asserted EDaR-ratio weights within 2e-5, with a ratio at least its", async () => {
    const expected = riskfolioWeights("max_ratio_weights.csv", "EDaR");
    const result = await maxEdarRatio(riskfolioReturns);
    expect(gap(result.weights.values, expected)).toBeLessThan(2e-5);
    expect(result.ratio).toBeCloseTo(ratio(result.weights.values), 12);
    expect(result.ratio).toBeGreaterThanOrEqual(ratio(expected) - 1e-12);
  });
  it("reaches cvxopt's optimum of the Charnes–Cooper programme (weights 1e-9, ratio 1e-12)", async () => {
    const result = await maxEdarRatio(returns, { beta: fixture.maxRatio.beta, cutoff: 0 });
    expect(gap(result.weights.values, fixture.maxRatio.weights)).toBeLessThan(1e-9);
    expect(Math.abs(result.ratio - fixture.maxRatio.ratio)).toBeLessThan(1e-12);
    expect(Math.abs(result.z - fixture.maxRatio.z)).toBeLessThan(1e-9);
  });
  it("holds upper bounds, and no random portfolio has a higher ratio", async () => {
    const capped = await maxEdarRatio(returns, { bounds: [0, 0.3] });
    expect(Math.max(...capped.weights.values)).toBeLessThanOrEqual(0.3 + 1e-10);
    expect(capped.weights.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    const mean = (w: ArrayLike<number>) => pathOf(w).reduce((s, x) => s + x, 0) / T;
    const best = await maxEdarRatio(returns);
    const rand = seededRandom(9);
    for (let k = 0; k < 200; k++) {
      const w = randomWeights(rand, n);
      expect(mean(w) / edarOf(w, 0.95)).toBeLessThanOrEqual(best.ratio + 1e-12);
    }
  });
  it("where T·(1 − β) ≤ 1 it is the maximum-drawdown ratio LP's portfolio", async () => {
    const short = { dates: dates.slice(0, 50), tickers: returns.tickers, values: returns.values.slice(0, 50 * n) };
    const ours = await maxEdarRatio(short, { beta: 0.99 });
    const lp = await maxScenarioRatio(short, { measure: "maxDrawdown" });
    expect(gap(ours.weights.values, lp.weights.values)).toBeLessThan(1e-12);
    expect(ours.ratio).toBeCloseTo(lp.ratio, 12);
    expect(ours.z).toBe(0);
  });
  it("names a risk-free rate no portfolio beats", async () => {
    await expect(maxEdarRatio(returns, { riskFreeRate: 0.05 })).rejects.toMatchObject({ code: "NO_EXCESS_RETURN" });
  });
});

describe("edarRiskBudget", () => {
  it("reproduces Riskfolio-Lib's asserted EDaR risk-parity weights within 1e-5", async () => {
    const expected = riskfolioWeights("risk_parity_weights.csv", "EDaR");
    const result = await edarRiskBudget(riskfolioReturns, new Float64Array(10).fill(0.1));
    expect(gap(result.weights.values, expected)).toBeLessThan(1e-5);
    expect(result.edar).toBeCloseTo(riskfolioEdar(result.weights.values), 14);
  });
  it("the EDaR contributions wᵢ·∂EDaR/∂wᵢ / EDaR equal random budgets within 1e-6", async () => {
    const rand = seededRandom(8);
    const raw = Array.from({ length: n }, () => 0.5 + rand());
    const total = raw.reduce((s, x) => s + x, 0);
    const b = Float64Array.from(raw, (x) => x / total);
    const { weights, edar } = await edarRiskBudget(returns, b);
    const w = weights.values;
    for (let i = 0; i < n; i++) {
      const h = 1e-6 * w[i]!;
      const up = Float64Array.from(w, (x, j) => (j === i ? x + h : x));
      const down = Float64Array.from(w, (x, j) => (j === i ? x - h : x));
      expect(Math.abs((w[i]! * (edarOf(up, 0.95) - edarOf(down, 0.95))) / (2 * h) / edar - b[i]!)).toBeLessThan(1e-6);
    }
  });
  it("leaves the budgets unchanged", async () => {
    const b = Float64Array.of(0.1, 0.2, 0.3, 0.1, 0.2, 0.1);
    await edarRiskBudget(returns, b);
    expect(Array.from(b)).toEqual([0.1, 0.2, 0.3, 0.1, 0.2, 0.1]);
  });
  it("names bad budgets", async () => {
    await expect(edarRiskBudget(returns, Float64Array.of(1, 0, 0, 0, 0, 0))).rejects.toMatchObject({ code: "BAD_BUDGETS" });
    await expect(edarRiskBudget(returns, Float64Array.of(0.5, 0.5))).rejects.toMatchObject({ code: "BAD_BUDGETS" });
  });
});
