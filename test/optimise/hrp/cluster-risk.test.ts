import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { CLUSTER_RISK_MEASURES, clusterRisk } from "../../../src/optimise/hrp/cluster-risk";

// Three assets over five periods; the sub-portfolio of assets 0 and 2 with weights 0.25 and 0.75.
const returns = {
  dates: ["d1", "d2", "d3", "d4", "d5"],
  tickers: ["A", "B", "C"],
  values: Float64Array.of(0.1, 0.0, -0.2, -0.5, 0.1, -0.1, -0.3, 0.2, -0.3, 0.8, -0.1, 0.4, 0.0, 0.0, 0.0),
};
const covariance = Float64Array.of(0.04, 0.01, 0, 0.01, 0.09, 0, 0, 0, 0.01);
const data = { labels: returns.tickers, covariance, returns };
// Portfolio returns 0.25·A + 0.75·C: −0.125, −0.2, −0.3, 0.5, 0 — mean −0.025.
const r = [-0.125, -0.2, -0.3, 0.5, 0];

describe("clusterRisk", () => {
  it("gives wᵀΣw and its root from the covariance", () => {
    expect(clusterRisk("variance", data, {}, "t")([0, 2], [0.25, 0.75])).toBeCloseTo(0.0625 * 0.04 + 0.5625 * 0.01, 15);
    expect(clusterRisk("standardDeviation", data, {}, "t")([0, 2], [0.25, 0.75])).toBeCloseTo(Math.sqrt(0.008125), 15);
  });

  it("measures the portfolio's return series by hand-computed values (skfolio's conventions)", () => {
    const risk = (m: (typeof CLUSTER_RISK_MEASURES)[number], confidence?: number) => clusterRisk(m, data, { confidence }, "t")([0, 2], [0.25, 0.75]);
    const mean = -0.025;
    expect(risk("meanAbsoluteDeviation")).toBeCloseTo(r.reduce((s, x) => s + Math.abs(x - mean), 0) / 5, 14);
    const below = r.map((x) => Math.max(0, mean - x));
    expect(risk("semiVariance")).toBeCloseTo(below.reduce((s, x) => s + x * x, 0) / 4, 14); // ddof 1 about the mean
    expect(risk("semiDeviation")).toBeCloseTo(Math.sqrt(below.reduce((s, x) => s + x * x, 0) / 4), 14);
    expect(risk("firstLowerPartialMoment")).toBeCloseTo(below.reduce((s, x) => s + x, 0) / 5, 14);
    expect(risk("worstRealisation")).toBeCloseTo(0.3, 14);
    // CVaR at 0.6: k = 2 worst of 5 → (0.3 + 0.2) / 2; VaR the 2nd worst loss.
    expect(risk("cvar", 0.6)).toBeCloseTo(0.25, 14);
    expect(risk("valueAtRisk", 0.6)).toBeCloseTo(0.2, 14);
    // Uncompounded drawdowns, first period the first peak: cumsum −0.125, −0.325, −0.625, −0.125, −0.125 →
    // drawdowns 0, −0.2, −0.5, 0, 0.
    expect(risk("maxDrawdown")).toBeCloseTo(0.5, 14);
    expect(risk("averageDrawdown")).toBeCloseTo(0.14, 14);
    expect(risk("cdar", 0.6)).toBeCloseTo(0.35, 14);
    expect(risk("ulcerIndex")).toBeCloseTo(Math.sqrt((0.04 + 0.25) / 5), 14);
    for (const m of CLUSTER_RISK_MEASURES) expect(Number.isFinite(risk(m))).toBe(true);
  });

  it("takes a measure of one's own", () => {
    const range = { name: "range", risk: (x: Float64Array) => Math.max(...x) - Math.min(...x) };
    expect(clusterRisk(range, data, {}, "t")([0, 2], [0.25, 0.75])).toBeCloseTo(0.8, 14);
  });

  it("names what is wrong: an unknown measure, returns missing or incomplete, a bad confidence", () => {
    expect(() => clusterRisk("sharpe" as never, data, {}, "hrp")).toThrow(/unknown risk measure "sharpe"; choose one of variance/);
    expect(() => clusterRisk("cvar", { labels: data.labels, covariance }, {}, "hrp")).toThrow(/the cvar measure needs returns/);
    expect(() => clusterRisk("variance", { labels: data.labels, returns }, {}, "hrp")).toThrow(InputError);
    const gap = { ...returns, values: Float64Array.from(returns.values, (x, k) => (k === 4 ? NaN : x)) };
    expect(() => clusterRisk("cdar", { ...data, returns: gap }, {}, "hrp")).toThrow(/return of B on d2 is NaN/);
    expect(() => clusterRisk("cvar", data, { confidence: 1 }, "hrp")).toThrow(/confidence 1 must lie in \(0, 1\)/);
    expect(() => clusterRisk("cvar", { ...data, labels: ["A", "C", "B"] }, {}, "hrp")).toThrow(/covariance's order/);
  });
});
