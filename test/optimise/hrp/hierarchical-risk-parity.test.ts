import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { packagePath } from "../../../src/core/paths";
import { hierarchicalRiskParity } from "../../../src/optimise/hrp/hierarchical-risk-parity";
import { correlationDistance } from "../../../src/optimise/hrp/correlation-distance";
import { pairwiseCorrelation } from "../../../src/optimise/hrp/pairwise-correlation";
import { quasiDiagonalOrder } from "../../../src/optimise/hrp/quasi-diagonal-order";
import { recursiveBisection } from "../../../src/optimise/hrp/recursive-bisection";
import { singleLinkage, type LinkageMatrix } from "../../../src/optimise/hrp/single-linkage";
import { pairwiseCovariance } from "../../../src/moments/risk-models/pairwise-covariance";
import { copyTable } from "../helpers/fixtures";
import { normal, randomCovariance, seededRandom } from "../helpers/random";
import { cov, expected, expectWeights, labelsOf, returns, snapshot, sum } from "../optimizer-fixtures";
import { wardLinkage } from "../../../src/optimise/hrp/lance-williams-linkage";
import { InfeasibleError } from "../../../src/core/errors";
import { hierarchicalExpected, LINKAGES, maxDifference, sp500Returns } from "./hierarchical-fixture";

describe("hierarchicalRiskParity", () => {
  it("matches PyPortfolioOpt's HRPOpt(returns) (pandas corr/cov, scipy single linkage) on the fixture", () => {
    const { weights, linkage, order } = hierarchicalRiskParity({ returns });
    expectWeights(weights, expected.hrp.fromReturns.weights, 1e-12);
    expectWeights(linkage.values, expected.hrp.fromReturns.linkage.flat(), 1e-12);
    expect(order).toEqual(expected.hrp.fromReturns.order.map((i) => returns.tickers[i]));
  });

  it("matches HRPOpt(cov_matrix=S) (cov_to_corr rounded to 6 decimals)", () => {
    const { weights, order } = hierarchicalRiskParity({ cov });
    expectWeights(weights, expected.hrp.fromCovariance.weights, 1e-12);
    expect(order).toEqual(expected.hrp.fromCovariance.order.map((i) => cov.labels[i]));
  });

  it("gives the hand-computed weights of a 3-asset example (the TSDoc example)", () => {
    // Order C, A, B; C vs {A, B}: V({A,B}) with inverse-variance weights (25, 11.1)/36.1 is 0.043031;
    // α = 1 − 0.01 / 0.053031 to C; then A vs B: 1 − 0.04 / 0.13 of the rest to A.
    const c = { labels: ["A", "B", "C"], values: Float64Array.of(0.04, 0.036, 0, 0.036, 0.09, 0, 0, 0, 0.01) };
    const wa = 25 / (25 + 1 / 0.09);
    const vAB = wa * wa * 0.04 + 2 * wa * (1 - wa) * 0.036 + (1 - wa) * (1 - wa) * 0.09;
    const toC = 1 - 0.01 / (0.01 + vAB);
    const toA = 1 - 0.04 / 0.13;
    const { weights, order } = hierarchicalRiskParity({ cov: c });
    expect(order).toEqual(["C", "A", "B"]);
    expectWeights(weights, [(1 - toC) * toA, (1 - toC) * (1 - toA), toC], 1e-14);
  });

  it("gives inverse-variance weights to uncorrelated assets in pairs", () => {
    const c = { labels: ["A", "B"], values: Float64Array.of(1, 0, 0, 4) };
    expectWeights(hierarchicalRiskParity({ cov: c }).weights, [0.8, 0.2], 1e-15);
  });

  it("handles 300 assets: weights positive, summing to 1", () => {
    const n = 300;
    const c = { labels: labelsOf(n), values: randomCovariance(n, seededRandom(300)) };
    const { weights, order } = hierarchicalRiskParity({ cov: c });
    expect(sum(weights.values)).toBeCloseTo(1, 12);
    expect(Math.min(...weights.values)).toBeGreaterThan(0);
    expect(new Set(order).size).toBe(n);
  });

  it("accepts another linkage method as an object", () => {
    const reversed = (_distance: Float64Array, n: number): LinkageMatrix => ({ n, values: Float64Array.of(0, 1, 0.5, 2) });
    expect(hierarchicalRiskParity({ cov: { labels: ["A", "B"], values: Float64Array.of(1, 0, 0, 4) } }, { linkage: reversed }).order).toEqual(["A", "B"]);
  });

  it("throws InputError for bad input", () => {
    expect(() => hierarchicalRiskParity({} as never)).toThrow(/pass \{ returns \}/);
    expect(() => hierarchicalRiskParity({ cov: { labels: ["A", "B"], values: Float64Array.of(0, 0, 0, 1) } })).toThrow(InputError);
    const short = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.of(0.01, NaN, 0.02, NaN, 0.03, 0.01) };
    expect(() => hierarchicalRiskParity({ returns: short })).toThrow(/A and B is undefined/);
  });

  it("does not modify its inputs", () => {
    const [r, c] = [copyTable(returns), snapshot(cov)];
    hierarchicalRiskParity({ returns });
    hierarchicalRiskParity({ cov });
    expect(returns).toEqual(r);
    expect(cov.values).toEqual(c.values);
  });

  it("from returns without gaps (correlation derived from the covariance) matches the pairwise corr()/cov() pipeline", () => {
    const [T, m] = [300, 40];
    const gauss = normal(seededRandom(40));
    const market = Array.from({ length: T }, () => 0.01 * gauss());
    const values = new Float64Array(T * m);
    for (let t = 0; t < T; t++) for (let j = 0; j < m; j++) values[t * m + j] = (0.5 + (j % 5) / 5) * market[t]! + 0.01 * gauss();
    const table = { dates: Array.from({ length: T }, (_, t) => `d${String(t).padStart(4, "0")}`), tickers: labelsOf(m), values };
    const order = quasiDiagonalOrder(singleLinkage(correlationDistance(pairwiseCorrelation(table).values), m));
    const weights = recursiveBisection(pairwiseCovariance(table).values, order);
    const hrp = hierarchicalRiskParity({ returns: table });
    expect(hrp.order).toEqual(order.map((i) => table.tickers[i]));
    expectWeights(hrp.weights, Array.from(weights), 1e-13);
  });

  it("keeps pairwiseCorrelation's errors for returns without gaps (a constant column, an infinite return)", () => {
    const constant = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.of(0.01, 0.02, 0.01, 0.03, 0.01, 0.01) };
    expect(() => hierarchicalRiskParity({ returns: constant })).toThrow(/correlation of A and A is undefined/);
    const infinite = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.of(0.01, 0.02, Infinity, 0.03, 0.02, 0.01) };
    expect(() => hierarchicalRiskParity({ returns: infinite })).toThrow(/pairwiseCorrelation: return of A on d2 is Infinity/);
  });
});

