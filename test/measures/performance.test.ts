import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { portfolioPerformance } from "../../src/measures/performance";
import { labelledMatrix, readExpected } from "../optimise/helpers/fixtures";

const expected = readExpected();
const labels = ["A", "B"];
const vec = (values: number[], l = labels) => ({ labels: l, values: Float64Array.from(values) });
const cov = { labels, values: Float64Array.of(0.04, 0, 0, 0.09) };

describe("portfolioPerformance", () => {
  it("matches pypfopt's portfolio_performance on the fixture's min-volatility portfolio to 1e-10", () => {
    const w = vec(expected.minVolatility.longOnly, expected.tickers);
    const mu = vec(expected.meanHistoricalReturn.geometric, expected.tickers);
    const S = labelledMatrix(expected.tickers, expected.sampleCovariance.values);
    const p = portfolioPerformance(w, mu, S, { riskFreeRate: expected.performance.riskFreeRate });
    expect(p.expectedReturn).toBeCloseTo(expected.performance.expectedReturn, 10);
    expect(p.volatility).toBeCloseTo(expected.performance.volatility, 10);
    expect(p.sharpe).toBeCloseTo(expected.performance.sharpe, 10);
    expect(p.riskFreeRate).toBe(0.02);
  });

  it("computes wᵀμ, √(wᵀΣw) and (wᵀμ − rf)/σ (TSDoc example, hand-computed)", () => {
    const p = portfolioPerformance(vec([0.5, 0.5]), vec([0.1, 0.2]), cov, { riskFreeRate: 0.02 });
    expect(p.expectedReturn).toBeCloseTo(0.15, 15);
    expect(p.volatility).toBeCloseTo(Math.sqrt(0.0325), 15);
    expect(p.sharpe).toBeCloseTo(0.13 / Math.sqrt(0.0325), 14);
  });

  it("defaults the risk-free rate to 0 and reports it", () => {
    const p = portfolioPerformance(vec([1, 0]), vec([0.1, 0.2]), cov);
    expect(p.riskFreeRate).toBe(0);
    expect(p.sharpe).toBeCloseTo(0.1 / 0.2, 15);
  });

  it("does not modify its inputs", () => {
    const w = vec([0.5, 0.5]);
    const mu = vec([0.1, 0.2]);
    const S = { labels: [...labels], values: Float64Array.from(cov.values) };
    portfolioPerformance(w, mu, S, { riskFreeRate: 0.01 });
    expect(Array.from(w.values)).toEqual([0.5, 0.5]);
    expect(Array.from(mu.values)).toEqual([0.1, 0.2]);
    expect(Array.from(S.values)).toEqual([0.04, 0, 0, 0.09]);
  });

  it("throws InputError when labels of weights, mu and cov differ", () => {
    expect(() => portfolioPerformance(vec([0.5, 0.5]), vec([0.1, 0.2], ["B", "A"]), cov)).toThrow(
      "portfolioPerformance: mu label 0 is B but cov label 0 is A; pass both for the same tickers in the same order",
    );
    expect(() => portfolioPerformance(vec([1], ["A"]), vec([0.1, 0.2]), cov)).toThrow(/weights has 1 assets but cov has 2/);
  });

  it("throws InputError for non-finite values, a bad risk-free rate, zero volatility or a negative variance", () => {
    expect(() => portfolioPerformance(vec([NaN, 1]), vec([0.1, 0.2]), cov)).toThrow(/weights of A is NaN/);
    expect(() => portfolioPerformance(vec([0.5, 0.5]), vec([0.1, 0.2]), cov, { riskFreeRate: NaN })).toThrow(InputError);
    expect(() => portfolioPerformance(vec([0, 0]), vec([0.1, 0.2]), cov)).toThrow(/zero volatility/);
    const indefinite = { labels, values: Float64Array.of(1, 2, 2, 1) };
    expect(() => portfolioPerformance(vec([1, -1]), vec([0.1, 0.2]), indefinite)).toThrow(/not positive semidefinite/);
    expect(() => portfolioPerformance(vec([0.5, 0.5]), vec([0.1, 0.2]), { labels, values: Float64Array.of(0.04, 0.01, 0.02, 0.09) })).toThrow(
      /not symmetric/,
    );
  });
});
