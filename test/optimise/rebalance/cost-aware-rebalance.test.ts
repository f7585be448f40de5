import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/index";
import { priorOf, type Prior } from "../../../src/moments/index";
import { portfolios, turnoverLimit } from "../../../src/optimise/index";
import { costAwareRebalance, type TaxLot } from "../../../src/optimise/rebalance/index";

// Known answers: cvxopt (Debian's python3-cvxopt) on the same QP with explicit weights, make_rebalance.py.
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/rebalance/rebalance.json"), "utf8"));

function priorFrom(mu: readonly number[], cov: readonly number[]): Prior {
  const labels = mu.map((_, i) => `A${i}`);
  const n = labels.length;
  const dates = ["2026-01-02", "2026-01-05", "2026-01-06"];
  const values = Float64Array.from({ length: dates.length * n }, (_, k) => 0.001 * ((k % 7) - 3));
  return priorOf({
    expectedReturns: { labels, values: Float64Array.from(mu) },
    covariance: { labels, values: Float64Array.from(cov) },
    returns: { dates, tickers: labels, values },
    description: "fixture",
  });
}

const labelled = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [`A${i}`, v]));

describe("costAwareRebalance", () => {
  const s = fixture.single;
  const p = priorFrom(s.mu, s.cov);

  it("matches cvxopt with commission, spread, impact and a turnover penalty", () => {
    const r = costAwareRebalance(p, {
      current: { weights: labelled(s.w0) },
      riskAversion: s.gamma,
      bounds: [0, s.upper],
      costs: { commissionBps: s.commissionBps, spreadBps: labelled(s.spreadBps), impact: labelled(s.impact), turnoverPenalty: s.turnoverPenalty },
    });
    Array.from(r.weights.values).forEach((w, i) => expect(w).toBeCloseTo(s.weights[i], 6));
    expect(r.details.objective).toBeCloseTo(s.objective, 8);
    expect(r.details.turnover).toBeCloseTo(s.weights.reduce((a: number, w: number, i: number) => a + Math.abs(w - s.w0[i]), 0), 6);
    expect(r.details.cost.total).toBeGreaterThan(0);
    expect(r.details.tradeTable.columns).toEqual(["current", "target", "trade", "cost"]);
  });

  it("with zero costs equals portfolios.maxUtility", () => {
    const free = costAwareRebalance(p, { current: { weights: labelled(s.w0) }, riskAversion: s.gamma, bounds: [0, s.upper] });
    const mu = portfolios.maxUtility(p, { riskAversion: s.gamma, bounds: [0, s.upper] });
    Array.from(free.weights.values).forEach((w, i) => expect(w).toBeCloseTo(mu.weights.values[i]!, 6));
    expect(free.details.cost.total).toBe(0);
  });

  it("with huge costs holds the current weights", () => {
    const r = costAwareRebalance(p, { current: { weights: labelled(s.w0) }, riskAversion: s.gamma, bounds: [0, s.upper], costs: { spreadBps: 10_000 } });
    Array.from(r.weights.values).forEach((w, i) => expect(w).toBeCloseTo(s.w0[i], 9));
    expect(r.details.turnover).toBeLessThan(1e-8);
  });

  it("linear costs only: matches cvxopt, and the no-trade region holds (KKT)", () => {
    const lin = fixture.linear;
    // linear cost per unit as commission (bps) per asset
    const r = costAwareRebalance(p, {
      current: { weights: labelled(s.w0) },
      riskAversion: s.gamma,
      bounds: [0, s.upper],
      costs: { commissionBps: labelled(lin.linearCost.map((c: number) => c * 1e4)) },
    });
    Array.from(r.weights.values).forEach((w, i) => expect(w).toBeCloseTo(lin.weights[i], 6));
    // marginal utility g_i = μ_i − γ(Σw)_i; traded assets inside their bounds sit at g_i − ν = ±κ_i, untraded ones within
    const n = s.mu.length;
    const w = r.weights.values;
    const g = s.mu.map((m: number, i: number) => m - s.gamma * s.cov.slice(i * n, (i + 1) * n).reduce((a: number, c: number, j: number) => a + c * w[j]!, 0));
    const inside = (i: number) => w[i]! > 1e-7 && w[i]! < s.upper - 1e-7;
    const bought = [...Array(n).keys()].filter((i) => inside(i) && w[i]! - s.w0[i] > 1e-7);
    expect(bought.length).toBeGreaterThan(0);
    const nu = g[bought[0]!] - lin.linearCost[bought[0]!];
    for (let i = 0; i < n; i++) {
      if (!inside(i)) continue;
      const d = w[i]! - s.w0[i];
      if (d > 1e-7) expect(g[i] - nu).toBeCloseTo(lin.linearCost[i], 6);
      else if (d < -1e-7) expect(g[i] - nu).toBeCloseTo(-lin.linearCost[i], 6);
      else expect(Math.abs(g[i] - nu)).toBeLessThanOrEqual(lin.linearCost[i] + 1e-7);
    }
  });

  it("no-trade band: every trade is 0 or at least the band", () => {
    const band = 0.05;
    const r = costAwareRebalance(p, { current: { weights: labelled(s.w0) }, riskAversion: s.gamma, bounds: [0, s.upper], costs: { spreadBps: 5 }, noTradeBand: band });
    const trades = Array.from(r.details.trades.values);
    for (const d of trades) expect(d === 0 || Math.abs(d) >= band - 1e-9).toBe(true);
    expect(r.details.heldByBand.length).toBeGreaterThan(0);
    expect(r.weights.sum()).toBeCloseTo(1, 8);
  });

  it("takes shares, prices and cash, and a turnover limit", () => {
    const prices = labelled([10, 20, 30, 40, 50, 60, 70, 80]);
    const value = 100_000;
    const shares = labelled(s.w0.map((w: number, i: number) => (w * value) / ((i + 1) * 10)));
    const r = costAwareRebalance(p, { current: { shares, prices, cash: 0 }, riskAversion: s.gamma, bounds: [0, s.upper], constraints: [turnoverLimit({ currentWeights: labelled(s.w0), maxTurnover: 0.1 })] });
    expect(r.details.turnover).toBeLessThanOrEqual(0.1 + 1e-7);
    expect(r.details.value).toBeCloseTo(value, 6);
  });

  it("refuses bad input with typed errors", () => {
    const current = { weights: labelled(s.w0) };
    expect(() => costAwareRebalance(p, { current: { weights: { ZZZ: 0.5, A0: 0.5 } } })).toThrow(InputError);
    expect(() => costAwareRebalance(p, { current, costs: { spreadBps: -1 } })).toThrow(/spreadBps/);
    expect(() => costAwareRebalance(p, { current, costs: { impact: { A0: Number.NaN } } })).toThrow(InputError);
    expect(() => costAwareRebalance(p, { current, tax: { rate: -0.2 } })).toThrow(/rate/);
    expect(() => costAwareRebalance(p, { current, riskAversion: 0 })).toThrow(InputError);
    expect(() => costAwareRebalance(p, { current, bounds: [0, 0.1] })).toThrow(InfeasibleError);
  });

  it("does not change its inputs", () => {
    const w0 = Float64Array.from(s.w0);
    const current = { weights: { labels: s.mu.map((_: number, i: number) => `A${i}`), values: w0 } };
    costAwareRebalance(p, { current, costs: { spreadBps: 10 } });
    expect(Array.from(w0)).toEqual(s.w0);
  });
});