describe("HRP from returns with late listings, as PyPortfolioOpt's HRPOpt(returns)", () => {
  // test/fixtures/allocation/make_hrp_late_listings.py: pandas' pairwise corr() and cov(), scipy's single linkage.
  const fixture = JSON.parse(readFileSync(packagePath("test", "fixtures", "allocation", "hrp-late-listings.json"), "utf8")) as {
    tickers: string[];
    returns: (number | null)[][];
    weights: number[];
    order: string[];
    maxDifferenceIfCorrelationFromCovariance: number;
  };
  const n = fixture.tickers.length;
  const values = Float64Array.from(fixture.returns.flat().map((v) => (v === null ? Number.NaN : v)));
  const returns = { dates: fixture.returns.map((_, t) => `2024-${String(1 + Math.floor(t / 28)).padStart(2, "0")}-${String(1 + (t % 28)).padStart(2, "0")}`), tickers: fixture.tickers, values };
  it("clusters on the pairwise correlation (not one derived from the pairwise covariance) and matches to 1e-12", () => {
    // The two correlations differ by this much here: clustering on the wrong one would change the tree.
    expect(fixture.maxDifferenceIfCorrelationFromCovariance).toBeGreaterThan(0.05);
    const hrp = hierarchicalRiskParity({ returns });
    expect(hrp.order).toEqual(fixture.order);
    for (let i = 0; i < n; i++) expect(Math.abs(hrp.weights.values[i]! - fixture.weights[i]!)).toBeLessThan(1e-12);
  });
});

