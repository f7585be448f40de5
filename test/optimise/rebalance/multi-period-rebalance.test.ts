import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/index";
import { priorOf, type Prior } from "../../../src/moments/index";
import { costAwareRebalance, multiPeriodRebalance } from "../../../src/optimise/rebalance/index";

// Known answers: cvxopt on the whole-path QP with explicit weights (make_rebalance.py, case "multi").
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/rebalance/rebalance.json"), "utf8"));
const m = fixture.multi;

function priorFrom(mu: readonly number[], cov: readonly number[]): Prior {
  const labels = mu.map((_, i) => `A${i}`);
  const dates = ["2026-01-02", "2026-01-05"];
  return priorOf({
    expectedReturns: { labels, values: Float64Array.from(mu) },
    covariance: { labels, values: Float64Array.from(cov) },
    returns: { dates, tickers: labels, values: new Float64Array(dates.length * labels.length) },
  });
}
const labelled = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [`A${i}`, v]));

describe("multiPeriodRebalance", () => {
  const p = priorFrom(m.mu, m.cov);
  const costs = m.linear.map((l: number, t: number) => ({ commissionBps: l * 1e4, impact: m.impact[t] }));
  const base = { current: { weights: labelled(m.w0) }, horizon: 4, costs, riskAversion: m.gamma, periodsPerYear: m.periodsPerYear, bounds: [0, m.upper] as const };

  it("matches cvxopt's path with forecast costs falling over the horizon", () => {
    const plan = multiPeriodRebalance(p, base);
    expect(plan.path.length).toBe(5);
    m.path.forEach((step: number[], t: number) => step.forEach((w, i) => expect(plan.path[t + 1]!.values[i]).toBeCloseTo(w, 6)));
    expect(plan.objective).toBeCloseTo(m.objective, 8);
    expect(plan.table.columns).toEqual(["now", "step 1", "step 2", "step 3", "step 4"]);
  });

  it("tracks a target when given one", () => {
    const plan = multiPeriodRebalance(p, { ...base, target: labelled(m.target) });
    m.targetPath.forEach((step: number[], t: number) => step.forEach((w, i) => expect(plan.path[t + 1]!.values[i]).toBeCloseTo(w, 6)));
  });

  it("in one yearly step equals the single-period rebalance", () => {
    const one = multiPeriodRebalance(p, { ...base, horizon: 1, costs: costs[0], periodsPerYear: 1 });
    const single = costAwareRebalance(p, { current: base.current, riskAversion: m.gamma, costs: costs[0], bounds: [0, m.upper] });
    Array.from(single.weights.values).forEach((w, i) => expect(one.path[1]!.values[i]).toBeCloseTo(w, 6));
    expect(one.objective).toBeCloseTo(single.details.objective, 8);
  });

  it("in one yearly step on fifty assets (the working-set path) matches cvxopt's single-period answer", () => {
    const l = fixture.large;
    const big = priorFrom(l.mu, l.cov);
    const costs1 = { commissionBps: l.commissionBps, spreadBps: labelled(l.spreadBps), impact: labelled(l.impact) };
    const one = multiPeriodRebalance(big, { current: { weights: labelled(l.w0) }, horizon: 1, periodsPerYear: 1, riskAversion: l.gamma, costs: costs1, bounds: [0, l.upper] });
    l.weights.forEach((w: number, i: number) => expect(one.path[1]!.values[i]).toBeCloseTo(w, 6));
    expect(one.objective).toBeCloseTo(l.objective, 8);
    const two = multiPeriodRebalance(big, { current: { weights: labelled(l.w0) }, horizon: 2, riskAversion: l.gamma, costs: costs1, bounds: [0, l.upper] });
    expect(two.path[2]!.sum()).toBeCloseTo(1, 9);
  });

  it("refuses a bad horizon, a cost list of the wrong length and a negative cost", () => {
    expect(() => multiPeriodRebalance(p, { ...base, horizon: 0 })).toThrow(InputError);
    expect(() => multiPeriodRebalance(p, { ...base, horizon: 3 })).toThrow(/cost forecasts/);
    expect(() => multiPeriodRebalance(p, { ...base, costs: { impact: -1 } })).toThrow(/impact/);
    expect(() => multiPeriodRebalance(p, { ...base, costs: { impactThreeHalves: 0.1 } })).toThrow(/single-period/);
  });
});
