import { describe, expect, it } from "vitest";
import { clusterRisk } from "../../../src/optimise/hrp/cluster-risk";
import { recursiveBisection } from "../../../src/optimise/hrp/recursive-bisection";
import { riskBisection } from "../../../src/optimise/hrp/risk-bisection";
import { randomCovariance, seededRandom } from "../helpers/random";

describe("riskBisection", () => {
  it("splits two uncorrelated assets 0.8 / 0.2 by inverse variance (the TSDoc example)", () => {
    const risk = clusterRisk("variance", { labels: ["A", "B"], covariance: Float64Array.of(1, 0, 0, 4) }, {}, "t");
    const w = riskBisection([0, 1], [1, 0.25], risk);
    expect(w[0]).toBeCloseTo(0.8, 15);
    expect(w[1]).toBeCloseTo(0.2, 15);
  });

  it("with variance and inverse-variance weights is recursiveBisection, bit for bit", () => {
    const rand = seededRandom(3);
    for (const n of [2, 5, 9, 16]) {
      const cov = randomCovariance(n, rand);
      const labels = Array.from({ length: n }, (_, i) => `A${i}`);
      const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
      const within = Array.from({ length: n }, (_, i) => 1 / cov[i * n + i]!);
      expect(Array.from(riskBisection(order, within, clusterRisk("variance", { labels, covariance: cov }, {}, "t")))).toEqual(Array.from(recursiveBisection(cov, order)));
    }
  });

  it("sums to 1 and keeps every weight within random feasible bounds (skfolio's test_hrp_weight_constraints_rand)", () => {
    const rand = seededRandom(42);
    for (let trial = 0; trial < 30; trial++) {
      const n = 3 + Math.floor(rand() * 12);
      const cov = randomCovariance(n, rand);
      const labels = Array.from({ length: n }, (_, i) => `A${i}`);
      const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
      // skfolio's _random_weights_bounds: lower bounds summing to a random total < 1, uppers above them summing past 1.
      const rawMin = Array.from({ length: n }, () => rand());
      const minTotal = rand();
      const lower = Float64Array.from(rawMin, (x) => (x / rawMin.reduce((s, y) => s + y, 0)) * minTotal);
      const required = Math.max(0, 1 - lower.reduce((s, x) => s + x, 0));
      const rawDiff = Array.from({ length: n }, () => rand());
      const extra = 1 + rand();
      const upper = Float64Array.from(lower, (l, i) => l + (rawDiff[i]! / rawDiff.reduce((s, y) => s + y, 0)) * required * extra);
      const within = Array.from({ length: n }, (_, i) => 1 / Math.sqrt(cov[i * n + i]!));
      const w = riskBisection(order, within, clusterRisk("standardDeviation", { labels, covariance: cov }, {}, "t"), { lower, upper });
      expect(Math.abs(w.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
      w.forEach((x, i) => {
        expect(x - lower[i]!).toBeGreaterThanOrEqual(-1e-12);
        expect(x - upper[i]!).toBeLessThanOrEqual(1e-12);
      });
    }
  });
});
