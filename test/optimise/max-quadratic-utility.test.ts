import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { maxQuadraticUtility } from "../../src/optimise/max-quadratic-utility";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";
import { cov, expected, expectedReturn, expectWeights, mu, snapshot, sum, synthetic, variance } from "./optimizer-fixtures";

describe("maxQuadraticUtility", () => {
  it("matches cvxopt for risk aversion 1 and 5 on the fixture", () => {
    expectWeights(maxQuadraticUtility(mu, cov), expected.fixture.maxQuadraticUtility.delta1);
    expectWeights(maxQuadraticUtility(mu, cov, { riskAversion: 5 }), expected.fixture.maxQuadraticUtility.delta5);
  });

  it("matches cvxopt when market neutral (weights sum to 0, bounds default to [-1, 1])", () => {
    const w = maxQuadraticUtility(mu, cov, { marketNeutral: true });
    expectWeights(w, expected.fixture.maxQuadraticUtility.marketNeutral);
    expect(Math.abs(sum(w.values))).toBeLessThan(1e-10);
    expect(Math.min(...w.values)).toBeGreaterThanOrEqual(-1 - 1e-12);
  });

  it("gives the closed form w = Σ⁻¹(μ − ν𝟙)/δ when no bound binds", () => {
    const labels = ["A", "B"];
    const w = maxQuadraticUtility({ labels, values: Float64Array.of(0.1, 0.2) }, { labels, values: Float64Array.of(0.04, 0, 0, 0.09) }, {
      riskAversion: 2,
      bounds: [-1, 2],
      ridge: 0,
    });
    const nu = (0.1 / 0.08 + 0.2 / 0.18 - 1) / (1 / 0.08 + 1 / 0.18);
    expect(w.values[0]).toBeCloseTo((0.1 - nu) / 0.08, 10);
    expect(w.values[1]).toBeCloseTo((0.2 - nu) / 0.18, 10);
  });

  it("trades return for risk as the risk aversion grows, and beats random feasible portfolios in utility", () => {
    const utility = (w: ArrayLike<number>, delta: number) => expectedReturn(synthetic.mu, w) - (delta / 2) * variance(synthetic.cov, w);
    const low = maxQuadraticUtility(synthetic.mu, synthetic.cov, { riskAversion: 1 });
    const high = maxQuadraticUtility(synthetic.mu, synthetic.cov, { riskAversion: 20 });
    expect(variance(synthetic.cov, high.values)).toBeLessThan(variance(synthetic.cov, low.values));
    expect(expectedReturn(synthetic.mu, high.values)).toBeLessThan(expectedReturn(synthetic.mu, low.values));
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 300; k++) {
      const p = Array.from({ length: 12 }, () => random());
      const s = sum(p);
      expect(utility(p.map((x) => x / s), 20)).toBeLessThanOrEqual(utility(high.values, 20) + 1e-12);
    }
  });

  it("accepts constraints and diagnoses an infeasible combination", () => {
    const w = maxQuadraticUtility(synthetic.mu, synthetic.cov, { constraints: [sectorLimits(expected.synthetic.sectors)] });
    expect(w.values.slice(0, 4).reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(() =>
      maxQuadraticUtility(synthetic.mu, synthetic.cov, {
        constraints: [sectorLimits({ sectorOf: expected.synthetic.sectors.sectorOf, caps: { Tech: 0.3, Energy: 0.3, Health: 0.2 } })],
      }),
    ).toThrow("maxQuadraticUtility: sector caps: caps sum to 0.8 < 1 with no other assets; raise a cap");
  });

  it("throws for a non-positive risk aversion and for market neutrality without shorting", () => {
    expect(() => maxQuadraticUtility(mu, cov, { riskAversion: 0 })).toThrow(InputError);
    expect(() => maxQuadraticUtility(mu, cov, { marketNeutral: true, bounds: [0, 1] })).toThrow(/needs shorting/);
    expect(() => maxQuadraticUtility(mu, cov, { bounds: [0, 0.1] })).toThrow(InfeasibleError);
  });

  it("does not modify its inputs", () => {
    const [m, c] = [snapshot(mu), snapshot(cov)];
    maxQuadraticUtility(mu, cov, { riskAversion: 3 });
    expect(mu).toEqual(m);
    expect(cov.values).toEqual(c.values);
  });
});