describe("costAwareRebalance, tax-aware", () => {
  const t = fixture.tax;
  const p = priorFrom(t.mu, t.cov);
  const prices = labelled(t.prices);
  const lots: TaxLot[] = t.lots;
  const shares: Record<string, number> = {};
  for (const lot of lots) shares[lot.ticker] = (shares[lot.ticker] ?? 0) + lot.shares;
  const options = { current: { shares, prices, cash: t.cash }, riskAversion: t.gamma, costs: { commissionBps: t.commissionBps, impact: t.impact }, taxLots: lots };

  it("matches cvxopt, selling losses and small gains first", () => {
    const r = costAwareRebalance(p, { ...options, tax: { rate: t.rate, asOf: t.asOf } });
    Array.from(r.weights.values).forEach((w, i) => expect(w).toBeCloseTo(t.weights[i], 6));
    expect(r.details.objective).toBeCloseTo(t.objective, 8);
    const sales = r.details.lotSales!;
    expect(sales).toBeDefined();
    // the lots at a loss (basis above the price) are sold, the large gains (lot 0, lot 2) are kept
    expect(sales.labels).toContain("lot 1");
    expect(sales.labels).toContain("lot 3");
    expect(sales.labels).not.toContain("lot 0");
    expect(sales.labels).not.toContain("lot 2");
  });

  it("with a zero rate matches the optimiser without tax", () => {
    const r = costAwareRebalance(p, { ...options, tax: { rate: 0, asOf: t.asOf } });
    Array.from(r.weights.values).forEach((w, i) => expect(w).toBeCloseTo(t.weightsWithoutTax[i], 6));
  });

  it("keeps the no-trade band in tax-aware mode", () => {
    const band = 0.05;
    const r = costAwareRebalance(p, { ...options, tax: { rate: t.rate, asOf: t.asOf }, noTradeBand: band });
    for (const d of r.details.trades.values) expect(d === 0 || Math.abs(d) >= band - 1e-9).toBe(true);
    expect(r.weights.sum()).toBeCloseTo(1, 8);
  });

  it("refuses lots without rates, lots of unknown tickers and lots beyond the shares held", () => {
    expect(() => costAwareRebalance(p, options)).toThrow(/tax rates/);
    expect(() => costAwareRebalance(p, { ...options, tax: { rate: 0.2 }, taxLots: [{ ticker: "ZZZ", shares: 1, costBasis: 1, acquired: "2025-01-02" }] })).toThrow(/ZZZ/);
    expect(() => costAwareRebalance(p, { ...options, tax: { rate: 0.2 }, taxLots: [...lots, { ticker: "A4", shares: 1, costBasis: 1, acquired: "2025-01-02" }] })).toThrow(/lots of A4/);
    expect(() => costAwareRebalance(p, { ...options, current: { weights: { A0: 1 } }, tax: { rate: 0.2 } })).toThrow(/shares/);
  });
});