describe("HRP with skfolio's options (risk measure, inverse risk, optimal leaf ordering, bounds)", () => {
  const X = sp500Returns();

  it("matches skfolio's steps written out in numpy/scipy for 5 linkages × 6 measures, and with bounds (1e-12)", () => {
    // test/fixtures/hierarchical/make_hierarchical_expected.py, which first reproduces skfolio's asserted weights.
    for (const c of hierarchicalExpected.hrp) {
      const bounds = c.bounds?.[0].map((lo, i) => [lo, c.bounds![1][i]!] as [number, number]);
      const r = hierarchicalRiskParity({ returns: X }, { linkage: LINKAGES[c.method], riskMeasure: c.measure as never, optimalOrdering: true, bounds });
      expect(maxDifference(r.weights.values, c.weights)).toBeLessThan(1e-12);
      if (c.order) expect(r.order).toEqual(c.order.map((i) => X.tickers[i]));
      if (bounds) r.weights.values.forEach((w, i) => expect(w >= bounds[i]![0] - 1e-12 && w <= bounds[i]![1] + 1e-12).toBe(true));
    }
    expect(hierarchicalExpected.hrp.length).toBe(32);
  });

  it("with variance, no bounds and no other option is the existing HRP exactly; explicit [0, 1] bounds agree to rounding", () => {
    const rand = seededRandom(8);
    for (const n of [3, 7, 15]) {
      const c = { labels: labelsOf(n), values: randomCovariance(n, rand) };
      const plain = hierarchicalRiskParity({ cov: c }).weights.values;
      expect(Array.from(hierarchicalRiskParity({ cov: c }, { riskMeasure: "variance", allocation: "inverseRisk" }).weights.values)).toEqual(Array.from(plain));
      expect(maxDifference(hierarchicalRiskParity({ cov: c }, { bounds: [0, 1] }).weights.values, plain)).toBeLessThan(1e-15);
      expect(maxDifference(hierarchicalRiskParity({ cov: c }, { allocation: "inverseVariance", bounds: [0, 1] }).weights.values, plain)).toBeLessThan(1e-15);
    }
  });

  it("inverse variance inside the halves differs from inverse risk for standard deviation, both sum to 1", () => {
    const a = hierarchicalRiskParity({ returns: X }, { riskMeasure: "standardDeviation" }).weights.values;
    const b = hierarchicalRiskParity({ returns: X }, { riskMeasure: "standardDeviation", allocation: "inverseVariance" }).weights.values;
    expect(maxDifference(a, b)).toBeGreaterThan(1e-3);
    expect(Math.abs(sum(a) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(sum(b) - 1)).toBeLessThan(1e-12);
  });

  it("every named measure gives weights summing to 1 within bounds, for each linkage", () => {
    const short = { ...X, dates: X.dates.slice(-300), values: X.values.slice(-300 * 20) };
    for (const measure of ["meanAbsoluteDeviation", "cvar", "cdar", "evar", "edar", "ulcerIndex", "giniMeanDifference", "fourthLowerPartialMoment"] as const) {
      for (const method of ["single", "ward"]) {
        const w = hierarchicalRiskParity({ returns: short }, { riskMeasure: measure, linkage: LINKAGES[method], optimalOrdering: true, bounds: [0.01, 0.1] }).weights.values;
        expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
        w.forEach((x) => expect(x >= 0.01 - 1e-12 && x <= 0.1 + 1e-12).toBe(true));
      }
    }
  });

  it("takes returns and a covariance together: clusters on the returns, variance from the covariance", () => {
    const S = pairwiseCovariance(X);
    const both = hierarchicalRiskParity({ returns: X, cov: S }, { linkage: wardLinkage, optimalOrdering: true });
    const fromReturns = hierarchicalRiskParity({ returns: X }, { linkage: wardLinkage, optimalOrdering: true });
    expect(maxDifference(both.weights.values, fromReturns.weights.values)).toBeLessThan(1e-12);
    const scaled = { labels: S.labels, values: S.values.map((x, k) => (k === 0 ? 4 * x : x)) }; // AAPL's variance ×4
    expect(hierarchicalRiskParity({ returns: X, cov: scaled }).weights.values[0]).toBeLessThan(fromReturns.weights.values[0]!);
  });

  it("names what is wrong: returns-based measure on a covariance alone, infeasible or negative bounds, a bad allocation", () => {
    expect(() => hierarchicalRiskParity({ cov }, { riskMeasure: "cvar" })).toThrow(/the cvar measure needs returns/);
    expect(() => hierarchicalRiskParity({ cov }, { bounds: [0, 0.01] })).toThrow(InfeasibleError);
    expect(() => hierarchicalRiskParity({ cov }, { bounds: [-0.1, 1] })).toThrow(/long only/);
    expect(() => hierarchicalRiskParity({ cov }, { allocation: "equal" as never, bounds: [0, 1] })).toThrow(/allocation "equal"/);
    const flat = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.of(0.01, 0.02, 0.02, -0.01, 0.03, 0.03) };
    // A never loses: its worst realisation is a gain, so inverse-risk weights are undefined.
    expect(() => hierarchicalRiskParity({ returns: flat }, { riskMeasure: "worstRealisation" })).toThrow(/worstRealisation of A alone is -0.01/);
  });

  it("does not change its inputs", () => {
    const before = Float64Array.from(X.values);
    const bounds: [number, number][] = X.tickers.map(() => [0.02, 0.08]);
    hierarchicalRiskParity({ returns: X }, { riskMeasure: "cdar", optimalOrdering: true, bounds });
    expect(Array.from(X.values)).toEqual(Array.from(before));
    expect(bounds.every((b) => b[0] === 0.02 && b[1] === 0.08)).toBe(true);
  });
});
