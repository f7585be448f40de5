import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { empiricalPriorOf, nestedClustersOptimisation } from "../../../src/optimise/hrp/nested-clusters-optimisation";
import { minVolatility } from "../../../src/optimise/min-volatility";
import { priorOf } from "../../../src/moments/prior";
import { sp500Returns } from "./hierarchical-fixture";

const X = sp500Returns("2021-01-01");
const prior = empiricalPriorOf(X, 252);
const total = (w: ArrayLike<number>) => Array.from(w).reduce((s, x) => s + x, 0);

describe("nestedClustersOptimisation", () => {
  it("combines outer and inner weights: wᵢ = outer_c · inner_c,i, summing to 1", async () => {
    const r = await nestedClustersOptimisation(prior, { clusters: 4, cv: "ignore" });
    expect(r.clusters.length).toBeLessThanOrEqual(4);
    r.clusters.forEach((members, c) => {
      members.forEach((t, a) => expect(r.weights.values[X.tickers.indexOf(t)]).toBeCloseTo(r.outerWeights[c]! * r.innerWeights[c]!.values[a]!, 15));
      expect(total(r.innerWeights[c]!.values)).toBeCloseTo(1, 12);
    });
    expect(Math.abs(total(r.weights.values) - 1)).toBeLessThan(1e-12);
  });

  it("with one cluster is the inner optimiser on all assets; with every asset alone the outer one", async () => {
    const one = await nestedClustersOptimisation(prior, { clusters: 1, cv: "ignore" });
    expect(Array.from(one.weights.values)).toEqual(Array.from(minVolatility(prior.covariance).values));
    const all = await nestedClustersOptimisation(prior, { clusters: 20, cv: "ignore" });
    const direct = minVolatility(prior.covariance).values;
    all.weights.values.forEach((w, i) => expect(Math.abs(w - direct[i]!)).toBeLessThan(1e-9));
  });

  it("takes any optimiser, sync or async (equal weights inside, inverse variance across)", async () => {
    const equal = (p: typeof prior) => ({ weights: { labels: p.returns.tickers, values: new Float64Array(p.returns.tickers.length).fill(1 / p.returns.tickers.length) } });
    const inverseVariance = async (p: typeof prior) => {
      const n = p.covariance.labels.length;
      const inv = Array.from({ length: n }, (_, i) => 1 / p.covariance.values[i * n + i]!);
      const s = inv.reduce((a, x) => a + x, 0);
      return { weights: { labels: p.covariance.labels, values: Float64Array.from(inv, (x) => x / s) } };
    };
    const r = await nestedClustersOptimisation(prior, { clusters: 3, cv: "ignore", inner: equal, outer: inverseVariance });
    r.innerWeights.forEach((w) => w.values.forEach((x) => expect(x).toBeCloseTo(1 / w.values.length, 15)));
    expect(Math.abs(total(r.weights.values) - 1)).toBeLessThan(1e-12);
  });

  it("cross-validates: the outer optimiser sees out-of-sample cluster returns (weights differ from cv: 'ignore')", async () => {
    const a = await nestedClustersOptimisation(prior, { clusters: 3, cv: "ignore" });
    const b = await nestedClustersOptimisation(prior, { clusters: 3, cv: 4 });
    expect(b.clusters).toEqual(a.clusters);
    expect(b.innerWeights).toEqual(a.innerWeights);
    expect(Math.max(...Array.from(a.outerWeights, (x, c) => Math.abs(x - b.outerWeights[c]!)))).toBeGreaterThan(1e-6);
  });

  it("meets bounds at the end", async () => {
    const r = await nestedClustersOptimisation(prior, { cv: "ignore", bounds: [0.01, 0.15] });
    r.weights.values.forEach((w) => expect(w >= 0.01 - 1e-12 && w <= 0.15 + 1e-12).toBe(true));
    expect(Math.abs(total(r.weights.values) - 1)).toBeLessThan(1e-12);
  });

  it("names what is wrong: missing returns, a bad cv, infeasible bounds, an optimiser with the wrong tickers", async () => {
    const gap = Float64Array.from(X.values);
    gap[3] = NaN;
    const withGap = priorOf({ ...prior, returns: { ...X, values: gap } });
    await expect(nestedClustersOptimisation(withGap)).rejects.toThrow(/return of BBY on .* is NaN/);
    await expect(nestedClustersOptimisation(prior, { cv: 1 })).rejects.toThrow(InputError);
    await expect(nestedClustersOptimisation(prior, { bounds: [0, 0.04] })).rejects.toThrow(InfeasibleError);
    const wrong = () => ({ weights: { labels: ["X"], values: Float64Array.of(1) } });
    await expect(nestedClustersOptimisation(prior, { clusters: 2, cv: "ignore", inner: wrong })).rejects.toThrow(/inner optimiser must return weights labelled/);
  });
});