describe("costAwareRebalance, fifty assets (working-set path)", () => {
  const l = fixture.large;
  const p = priorFrom(l.mu, l.cov);
  it("matches cvxopt", () => {
    const r = costAwareRebalance(p, {
      current: { weights: labelled(l.w0) },
      riskAversion: l.gamma,
      bounds: [0, l.upper],
      costs: { commissionBps: l.commissionBps, spreadBps: labelled(l.spreadBps), impact: labelled(l.impact) },
    });
    Array.from(r.weights.values).forEach((w, i) => expect(w).toBeCloseTo(l.weights[i], 6));
    expect(r.details.objective).toBeCloseTo(l.objective, 8);
  });
  it("with zero costs equals portfolios.maxUtility", () => {
    const free = costAwareRebalance(p, { current: { weights: labelled(l.w0) }, riskAversion: l.gamma, bounds: [0, l.upper] });
    const mu = portfolios.maxUtility(p, { riskAversion: l.gamma, bounds: [0, l.upper] });
    Array.from(free.weights.values).forEach((w, i) => expect(w).toBeCloseTo(mu.weights.values[i]!, 6));
  });
});

describe("costAwareRebalance, 3/2-power impact (cvxportfolio's form)", () => {
  // Two assets: one free weight, so a fine grid over it is the exact optimum of the exact objective.
  const cov = [0.04, 0.3 * 0.2 * 0.3, 0.3 * 0.2 * 0.3, 0.09];
  const p = priorFrom([0.05, 0.15], cov);
  const gamma = 2;
  const k32 = 0.05;
  const kappa = 0.001;
  const w0 = [0.9, 0.1];
  const exact = (a: number) => {
    const w = [a, 1 - a];
    const risk = w[0]! * (cov[0]! * w[0]! + cov[1]! * w[1]!) + w[1]! * (cov[2]! * w[0]! + cov[3]! * w[1]!);
    const d = Math.abs(a - w0[0]!);
    return 0.05 * w[0]! + 0.15 * w[1]! - (gamma / 2) * risk - 2 * (kappa * d + k32 * d ** 1.5);
  };
  it("matches the brute-force optimum on a fine grid", () => {
    let best = -Infinity;
    let arg = 0;
    for (let k = 0; k <= 200_000; k++) {
      const a = k / 200_000;
      const f = exact(a);
      if (f > best) {
        best = f;
        arg = a;
      }
    }
    const r = costAwareRebalance(p, { current: { weights: labelled(w0) }, riskAversion: gamma, costs: { commissionBps: kappa * 1e4, impactThreeHalves: k32 } });
    const a = r.weights.values[0]!;
    expect(r.details.objective).toBeCloseTo(exact(a), 12); // the reported objective is the exact one
    expect(best - exact(a)).toBeLessThan(1e-9);
    expect(Math.abs(a - arg)).toBeLessThan(1e-4); // the grid's step is 5e-6
    expect(exact(a)).toBeGreaterThanOrEqual(best - 1e-9);
    expect(a).toBeLessThan(0.9 - 0.05); // it trades
    const d = 0.9 - a;
    expect(r.details.cost.impact).toBeCloseTo(2 * k32 * d ** 1.5, 12);
  });
});
