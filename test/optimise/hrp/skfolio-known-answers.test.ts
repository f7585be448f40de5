/**
 * Known answers asserted by skfolio's own tests (tests/test_optimization/test_cluster/test_hierarchical/test_hrp.py,
 * test_herc.py and tests/test_optimization/test_cluster/test_nco.py), on skfolio's S&P 500 data from 2014 with its
 * `prices_to_returns` (linear returns; the sample has no missing prices).
 */
import { describe, expect, it } from "vitest";
import { hierarchicalRiskParity } from "../../../src/optimise/hrp/hierarchical-risk-parity";
import { hierarchicalEqualRiskContribution } from "../../../src/optimise/hrp/hierarchical-equal-risk-contribution";
import { nestedClustersOptimisation, empiricalPriorOf } from "../../../src/optimise/hrp/nested-clusters-optimisation";
import { singleLinkage } from "../../../src/optimise/hrp/single-linkage";
import { wardLinkage } from "../../../src/optimise/hrp/lance-williams-linkage";
import { pairwiseCovariance } from "../../../src/moments/risk-models/pairwise-covariance";
import { minVolatility } from "../../../src/optimise/min-volatility";
import type { WeightBounds } from "../../../src/optimise/weight-bounds";
import { maxDifference, sp500Returns } from "./hierarchical-fixture";

const X = sp500Returns();
const tickers = X.tickers;
/** skfolio's per-asset bounds given as a dict: the named assets, the rest at the default. */
const perAsset = (lower: Record<string, number>, upper: Record<string, number>, lo = 0, hi = 1): WeightBounds =>
  tickers.map((t) => [lower[t] ?? lo, upper[t] ?? hi] as [number, number]);
/** skfolio's HRP defaults: Pearson distance of the returns, Ward linkage, optimal leaf ordering, inverse risk. */
const skfolioHrp = (options: Parameters<typeof hierarchicalRiskParity>[1] = {}) =>
  hierarchicalRiskParity({ returns: X }, { linkage: wardLinkage, optimalOrdering: true, riskMeasure: "standardDeviation", ...options }).weights.values;
const skfolioHerc = (options: Parameters<typeof hierarchicalEqualRiskContribution>[1] = {}) =>
  hierarchicalEqualRiskContribution({ returns: X }, { riskMeasure: "standardDeviation", ...options }).weights.values;
const total = (w: ArrayLike<number>) => Array.from(w).reduce((s, x) => s + x, 0);

describe("hierarchical risk parity, skfolio's test_hrp.py", () => {
  it("test_hrp_default: standard deviation, single linkage (assert_almost_equal, 7 decimals)", () => {
    const w = hierarchicalRiskParity({ returns: X }, { linkage: singleLinkage, optimalOrdering: true, riskMeasure: "standardDeviation" }).weights.values;
    const expected = [
      0.04948508, 0.03483034, 0.04967809, 0.05488211, 0.02595736, 0.04482042, 0.03332249, 0.08091826, 0.02840749, 0.04412388, 0.06297933,
      0.05717246, 0.05285248, 0.07430329, 0.05499559, 0.07914531, 0.03391673, 0.0396792, 0.04812428, 0.0504058,
    ];
    expect(maxDifference(w, expected)).toBeLessThan(1e-8);
  });

  it("test_hrp_default without optimal leaf ordering gives other weights (the ordering matters)", () => {
    const w = hierarchicalRiskParity({ returns: X }, { linkage: singleLinkage, riskMeasure: "standardDeviation" }).weights.values;
    expect(Math.abs(w[0]! - 0.04948508)).toBeGreaterThan(1e-4);
  });

  it("test_hrp_weight_constraints: Ward, no bounds, then each bounds case", () => {
    let w = skfolioHrp();
    expect(Math.abs(w[0]! - 0.030624328591088226)).toBeLessThan(1e-12);
    expect(Math.abs(w[19]! - 0.05811358822991056)).toBeLessThan(1e-12);

    w = skfolioHrp({ bounds: perAsset({ AAPL: 0.05, XOM: 0.08 }, {}) });
    expect([w[0], w[19], total(w)].map((x) => Number(x!.toFixed(7)))).toEqual([0.05, 0.08, 1]);
    w = skfolioHrp({ bounds: [0.05, 1] });
    expect(maxDifference(w, Array(20).fill(0.05))).toBeLessThan(1e-9);
    w = skfolioHrp({ bounds: perAsset({}, { AAPL: 0.01, XOM: 0.03 }) });
    expect([w[0], w[19], total(w)].map((x) => Number(x!.toFixed(7)))).toEqual([0.01, 0.03, 1]);
    w = skfolioHrp({ bounds: [0, 0.05] });
    expect(maxDifference(w, Array(20).fill(0.05))).toBeLessThan(1e-9);
    w = skfolioHrp({ bounds: perAsset({ AAPL: 0.05 }, { XOM: 0.03 }) });
    expect([w[0], w[19], total(w)].map((x) => Number(x!.toFixed(7)))).toEqual([0.05, 0.03, 1]);

    w = skfolioHrp({ bounds: [0.03, 0.06] });
    const expected = [
      0.03, 0.03, 0.03, 0.04712633, 0.05191067, 0.06, 0.06, 0.06, 0.03, 0.06, 0.06, 0.06, 0.04068081, 0.06, 0.05825588, 0.06, 0.03115588,
      0.05087043, 0.06, 0.06,
    ];
    expect(maxDifference(w, expected)).toBeLessThan(1e-8);
    expect(Math.abs(total(w) - 1)).toBeLessThan(1e-12);
  });
});

