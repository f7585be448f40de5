import { describe, expect, it } from "vitest";
import { efficientRisk, l2Regularisation, maxSharpe, minVolatility } from "../../src/optimise/index";
import { resolveRidge } from "../../src/optimise/mean-variance-options";

// A daily-scale covariance (volatilities 1–2 % a day, correlations 0.9–0.97): smallest eigenvalue 3.5e-6.
const S = [
  0.0001, 0.0001164, 0.000135, 9.9e-5, 0.00018, 0.0001164, 0.000144, 0.000162, 0.0001188, 0.000216, 0.000135, 0.000162, 0.000225, 0.0001485,
  0.00027, 9.9e-5, 0.0001188, 0.0001485, 0.000121, 0.000198, 0.00018, 0.000216, 0.00027, 0.000198, 0.0004,
];
const cov = { labels: ["A", "B", "C", "D", "E"], values: Float64Array.from(S) };
// numpy 1.24: w = solve(S, 1); w /= w.sum() — the minimum-variance portfolio where no bound binds.
const exact = [1.6327038401545637, -0.6065528024350337, -0.19542722382455202, 0.669931684434926, -0.5006554983299041];

describe("the default ridge (\"auto\") leaves a definite covariance as it is", () => {
  it("minimum volatility equals the closed form to 1e-12 on a daily-scale covariance", () => {
    const w = minVolatility(cov, { bounds: [-1, 2] });
    w.values.forEach((v, i) => expect(Math.abs(v - exact[i]!)).toBeLessThan(1e-12));
  });
  it("the fixed ridge of earlier versions (1e-10) moved these weights by ~1e-5: measurable, hence the change", () => {
    const w = minVolatility(cov, { bounds: [-1, 2], ridge: 1e-10 });
    const moved = Math.max(...w.values.map((v, i) => Math.abs(v - exact[i]!)));
    expect(moved).toBeGreaterThan(1e-6);
    expect(moved).toBeLessThan(1e-4);
  });
  it("the constrained solver path (with an objective term) gives the same closed form", () => {
    const w = minVolatility(cov, { bounds: [-1, 2], objectives: [l2Regularisation(0)] });
    w.values.forEach((v, i) => expect(Math.abs(v - exact[i]!)).toBeLessThan(1e-9));
  });
});

describe("a singular covariance still solves (a riskless asset: a zero row and column)", () => {
  const withCash = {
    labels: ["A", "B", "CASH"],
    values: Float64Array.from([0.04, 0.01, 0, 0.01, 0.09, 0, 0, 0, 0]),
  };
  it("minimum volatility holds the riskless asset only", () => {
    const w = minVolatility(withCash);
    expect(Array.from(w.values)).toEqual([0, 0, 1]);
  });
  it("maximum Sharpe with a risk-free rate below the assets' returns holds risky assets", () => {
    const mu = { labels: withCash.labels, values: Float64Array.from([0.08, 0.12, 0.02]) };
    const w = maxSharpe(mu, withCash, { riskFreeRate: 0.02 });
    expect(w.values[0]! + w.values[1]!).toBeCloseTo(1, 12);
  });
});

describe("efficientRisk with a riskless asset: Tobin's two-fund separation", () => {
  // Risky A (σ 20 %, μ 8 %), B (σ 30 %, μ 12 %), correlation 1/6; cash at 2 %. Below the tangency portfolio's
  // volatility the efficient portfolio is cash plus the tangency mix w ∝ Σ⁻¹(μ − rf), in the share t / σ_tangency.
  const labels = ["A", "B", "CASH"];
  const cov3 = { labels, values: Float64Array.from([0.04, 0.01, 0, 0.01, 0.09, 0, 0, 0, 0]) };
  const mu3 = { labels, values: Float64Array.from([0.08, 0.12, 0.02]) };
  // Σ⁻¹(μ − rf) over A, B: [0.09·0.06 − 0.01·0.10, −0.01·0.06 + 0.04·0.10] / 0.0035 ∝ [0.0044, 0.0034].
  const tangency = [0.0044 / 0.0078, 0.0034 / 0.0078];
  const sigmaT = Math.sqrt(0.04 * tangency[0]! ** 2 + 0.09 * tangency[1]! ** 2 + 2 * 0.01 * tangency[0]! * tangency[1]!);
  it.each([0.05, 0.1, 0.15])("target volatility %s", (target) => {
    const w = efficientRisk(mu3, cov3, target);
    const share = target / sigmaT;
    expect(w.values[0]!).toBeCloseTo(share * tangency[0]!, 6);
    expect(w.values[1]!).toBeCloseTo(share * tangency[1]!, 6);
    expect(w.values[2]!).toBeCloseTo(1 - share, 6);
  });
});

describe("resolveRidge", () => {
  it("reads auto, numbers, and names a bad value", () => {
    expect(resolveRidge(undefined, "f")).toBe(0);
    expect(resolveRidge("auto", "f")).toBe(0);
    expect(resolveRidge(1e-8, "f")).toBe(1e-8);
    expect(() => resolveRidge(-1, "minVolatility")).toThrowError(/minVolatility: ridge -1 must be "auto" or a finite number ≥ 0/);
    expect(() => resolveRidge("big" as never, "f")).toThrowError(/BAD_RIDGE|ridge big/);
  });
});
