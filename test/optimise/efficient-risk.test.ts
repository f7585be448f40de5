import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { efficientRisk, EFFICIENT_RISK_TOLERANCE } from "../../src/optimise/efficient-risk";
import { efficientReturn } from "../../src/optimise/efficient-return";
import { l2Regularisation } from "../../src/optimise/l2-regularisation";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";
import { randomCovariance, seededRandom } from "./helpers/random";
import { cov, expected, expectedReturn, expectWeights, labelsOf, mu, snapshot, sum, synthetic, variance } from "./optimizer-fixtures";

const volatility = (c: typeof cov, w: ArrayLike<number>) => Math.sqrt(variance(c, w));

describe("efficientRisk", () => {
  it("matches cvxopt's SOCP for a 14 % target on the fixture, with the volatility on target to 1e-8", () => {
    const w = efficientRisk(mu, cov, expected.fixture.efficientRisk.target);
    expectWeights(w, expected.fixture.efficientRisk.weights);
    expect(Math.abs(volatility(cov, w.values) - 0.14)).toBeLessThan(1e-8);
  });

  it("matches cvxopt when market neutral", () => {
    const w = efficientRisk(mu, cov, expected.fixture.efficientRisk.marketNeutralTarget, { marketNeutral: true });
    expectWeights(w, expected.fixture.efficientRisk.marketNeutral);
    expect(Math.abs(sum(w.values))).toBeLessThan(1e-10);
    expect(Math.abs(volatility(cov, w.values) - 0.1)).toBeLessThan(1e-8);
  });

  it("matches cvxopt on the synthetic universe, with and without L2 regularisation", () => {
    const { target, weights, l2Gamma, l2 } = expected.synthetic.efficientRisk;
    expectWeights(efficientRisk(synthetic.mu, synthetic.cov, target), weights);
    const regularised = efficientRisk(synthetic.mu, synthetic.cov, target, { objectives: [l2Regularisation(l2Gamma)] });
    // The regularised optimum is flat (objectives differ by 3e-11 at weights 6e-6 apart): cvxopt's interior point
    // stops 5e-11 inside the volatility target; ours sits on it with an objective at least as good.
    expectWeights(regularised, l2, 2e-5);
    const objective = (w: ArrayLike<number>) => expectedReturn(synthetic.mu, w) - l2Gamma * Array.from(w).reduce((s, x) => s + x * x, 0);
    expect(objective(regularised.values)).toBeGreaterThanOrEqual(objective(l2) - 1e-12);
    expect(Math.abs(volatility(synthetic.cov, regularised.values) - target)).toBeLessThanOrEqual(EFFICIENT_RISK_TOLERANCE);
  });

  it("returns the highest-return portfolio when the target does not bind", () => {
    const w = efficientRisk(mu, cov, 0.5);
    expect(expectedReturn(mu, w.values)).toBeCloseTo(expected.fixture.maxReturn, 9);
  });

  it("is the efficientReturn portfolio whose volatility is the target (the two problems are dual)", () => {
    const n = 80;
    const random = seededRandom(80);
    const c = { labels: labelsOf(n), values: randomCovariance(n, random) };
    const m = { labels: labelsOf(n), values: Float64Array.from({ length: n }, () => 0.25 * random()) };
    // Minimum volatility 0.019, highest-return portfolio 0.125: a target of 0.08 binds.
    const w = efficientRisk(m, c, 0.08, { bounds: [0, 0.25] });
    expect(Math.abs(volatility(c, w.values) - 0.08)).toBeLessThan(1e-8);
    const twin = efficientReturn(m, c, expectedReturn(m, w.values), { bounds: [0, 0.25] });
    expectWeights(twin, w.values, 1e-6);
  });

  it("accepts constraints", () => {
    const w = efficientRisk(synthetic.mu, synthetic.cov, 0.2, { constraints: [sectorLimits(expected.synthetic.sectors)] });
    expect(w.values.slice(4, 8).reduce((s, x) => s + x, 0)).toBeGreaterThanOrEqual(0.25 - 1e-9);
    expect(volatility(synthetic.cov, w.values)).toBeLessThanOrEqual(0.2 + 1e-8);
  });

  it("throws InfeasibleError naming the minimum achievable volatility", () => {
    expect(() => efficientRisk(mu, cov, 0.05)).toThrow(InfeasibleError);
    expect(() => efficientRisk(mu, cov, 0.05)).toThrow(
      "efficientRisk: target volatility 0.05 is below the minimum achievable 0.126 for these assets and bounds; use a target ≥ 0.127",
    );
    expect(() => efficientRisk(synthetic.mu, synthetic.cov, 0.05)).toThrow(/minimum achievable 0.0652/);
  });

  it("throws InputError for a negative or non-finite target", () => {
    expect(() => efficientRisk(mu, cov, -0.1)).toThrow(InputError);
    expect(() => efficientRisk(mu, cov, Infinity)).toThrow(InputError);
  });

  it("does not modify its inputs", () => {
    const [m, c] = [snapshot(mu), snapshot(cov)];
    efficientRisk(mu, cov, 0.14);
    expect(mu).toEqual(m);
    expect(cov.values).toEqual(c.values);
  });
});