describe("hierarchical equal risk contribution, skfolio's test_herc.py", () => {
  it("test_herc_default: standard deviation, single linkage, 5 clusters", () => {
    const w = skfolioHerc({ linkage: singleLinkage, clusters: 5 });
    const expected = [
      0.00169182, 0.67774352, 0.00156652, 0.00125186, 0.00163489, 0.00141334, 0.00202476, 0.00271361, 0.00178921, 0.00268109, 0.00185844,
      0.00227296, 0.00180695, 0.00263724, 0.00218642, 0.00265416, 0.16490106, 0.02059527, 0.10480936, 0.00176751,
    ];
    expect(maxDifference(w, expected)).toBeLessThan(1e-8);
  });

  it("test_herc_weight_constraints: Ward with the gap rule, then each bounds case", () => {
    let w = skfolioHerc();
    expect(Math.abs(w[0]! - 0.02584786935368332)).toBeLessThan(1e-12);
    expect(Math.abs(w[19]! - 0.0421175871045949)).toBeLessThan(1e-12);

    w = skfolioHerc({ bounds: perAsset({ AAPL: 0.05, XOM: 0.08 }, {}) });
    expect([w[0], w[19], total(w)].map((x) => Number(x!.toFixed(7)))).toEqual([0.05, 0.08, 1]);
    w = skfolioHerc({ bounds: [0.05, 1] });
    expect(maxDifference(w, Array(20).fill(0.05))).toBeLessThan(1e-9);
    w = skfolioHerc({ bounds: perAsset({}, { AAPL: 0.01, XOM: 0.03 }) });
    expect([w[0], w[19], total(w)].map((x) => Number(x!.toFixed(7)))).toEqual([0.01, 0.03, 1]);
    w = skfolioHerc({ bounds: [0, 0.05] });
    expect(maxDifference(w, Array(20).fill(0.05))).toBeLessThan(1e-9);
    w = skfolioHerc({ bounds: perAsset({ AAPL: 0.05 }, { XOM: 0.03 }) });
    expect([w[0], w[19], total(w)].map((x) => Number(x!.toFixed(7)))).toEqual([0.05, 0.03, 1]);

    // skfolio solves min ‖w/w⁰ − 1‖ with CLARABEL; the exact optimum agrees to its tolerance.
    w = skfolioHerc({ bounds: [0.03, 0.06] });
    const expected = [
      0.03218923, 0.05585784, 0.06, 0.03, 0.05336249, 0.06, 0.04001747, 0.05895233, 0.06, 0.06, 0.03674032, 0.04708938, 0.03484055, 0.06,
      0.04486381, 0.06, 0.05002204, 0.03796618, 0.05914401, 0.05895433,
    ];
    expect(maxDifference(w, expected)).toBeLessThan(1e-7);
  });
});

