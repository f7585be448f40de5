import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { efficientReturn } from "../../src/optimise/efficient-return";
import { minVolatility } from "../../src/optimise/min-volatility";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";
import { randomCovariance, seededRandom } from "./helpers/random";
import { cov, expected, expectedReturn, expectWeights, labelsOf, mu, snapshot, sum, synthetic, variance } from "./optimizer-fixtures";

describe("efficientReturn", () => {
  it("matches cvxopt for a 20 % target on the fixture", () => {
    const w = efficientReturn(mu, cov, expected.fixture.efficientReturn.target);
    expectWeights(w, expected.fixture.efficientReturn.weights);
    expect(expectedReturn(mu, w.values)).toBeGreaterThanOrEqual(0.2 - 1e-9);
  });

  it("matches cvxopt when market neutral", () => {
    const w = efficientReturn(mu, cov, expected.fixture.efficientReturn.marketNeutralTarget, { marketNeutral: true });
    expectWeights(w, expected.fixture.efficientReturn.marketNeutral);
    expect(Math.abs(sum(w.values))).toBeLessThan(1e-10);
  });

  it("matches cvxopt with sector caps and floors on the synthetic universe", () => {
    const w = efficientReturn(synthetic.mu, synthetic.cov, expected.synthetic.efficientReturnSectors.target, {
      constraints: [sectorLimits(expected.synthetic.sectors)],
    });
    expectWeights(w, expected.synthetic.efficientReturnSectors.weights);
  });

  it("returns the minimum-volatility portfolio for a target below its return (an inequality, as PyPortfolioOpt)", () => {
    expectWeights(efficientReturn(mu, cov, -1), minVolatility(cov).values, 1e-8);
  });

  it("reaches the maximum achievable return exactly", () => {
    const w = efficientReturn(mu, cov, expected.fixture.maxReturn);
    expect(expectedReturn(mu, w.values)).toBeCloseTo(expected.fixture.maxReturn, 9);
  });

  it("has increasing volatility in the target, and beats random portfolios with at least the target return (120 assets)", () => {
    const n = 120;
    const random = seededRandom(120);
    const c = { labels: labelsOf(n), values: randomCovariance(n, random) };
    const m = { labels: labelsOf(n), values: Float64Array.from({ length: n }, () => 0.25 * random()) };
    let previous = 0;
    for (const target of [0.12, 0.15, 0.18, 0.21]) {
      const w = efficientReturn(m, c, target, { bounds: [0, 0.2] });
      expect(sum(w.values)).toBeCloseTo(1, 12);
      expect(expectedReturn(m, w.values)).toBeGreaterThanOrEqual(target - 1e-9);
      const v = variance(c, w.values);
      expect(v).toBeGreaterThan(previous);
      previous = v;
      for (let k = 0; k < 200; k++) {
        // Random portfolios on the top assets that meet the target.
        const p = new Float64Array(n);
        const picks = Array.from({ length: 8 }, () => Math.floor(random() * n));
        for (const i of picks) p[i] = p[i]! + random();
        const s = sum(p);
        for (let i = 0; i < n; i++) p[i] = p[i]! / s;
        if (p.some((x) => x > 0.2) || expectedReturn(m, p) < target) continue;
        expect(variance(c, p)).toBeGreaterThanOrEqual(v - 1e-12);
      }
    }
  });

  it("throws InfeasibleError naming the maximum achievable return", () => {
    expect(() => efficientReturn(mu, cov, 0.4)).toThrow(InfeasibleError);
    expect(() => efficientReturn(mu, cov, 0.4)).toThrow(
      "efficientReturn: target return 0.4 is above the maximum achievable 0.294 with these bounds; use a target ≤ 0.293",
    );
    expect(() => efficientReturn(mu, cov, 0.3, { constraints: [sectorLimits({ sectorOf: { DYNA: "Energy" }, caps: { Energy: 0.5 } })] })).toThrow(
      /above the maximum achievable 0.252 with these bounds and constraints/,
    );
  });

  it("throws InputError for a non-finite target", () => {
    expect(() => efficientReturn(mu, cov, NaN)).toThrow(InputError);
  });

  it("does not modify its inputs", () => {
    const [m, c] = [snapshot(mu), snapshot(cov)];
    efficientReturn(mu, cov, 0.1);
    expect(mu).toEqual(m);
    expect(cov.values).toEqual(c.values);
  });
});
