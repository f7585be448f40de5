// Risk budgeting on every measure (riskBudgetByMeasure) on Riskfolio-Lib's test data (200 days × 10 assets) against
// the weights its own tests assert (tests/test_portfolio.py::test_classic_riskparity_optimization, Classic_RP.csv:
// rp_optimization(rm=…, rf=0, b=None), equal budgets). Riskfolio-Lib's interior-point solves leave its weights
// about 5e-6 from the optimum: both our methods (cutting planes for the linear measures, proximal Newton with QPs
// for the sums of squares) land on the same point, which must be within 1e-5 of Riskfolio-Lib's weights and at
// least as good on the problem's own objective. For TG and TGRG Riskfolio-Lib optimises an approximation (its
// power-cone OWA formulation), so there ours must only be close and better on the exact measure.
// Property tests: the Euler risk contributions equal the budgets.
import { describe, expect, it } from "vitest";
import { riskBudgetByMeasure } from "../../src/optimise/risk-budgeting-by-measure";
import { riskBudgeting } from "../../src/optimise/risk-budgeting";
import { scenarioMeasure, type ProgrammeMeasure } from "../../src/optimise/scenario-risk-programme";
import { createRng } from "../../src/core/random";
import { dailyReturns, gap, riskfolioReturns as returns, riskfolioWeights } from "./helpers/riskfolio-fixture";

