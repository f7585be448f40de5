import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { maxSharpe } from "../../src/optimise/max-sharpe";
import { efficientFrontier } from "../../src/optimise/efficient-frontier";
import { l2Regularisation } from "../../src/optimise/l2-regularisation";
import { portfolioPerformance } from "../../src/measures/performance";
import { maxHoldings } from "../../src/optimise/constraints/max-holdings";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";
import { turnoverLimit } from "../../src/optimise/constraints/turnover-limit";
import { assetBounds } from "../../src/optimise/constraints/asset-bounds";
import { solveQuadraticProgram } from "../../src/optim/quadprog-solver";
import { marketModelCovariance } from "./helpers/hard-covariances";
import { randomCovariance, seededRandom } from "./helpers/random";
import { cov, expected, expectWeights, labelsOf, mu, snapshot, sum, synthetic } from "./optimizer-fixtures";

const rf = expected.riskFreeRate;
const sharpeOf = (w: { values: Float64Array }, m = mu, c = cov, r = rf) =>
  portfolioPerformance({ labels: m.labels, values: w.values }, m, c, { riskFreeRate: r }).sharpe;

describe("maxSharpe", () => {
  it("matches the cvxopt tangency portfolio on the fixture (rf 0.02) to 1e-6", () => {
    expectWeights(maxSharpe(mu, cov, { riskFreeRate: rf }), expected.fixture.maxSharpe);
  });

  it("matches cvxopt with bounds [0.05, 0.35] scaled by k", () => {
    expectWeights(maxSharpe(mu, cov, { riskFreeRate: rf, bounds: expected.fixture.maxSharpeBounded.bounds }), expected.fixture.maxSharpeBounded.weights);
  });

  it("matches cvxopt with shorting allowed (bounds [-1, 1]: lower bounds become rows −k ≤ y)", () => {
    const w = maxSharpe(mu, cov, { riskFreeRate: rf, bounds: expected.fixture.maxSharpeShort.bounds });
    expectWeights(w, expected.fixture.maxSharpeShort.weights);
    expect(Math.min(...w.values)).toBeLessThan(0);
    expect(sum(w.values)).toBeCloseTo(1, 12);
  });

  it("adds L2 regularisation in the transformed variables, as PyPortfolioOpt", () => {
    const w = maxSharpe(mu, cov, { riskFreeRate: rf, objectives: [l2Regularisation(expected.fixture.maxSharpeL2.gamma)] });
    expectWeights(w, expected.fixture.maxSharpeL2.weights);
  });

  it("matches cvxopt on the synthetic universe, with sector caps and floors, and with a turnover limit", () => {
    const { sectors, maxTurnover } = expected.synthetic;
    expectWeights(maxSharpe(synthetic.mu, synthetic.cov, { riskFreeRate: rf }), expected.synthetic.maxSharpe);
    const withSectors = maxSharpe(synthetic.mu, synthetic.cov, { riskFreeRate: rf, constraints: [sectorLimits(sectors)] });
    expectWeights(withSectors, expected.synthetic.maxSharpeSectors);
    const tech = withSectors.values.slice(0, 4).reduce((s, x) => s + x, 0);
    const energy = withSectors.values.slice(4, 8).reduce((s, x) => s + x, 0);
    expect(tech).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(energy).toBeGreaterThanOrEqual(0.25 - 1e-9);
    const withTurnover = maxSharpe(synthetic.mu, synthetic.cov, {
      riskFreeRate: rf,
      constraints: [turnoverLimit({ currentWeights: synthetic.currentWeights, maxTurnover })],
    });
    expectWeights(withTurnover, expected.synthetic.maxSharpeTurnover);
    const turnover = withTurnover.values.reduce((s, x, i) => s + Math.abs(x - synthetic.currentWeights.values[i]!), 0);
    expect(turnover).toBeLessThanOrEqual(maxTurnover + 1e-8);
  });

  it("gives the 2-asset closed form w ∝ Σ⁻¹(μ − rf)", () => {
    // σ₁ = 0.2, σ₂ = 0.3, ρ = 0.25; μ = (0.1, 0.15), rf = 0.03
    const labels = ["A", "B"];
    const c12 = 0.25 * 0.2 * 0.3;
    const S = { labels, values: Float64Array.of(0.04, c12, c12, 0.09) };
    const m = { labels, values: Float64Array.of(0.1, 0.15) };
    const [e1, e2] = [0.07, 0.12];
    const det = 0.04 * 0.09 - c12 * c12;
    const z1 = (0.09 * e1 - c12 * e2) / det;
    const z2 = (0.04 * e2 - c12 * e1) / det;
    const w = maxSharpe(m, S, { riskFreeRate: 0.03, ridge: 0 });
    expect(w.values[0]).toBeCloseTo(z1 / (z1 + z2), 10);
    expect(w.values[1]).toBeCloseTo(z2 / (z1 + z2), 10);
  });

  it("is not beaten by any point of the efficient frontier, nor by random long-only portfolios", () => {
    const w = maxSharpe(mu, cov, { riskFreeRate: rf });
    const best = sharpeOf(w);
    for (const point of efficientFrontier(mu, cov, { points: 30, riskFreeRate: rf })) expect(point.sharpe).toBeLessThanOrEqual(best + 1e-9);
    const random = seededRandom(11);
    for (let k = 0; k < 500; k++) {
      const p = Float64Array.from(mu.labels, () => random());
      const s = sum(p);
      expect(sharpeOf({ values: p.map((x) => x / s) })).toBeLessThanOrEqual(best + 1e-9);
    }
  });

  it("solves 300 assets (working set) with weights summing to 1 and the KKT optimum: no frontier point beats it", () => {
    const n = 300;
    const random = seededRandom(300);
    const c = { labels: labelsOf(n), values: randomCovariance(n, random) };
    const m = { labels: labelsOf(n), values: Float64Array.from({ length: n }, () => 0.3 * random() - 0.05) };
    const w = maxSharpe(m, c, { riskFreeRate: 0.02, bounds: [0, 0.1] });
    expect(sum(w.values)).toBeCloseTo(1, 12);
    expect(Math.max(...w.values)).toBeLessThanOrEqual(0.1 + 1e-12);
    const best = sharpeOf(w, m, c, 0.02);
    for (const point of efficientFrontier(m, c, { points: 8, riskFreeRate: 0.02, bounds: [0, 0.1] })) expect(point.sharpe).toBeLessThanOrEqual(best + 1e-9);
  });

  it.each([
    ["idiosyncratic variances down to 1e-6 of the largest", 150, 1e-6, 1],
    ["idiosyncratic variances down to 1e-7 of the largest", 120, 1e-7, 1],
    ["three identical copies of each asset (rank n/3)", 150, 1e-2, 3],
  ])("long-only, %s: the Sharpe ratio of one quadprog solve of the whole y-problem", (_, n, smallest, copies) => {
    const random = seededRandom(n * copies + 1);
    const c = { labels: labelsOf(n), values: marketModelCovariance(n, smallest, random, copies) };
    const m = { labels: labelsOf(n), values: Float64Array.from({ length: n }, (_, i) => 0.02 + 0.1 * ((i * 37) % n) / n) };
    const w = maxSharpe(m, c, { riskFreeRate: 0.02 });
    // Reference: min yᵀ(Σ + ridge·I)y s.t. (μ − rf)ᵀy = 1, y ≥ 0 on every variable at once; w = y / Σy.
    const Q = Float64Array.from(c.values, (v) => 2 * v);
    for (let i = 0; i < n; i++) Q[i * n + i] = Q[i * n + i]! + 2e-10;
    const Aineq = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Aineq[i * n + i] = -1;
    const y = solveQuadraticProgram({ Q, Aeq: Float64Array.from(m.values, (v) => v - 0.02), beq: Float64Array.of(1), Aineq, bineq: new Float64Array(n) }).x;
    const k = y.reduce((s, yi) => s + yi, 0);
    const reference = { values: Float64Array.from(y, (yi) => Math.max(0, yi / k)) };
    expect(sum(w.values)).toBeCloseTo(1, 12);
    expect(sharpeOf(w, m, c, 0.02)).toBeGreaterThanOrEqual(sharpeOf(reference, m, c, 0.02) * (1 - 1e-9));
    if (copies === 1) w.values.forEach((wi, i) => expect(Math.abs(wi - reference.values[i]!)).toBeLessThan(1e-6));
  });

  it("limits the number of holdings (heuristic) and is optimal among the kept assets", () => {
    const full = maxSharpe(synthetic.mu, synthetic.cov, { riskFreeRate: rf });
    expect(full.values.filter((x) => x > 0).length).toBeGreaterThan(4);
    const limited = maxSharpe(synthetic.mu, synthetic.cov, { riskFreeRate: rf, constraints: [maxHoldings(4)] });
    const kept = limited.labels.filter((_, i) => limited.values[i]! > 0);
    expect(kept.length).toBeLessThanOrEqual(4);
    expect(sum(limited.values)).toBeCloseTo(1, 12);
    // The same problem restricted to the kept assets gives the same portfolio.
    const others = Object.fromEntries(limited.labels.filter((l) => !kept.includes(l)).map((l) => [l, [0, 0] as const]));
    expectWeights(maxSharpe(synthetic.mu, synthetic.cov, { riskFreeRate: rf, constraints: [assetBounds(others)] }), limited.values, 1e-9);
  });

  it("throws InfeasibleError naming the best asset when no expected return beats the risk-free rate", () => {
    expect(() => maxSharpe(mu, cov, { riskFreeRate: 0.3 })).toThrow(InfeasibleError);
    expect(() => maxSharpe(mu, cov, { riskFreeRate: 0.3 })).toThrow(
      "maxSharpe: no asset has expected return above the risk-free rate 0.3 (best: DYNA 0.294); lower the risk-free rate or use minVolatility",
    );
    // The bounds force 5 % in each losing asset: the best attainable return is 0.147.
    expect(() => maxSharpe(mu, cov, { riskFreeRate: 0.2, bounds: [0.05, 0.35] })).toThrow(/highest expected return these bounds allow is 0.147/);
  });

  it("throws InputError for malformed inputs", () => {
    expect(() => maxSharpe(mu, cov, { riskFreeRate: NaN })).toThrow(InputError);
    expect(() => maxSharpe({ labels: ["X", ...mu.labels.slice(1)], values: mu.values }, cov)).toThrow(/mu label 0 is X but cov label 0 is ACME/);
    expect(() => maxSharpe({ labels: mu.labels, values: mu.values.map((x, i) => (i === 2 ? NaN : x)) }, cov)).toThrow(/expected return of CRUX is NaN/);
    expect(() => maxSharpe(mu, cov, { constraints: [{} as never] })).toThrow(/constraints\[0\] is not a constraint object/);
  });

  it("does not modify its inputs", () => {
    const [m, c] = [snapshot(mu), snapshot(cov)];
    maxSharpe(mu, cov, { riskFreeRate: rf, bounds: [0, 0.6] });
    expect(mu).toEqual(m);
    expect(cov.values).toEqual(c.values);
  });
});
