import { describe, expect, it } from "vitest";
import { frame, vector } from "../../../src/core/index";
import { generateMarket } from "../../../src/data/index";
import { fitHmm, matchRegimes, regimeConfusion } from "../../../src/models/regimes/index";

const dates = ["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-04", "2020-01-05", "2020-01-06"];
const spans = [
  { start: "2020-01-01", end: "2020-01-03", kind: "calm" },
  { start: "2020-01-04", end: "2020-01-05", kind: "crisis" },
];

describe("matchRegimes and regimeConfusion", () => {
  it("match states to regimes by the best permutation, whatever the state numbers", () => {
    // hand count: calm days are states 2, 2, 1; crisis days 1, 1; 2020-01-06 lies in no span
    const detected = vector({ labels: dates, values: Float64Array.of(2, 2, 1, 1, 1, 2) });
    const m = matchRegimes(detected, spans);
    expect(m.days).toBe(5);
    expect(m.matching).toEqual({ calm: 2, crisis: 1 });
    expect(m.counts).toEqual([[1, 2], [2, 0]]);
    expect(m.accuracy).toBeCloseTo(4 / 5, 15);
    expect(m.balancedAccuracy).toBeCloseTo((2 / 3 + 1) / 2, 15);
    const t = regimeConfusion(detected, spans);
    expect(t.labels).toEqual(["calm", "crisis"]);
    expect(t.columns).toEqual(["state 2", "state 1", "days", "recall"]);
    expect(t.column("state 2").values).toEqual(Float64Array.of(2, 0));
    expect(t.column("recall").get("crisis")).toBe(1);
    expect(t.caption).toMatch(/accuracy 80.0 % of 5 days/);
  });

  it("with more states than regimes, the extra state matches none", () => {
    const m = matchRegimes(vector({ labels: dates, values: Float64Array.of(1, 1, 3, 2, 2, 2) }), spans);
    expect(m.matching).toEqual({ calm: 1, crisis: 2 });
    expect(m.accuracy).toBeCloseTo(4 / 5, 15);
    expect(regimeConfusion(vector({ labels: dates, values: Float64Array.of(1, 1, 3, 2, 2, 2) }), spans).columns).toEqual(["state 1", "state 2", "state 3", "days", "recall"]);
  });

  it("throws EMPTY_INPUT when no date falls in a span", () => {
    expect(() => matchRegimes(vector({ labels: ["1999-01-01"], values: Float64Array.of(1) }), spans)).toThrowError(expect.objectContaining({ code: "EMPTY_INPUT" }));
  });

  it("on the synthetic market, a 2-state HMM of the index finds the planted calm / crisis regimes", () => {
    const market = generateMarket();
    const returns = frame(market.prices).select([market.benchmark!]).returns();
    const hmm = fitHmm(returns, { states: 2, starts: 4, seed: 1 });
    const viterbi = matchRegimes(hmm.viterbi(returns), market.regimes);
    const filtered = matchRegimes(hmm.filteredStates(returns), market.regimes);
    // the calmer state is calm, the more volatile one crisis
    expect(viterbi.matching).toEqual({ calm: 1, crisis: 2 });
    expect(viterbi.balancedAccuracy).toBeGreaterThan(0.85);
    expect(filtered.balancedAccuracy).toBeGreaterThan(0.8);
    // crises here are ≈ 6 % of days: "always calm" scores 50 % balanced accuracy
    expect(viterbi.days).toBe(returns.length);
  });
});