const n = 10;
const T = 200;
const settings = { beta: 0.95, minimumAcceptableReturn: 0 };
// Sample covariance (ddof 1), Riskfolio-Lib's method_cov="hist".
const mean = Float64Array.from({ length: n }, (_, j) => Array.from({ length: T }, (_, t) => returns.values[t * n + j]!).reduce((s, x) => s + x, 0) / T);
const covariance = Float64Array.from({ length: n * n }, (_, k) => {
  const i = Math.floor(k / n);
  const j = k % n;
  let s = 0;
  for (let t = 0; t < T; t++) s += (returns.values[t * n + i]! - mean[i]!) * (returns.values[t * n + j]! - mean[j]!);
  return s / (T - 1);
});
const risk = (measure: ProgrammeMeasure, w: ArrayLike<number>): number => {
  if (measure !== "volatility") return scenarioMeasure(measure, dailyReturns(w), settings);
  let v = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += w[i]! * covariance[i * n + j]! * w[j]!;
  return Math.sqrt(v);
};
// The scale-free objective of rp_optimization: min over s of ρ(s·w) − Σ bᵢ log(s·wᵢ) is log ρ(w) − Σ bᵢ log wᵢ + const.
const objective = (measure: ProgrammeMeasure, w: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.log(risk(measure, w)) - Array.from(w).reduce((s, x, i) => s + b[i]! * Math.log(x), 0);
const equal = new Float64Array(n).fill(1 / n);

const exact: [string, ProgrammeMeasure][] = [
  ["MV", "volatility"],
  ["MAD", "meanAbsoluteDeviation"],
  ["MSV", "semiDeviation"],
  ["FLPM", "firstLowerPartialMoment"],
  ["SLPM", "secondLowerPartialMoment"],
  ["CVaR", "cvar"],
  ["CVRG", "cvarRange"],
  ["CDaR", "cdar"],
  ["UCI", "ulcerIndex"],
];

describe("riskBudgetByMeasure reproduces Riskfolio-Lib's asserted risk-parity weights", () => {
  for (const [rm, measure] of exact) {
    it(`${rm} (${measure}): within 1e-5 of Riskfolio-Lib's weights, and no worse on the objective`, async () => {
      const expected = riskfolioWeights("risk_parity_weights.csv", rm);
      const result = await riskBudgetByMeasure(returns, { measure, covariance });
      expect(gap(result.weights.values, expected)).toBeLessThan(1e-5);
      expect(objective(measure, result.weights.values, equal)).toBeLessThanOrEqual(objective(measure, expected, equal) + 1e-12);
      expect(result.weights.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
      expect(result.risk).toBeCloseTo(risk(measure, result.weights.values), 14);
    }, 60_000);
  }
  // GMD's programme has 40,000 pair rows here: its cutting planes keep one LP open (warm-started; WARM_START_ROWS).
  for (const [rm, measure] of [["TG", "tailGini"], ["TGRG", "tailGiniRange"], ["GMD", "giniMeanDifference"]] as const) {
    it(`${rm} (${measure}): close to Riskfolio-Lib's approximate weights and better on the exact measure`, async () => {
      const expected = riskfolioWeights("risk_parity_weights.csv", rm);
      const result = await riskBudgetByMeasure(returns, { measure });
      expect(gap(result.weights.values, expected)).toBeLessThan(0.03);
      expect(objective(measure, result.weights.values, equal)).toBeLessThan(objective(measure, expected, equal));
    }, 60_000);
  }
  it("volatility agrees with riskBudgeting (Newton on the covariance) for unequal budgets", async () => {
    const labels = returns.tickers;
    const budgets = Object.fromEntries(labels.map((t, i) => [t, 1 + i]));
    const ours = await riskBudgetByMeasure(returns, { measure: "volatility", covariance, budgets });
    const theirs = riskBudgeting({ labels, values: covariance }, { budgets });
    expect(gap(ours.weights.values, theirs.values)).toBeLessThan(1e-7);
  });
});

describe("riskBudgetByMeasure: the risk contributions equal the budgets", () => {
  const rng = createRng(21);
  const budgets = Array.from({ length: n }, () => 0.5 + rng.next());
  const total = budgets.reduce((s, x) => s + x, 0);
  const b = budgets.map((x) => x / total);
  const byTicker = Object.fromEntries(returns.tickers.map((t, i) => [t, budgets[i]!]));
  const shifted = (w: ArrayLike<number>, i: number, h: number) => Float64Array.from(w, (x, j) => (j === i ? x + h : x));
  for (const measure of ["semiDeviation", "secondLowerPartialMoment", "volatility"] as const) {
    it(`${measure} (smooth): wᵢ·∂ρ/∂wᵢ / ρ = bᵢ within 1e-6`, async () => {
      const { weights } = await riskBudgetByMeasure(returns, { measure, budgets: byTicker, covariance });
      const w = weights.values;
      const rho = risk(measure, w);
      for (let i = 0; i < n; i++) {
        const h = 1e-6 * w[i]!;
        const derivative = (risk(measure, shifted(w, i, h)) - risk(measure, shifted(w, i, -h))) / (2 * h);
        expect(Math.abs((w[i]! * derivative) / rho - b[i]!)).toBeLessThan(1e-6);
      }
    }, 60_000);
  }
  // The Ulcer index is not differentiable where two drawdown peaks tie: bracketed like the piecewise-linear measures.
  for (const measure of ["meanAbsoluteDeviation", "firstLowerPartialMoment", "cvar", "cdar", "ulcerIndex"] as const) {
    it(`${measure} (piecewise): the one-sided contributions bracket the budgets`, async () => {
      const { weights } = await riskBudgetByMeasure(returns, { measure, budgets: byTicker });
      const w = weights.values;
      const rho = risk(measure, w);
      for (let i = 0; i < n; i++) {
        const h = 1e-9 * w[i]!;
        const up = (w[i]! * (risk(measure, shifted(w, i, h)) - rho)) / h / rho;
        const down = (w[i]! * (rho - risk(measure, shifted(w, i, -h)))) / h / rho;
        expect(down).toBeLessThanOrEqual(b[i]! + 1e-5);
        expect(up).toBeGreaterThanOrEqual(b[i]! - 1e-5);
      }
    }, 60_000);
  }
  it("throws typed errors: unknown measure, bad budgets, volatility without a covariance, a risk that is not positive", async () => {
    await expect(riskBudgetByMeasure(returns, { measure: "kurtosis" as ProgrammeMeasure })).rejects.toMatchObject({ code: "UNKNOWN_MEASURE" });
    await expect(riskBudgetByMeasure(returns, { measure: "cdar", budgets: { AMZN: 1 } })).rejects.toMatchObject({ code: "BAD_BUDGETS" });
    await expect(riskBudgetByMeasure(returns, { measure: "volatility" })).rejects.toMatchObject({ code: "MISSING_COVARIANCE" });
    await expect(riskBudgetByMeasure(returns, { measure: "cdar", beta: 1 })).rejects.toMatchObject({ code: "BAD_BETA" });
    const gains = { ...returns, values: returns.values.map((x) => Math.abs(x) + 0.001) };
    await expect(riskBudgetByMeasure(gains, { measure: "maxDrawdown" })).rejects.toMatchObject({ code: "NONPOSITIVE_RISK" });
  });
});
