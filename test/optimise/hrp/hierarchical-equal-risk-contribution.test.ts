import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { hierarchicalEqualRiskContribution } from "../../../src/optimise/hrp/hierarchical-equal-risk-contribution";
import { hierarchicalRiskParity } from "../../../src/optimise/hrp/hierarchical-risk-parity";
import { hierarchicalExpected, LINKAGES, maxDifference, sp500Returns } from "./hierarchical-fixture";

const X = sp500Returns();
const cov3 = { labels: ["A", "B", "C"], values: Float64Array.of(0.04, 0.036, 0, 0.036, 0.09, 0, 0, 0, 0.01) };

describe("hierarchicalEqualRiskContribution", () => {
  it("matches skfolio's steps written out in numpy/scipy (gap rule, fcluster, inverse risk) for 3 linkages × 5 measures", () => {
    for (const c of hierarchicalExpected.herc) {
      const r = hierarchicalEqualRiskContribution({ returns: X }, { linkage: LINKAGES[c.method], riskMeasure: c.measure as never });
      expect(r.clusters.length).toBe(c.clusters);
      expect(r.clusters.map((members) => members.map((t) => c.labels[X.tickers.indexOf(t)]))).toEqual(r.clusters.map((m, k) => m.map(() => k)));
      expect(maxDifference(r.weights.values, c.weights)).toBeLessThan(1e-12);
    }
  });

  it("gives the TSDoc example: two clusters, the same split as HRP on three assets", () => {
    const h = hierarchicalEqualRiskContribution({ cov: cov3 }, { clusters: 2 });
    expect(h.clusters).toEqual([["A", "B"], ["C"]]);
    expect(maxDifference(h.weights.values, hierarchicalRiskParity({ cov: cov3 }).weights.values)).toBeLessThan(1e-15);
  });

  it("with one cluster is inverse risk; with n clusters every asset is its own cluster", () => {
    const one = hierarchicalEqualRiskContribution({ returns: X }, { clusters: 1, riskMeasure: "standardDeviation" }).weights.values;
    const inverse = Array.from({ length: 20 }, (_, j) => {
      let m = 0;
      let s = 0;
      const T = X.dates.length;
      for (let t = 0; t < T; t++) m += X.values[t * 20 + j]! / T;
      for (let t = 0; t < T; t++) s += (X.values[t * 20 + j]! - m) ** 2;
      return 1 / Math.sqrt(s / (T - 1));
    });
    const total = inverse.reduce((a, x) => a + x, 0);
    expect(maxDifference(one, inverse.map((x) => x / total))).toBeLessThan(1e-12);
    expect(hierarchicalEqualRiskContribution({ returns: X }, { clusters: 20 }).clusters.every((c) => c.length === 1)).toBe(true);
  });

  it("keeps bounds and sums to 1 for every named measure", () => {
    const short = { ...X, dates: X.dates.slice(-250), values: X.values.slice(-250 * 20) };
    for (const measure of ["variance", "semiDeviation", "cvar", "cdar", "worstRealisation", "averageDrawdown"] as const) {
      const w = hierarchicalEqualRiskContribution({ returns: short }, { riskMeasure: measure, bounds: [0.02, 0.09] }).weights.values;
      expect(Math.abs(w.reduce((a, x) => a + x, 0) - 1)).toBeLessThan(1e-12);
      w.forEach((x) => expect(x >= 0.02 - 1e-12 && x <= 0.09 + 1e-12).toBe(true));
    }
  });

  it("names what is wrong", () => {
    expect(() => hierarchicalEqualRiskContribution({ cov: cov3 }, { clusters: 0 })).toThrow(InputError);
    expect(() => hierarchicalEqualRiskContribution({ cov: cov3 }, { bounds: [0, 0.3] })).toThrow(InfeasibleError);
    expect(() => hierarchicalEqualRiskContribution({ cov: cov3 }, { riskMeasure: "cdar" })).toThrow(/the cdar measure needs returns/);
  });
});