describe("nested clustered optimisation, skfolio's test_nco.py (X_medium: returns from 2020)", () => {
  const medium = sp500Returns("2020-01-01");
  const prior = empiricalPriorOf(medium, 252);

  it("test_nco_1: minimum variance inside and across, single linkage, 5 clusters, cv='ignore'", async () => {
    const r = await nestedClustersOptimisation(prior, { linkage: singleLinkage, clusters: 5, cv: "ignore" });
    const expected = [
      7.48090405e-8, 6.6590747e-3, 1.33799237e-8, 2.66759969e-7, 1.87400294e-8, 2.41895367e-8, 3.19054689e-6, 2.60198953e-1, 2.17543488e-8,
      1.16085432e-1, 2.78580541e-7, 1.46806945e-1, 6.6220121e-8, 1.35006362e-7, 5.55266608e-2, 1.3261069e-1, 3.98971651e-7, 2.02099841e-8,
      2.48898039e-1, 3.32096961e-2,
    ];
    // skfolio's interior-point solver (CLARABEL, relative gap 1e-8) leaves ~1e-7…3e-6 on assets the exact optimum
    // excludes and moves the others by up to 3.2e-5; the exact optimum is better (lower variance), checked below.
    expect(maxDifference(r.weights.values, expected)).toBeLessThan(5e-5);
    expect(r.clusters.map((c) => c.length)).toEqual([16, 1, 1, 1, 1]);
    // The big cluster's inner weights: ours have no more variance than skfolio's (its weights / their sum).
    const big = r.clusters[0]!.map((t) => tickers.indexOf(t));
    const cov = pairwiseCovariance(medium);
    const variance = (w: number[]) => w.reduce((s, wi, a) => s + wi * w.reduce((t, wj, b) => t + cov.values[big[a]! * 20 + big[b]!]! * wj, 0), 0);
    const theirs = big.map((i) => expected[i]!);
    const theirTotal = theirs.reduce((s, x) => s + x, 0);
    const ours = Array.from(r.innerWeights[0]!.values);
    expect(variance(ours)).toBeLessThan(variance(theirs.map((x) => x / theirTotal)));
    expect(Math.abs(total(r.weights.values) - 1)).toBeLessThan(1e-12);
  });

  it("test_nco_cv: default NCO (Ward, gap rule, minimum variance, 5-fold KFold cross-validation)", async () => {
    const r = await nestedClustersOptimisation(prior);
    const expected = [
      9.90467618e-8, 1.02959378e-14, 1.27835593e-14, 2.79629675e-8, 4.03283261e-14, 3.1345875e-8, 3.06077945e-7, 2.7585806e-1, 2.23771164e-7,
      1.7843757e-1, 9.88372654e-7, 1.86399773e-1, 1.74934573e-7, 8.69295475e-7, 5.6052883e-2, 2.71089333e-2, 4.99439191e-3, 4.16455431e-7,
      2.71145089e-1, 1.62260136e-7,
    ];
    // Same solver tolerance: RRC's outer weight (~0.005, a very volatile asset whose weight barely moves the
    // variance) differs by 7.3e-5, every other weight by at most 4.8e-5.
    expect(maxDifference(r.weights.values, expected)).toBeLessThan(1e-4);
    expect(r.clusters.map((c) => c.length).sort()).toEqual([1, 5, 5, 9]);
  });

  it("test_nco_2: the inner optimiser with a constraint (AAPL ≥ 0.001), passed in as a function", async () => {
    const inner = (q: typeof prior) => ({ weights: minVolatility(q.covariance, { bounds: q.covariance.labels.map((t) => [t === "AAPL" ? 0.001 : 0, 1] as [number, number]) }) });
    const r = await nestedClustersOptimisation(prior, { inner });
    const expected = [
      9.90295327e-8, 6.09420913e-15, 1.27830085e-14, 2.79509419e-8, 4.03265886e-14, 3.13445245e-8, 3.06112838e-7, 2.75858059e-1, 2.23761523e-7,
      1.7843757e-1, 9.88372651e-7, 1.86399772e-1, 1.74968956e-7, 8.69295473e-7, 5.60528828e-2, 2.71089332e-2, 4.99439491e-3, 4.16455429e-7,
      2.71145088e-1, 1.62253145e-7,
    ];
    expect(maxDifference(r.weights.values, expected)).toBeLessThan(1e-4);
    // AAPL holds at least 0.1 % of its cluster, whose outer weight is (nearly) zero.
    const aaplCluster = r.clusters.findIndex((c) => c.includes("AAPL"));
    expect(r.innerWeights[aaplCluster]!.values[r.innerWeights[aaplCluster]!.labels.indexOf("AAPL")]).toBeGreaterThanOrEqual(0.001 - 1e-12);
  });
});
