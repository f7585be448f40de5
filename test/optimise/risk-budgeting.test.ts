import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { equalRiskContribution, riskBudgeting } from "../../src/optimise/risk-budgeting";
import { riskContributions } from "../../src/measures/risk-contributions";
import { randomCovariance, seededRandom } from "./helpers/random";
import { cov, expected, expectWeights, labelsOf, snapshot, sum, synthetic } from "./optimizer-fixtures";

const diagonal = { labels: ["A", "B", "C", "D"], values: Float64Array.of(0.01, 0, 0, 0, 0, 0.04, 0, 0, 0, 0, 0.09, 0, 0, 0, 0, 0.16) };

describe("riskBudgeting and equalRiskContribution", () => {
  it("gives 0.48, 0.24, 0.16, 0.12 for diag(0.01, 0.04, 0.09, 0.16)", () => {
    expectWeights(equalRiskContribution(diagonal), [0.48, 0.24, 0.16, 0.12], 1e-12);
  });

  it("gives wᵢ ∝ √bᵢ/σᵢ for uncorrelated assets (the TSDoc example)", () => {
    const labels = ["A", "B"];
    expectWeights(riskBudgeting({ labels, values: Float64Array.of(0.01, 0, 0, 0.04) }, { budgets: { A: 0.8, B: 0.2 } }), [0.8, 0.2], 1e-12);
  });

  it("matches the Python Newton reference on the synthetic universe and the fixture", () => {
    const budgets = { labels: synthetic.cov.labels, values: Float64Array.from(expected.synthetic.riskBudgets) };
    expectWeights(riskBudgeting(synthetic.cov, { budgets }), expected.synthetic.riskBudgeting, 1e-9);
    expectWeights(equalRiskContribution(synthetic.cov), expected.synthetic.equalRiskContribution, 1e-9);
    expectWeights(equalRiskContribution(cov), expected.fixture.equalRiskContribution, 1e-9);
  });

  it("meets the budgets to 1e-10 in risk contributions on 150 correlated assets", () => {
    const n = 150;
    const random = seededRandom(150);
    const c = { labels: labelsOf(n), values: randomCovariance(n, random) };
    const raw = Float64Array.from({ length: n }, () => 0.1 + random());
    const total = sum(raw);
    const budgets = { labels: c.labels, values: raw.map((x) => x / total) };
    const w = riskBudgeting(c, { budgets });
    expect(sum(w.values)).toBeCloseTo(1, 12);
    expect(Math.min(...w.values)).toBeGreaterThan(0);
    const rc = riskContributions(w, c).values;
    expect(Math.max(...rc.map((x, i) => Math.abs(x - budgets.values[i]!)))).toBeLessThan(1e-10);
  });

  it("normalises budgets that do not sum to 1", () => {
    expectWeights(riskBudgeting(diagonal, { budgets: { A: 2, B: 2, C: 2, D: 2 } }), [0.48, 0.24, 0.16, 0.12], 1e-12);
  });

  it("throws InputError for missing, unknown or non-positive budgets and non-positive variances", () => {
    expect(() => riskBudgeting(diagonal, { budgets: { A: 1, B: 1, C: 1 } })).toThrow(/no budget for D/);
    expect(() => riskBudgeting(diagonal, { budgets: { A: 1, B: 1, C: 1, D: 1, E: 1 } })).toThrow(/budgets name E/);
    expect(() => riskBudgeting(diagonal, { budgets: { A: 1, B: 1, C: 0, D: 1 } })).toThrow(/budget of C is 0/);
    expect(() => equalRiskContribution({ labels: ["A", "B"], values: Float64Array.of(0, 0, 0, 0.04) })).toThrow(InputError);
  });

  it("does not modify its inputs", () => {
    const c = snapshot(synthetic.cov);
    const budgets = { labels: synthetic.cov.labels, values: Float64Array.from(expected.synthetic.riskBudgets) };
    const b = Float64Array.from(budgets.values);
    riskBudgeting(synthetic.cov, { budgets });
    expect(synthetic.cov.values).toEqual(c.values);
    expect(budgets.values).toEqual(b);
  });
});
