import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { efficientFrontier } from "../../src/optimise/efficient-frontier";
import { minVolatility } from "../../src/optimise/min-volatility";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";
import { randomCovariance, seededRandom } from "./helpers/random";
import { cov, expected, expectWeights, labelsOf, mu, snapshot, sum, synthetic } from "./optimizer-fixtures";

describe("efficientFrontier", () => {
  it("matches cvxopt's efficient portfolios at 5 evenly spaced returns on the fixture", () => {
    const frontier = efficientFrontier(mu, cov, { points: 5 });
    expect(frontier).toHaveLength(5);
    frontier.forEach((point, k) => {
      expect(point.expectedReturn).toBeCloseTo(expected.fixture.frontier.targets[k]!, 8);
      expectWeights(point.weights, expected.fixture.frontier.weights[k]!);
    });
  });

  it("starts at the minimum-volatility portfolio and ends at the maximum return, volatility increasing", () => {
    const frontier = efficientFrontier(mu, cov, { riskFreeRate: 0.02 });
    expect(frontier).toHaveLength(50);
    expectWeights(frontier[0]!.weights, minVolatility(cov).values, 1e-8);
    expect(frontier[49]!.expectedReturn).toBeCloseTo(expected.fixture.maxReturn, 9);
    for (let k = 1; k < frontier.length; k++) {
      expect(frontier[k]!.volatility).toBeGreaterThanOrEqual(frontier[k - 1]!.volatility - 1e-12);
      expect(frontier[k]!.expectedReturn).toBeGreaterThan(frontier[k - 1]!.expectedReturn);
      expect(frontier[k]!.sharpe).toBeCloseTo((frontier[k]!.expectedReturn - 0.02) / frontier[k]!.volatility, 12);
      expect(sum(frontier[k]!.weights.values)).toBeCloseTo(1, 12);
    }
  });

  it("handles 100 assets with bounds and sector constraints (warm-started points)", () => {
    const n = 100;
    const random = seededRandom(101);
    const c = { labels: labelsOf(n), values: randomCovariance(n, random) };
    const m = { labels: labelsOf(n), values: Float64Array.from({ length: n }, () => 0.3 * random() - 0.05) };
    const sectorOf = Object.fromEntries(c.labels.map((l, i) => [l, `S${i % 5}`]));
    const frontier = efficientFrontier(m, c, { points: 20, bounds: [0, 0.1], constraints: [sectorLimits({ sectorOf, caps: { S0: 0.25 } })] });
    for (let k = 1; k < frontier.length; k++) expect(frontier[k]!.volatility).toBeGreaterThanOrEqual(frontier[k - 1]!.volatility - 1e-12);
    for (const point of frontier) {
      expect(Math.max(...point.weights.values)).toBeLessThanOrEqual(0.1 + 1e-12);
      const s0 = point.weights.values.reduce((s, x, i) => (i % 5 === 0 ? s + x : s), 0);
      expect(s0).toBeLessThanOrEqual(0.25 + 1e-9);
    }
  });

  it("throws InputError for fewer than 2 points or unbounded returns", () => {
    expect(() => efficientFrontier(mu, cov, { points: 1 })).toThrow(/points 1 must be a whole number ≥ 2/);
    expect(() => efficientFrontier(mu, cov, { points: 2.5 })).toThrow(InputError);
    expect(() => efficientFrontier(synthetic.mu, synthetic.cov, { bounds: [-Infinity, Infinity] })).toThrow(/unbounded/);
  });

  it("does not modify its inputs", () => {
    const [m, c] = [snapshot(mu), snapshot(cov)];
    efficientFrontier(mu, cov, { points: 4 });
    expect(mu).toEqual(m);
    expect(cov.values).toEqual(c.values);
  });
});
