import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { prior } from "../../src/moments/prior";
import { portfolioOf } from "../../src/optimise/portfolio";
import * as portfolios from "../../src/optimise/portfolios/index";
import { comparePortfolios, compareGroups, compareWeights } from "../../src/optimise/compare-portfolios";
import { maxSharpe } from "../../src/optimise/max-sharpe";
import { hierarchicalRiskParity } from "../../src/optimise/hrp/index";
import { riskContributions } from "../../src/measures/risk-contributions";
import { historicalCvar } from "../../src/measures/historical-cvar";
import { maxRelativeError, readExpected, readPricesCsv } from "./helpers/fixtures";

const expected = readExpected();
const p = prior(readPricesCsv("prices.csv"));

describe("Portfolio from (prior, options)", () => {
  it("minVolatility reaches PyPortfolioOpt's weights and portfolio_performance", () => {
    const mv = portfolios.minVolatility(p, { riskFreeRate: expected.performance.riskFreeRate });
    expect(maxRelativeError(mv.weights.values, expected.minVolatility.longOnly)).toBeLessThan(1e-5);
    expect(mv.expectedReturn).toBeCloseTo(expected.performance.expectedReturn, 6);
    expect(mv.volatility).toBeCloseTo(expected.performance.volatility, 6);
    expect(mv.sharpe).toBeCloseTo(expected.performance.sharpe, 5);
    expect(mv.name).toBe("min volatility");
  });
  it("moves code, not numbers: the same weights as the (mu, cov) optimisers", () => {
    const ms = portfolios.maxSharpe(p, { bounds: [0, 0.3], riskFreeRate: 0.01 });
    expect(ms.weights.values).toEqual(maxSharpe(p.expectedReturns, p.covariance, { bounds: [0, 0.3], riskFreeRate: 0.01 }).values);
    const h = portfolios.hrp(p);
    expect(h.weights.values).toEqual(hierarchicalRiskParity({ cov: p.covariance }).weights.values);
    expect(h.details.order).toEqual(hierarchicalRiskParity({ cov: p.covariance }).order);
    expect(ms.riskContributions().values).toEqual(riskContributions(ms.weights, p.covariance).values);
  });
  it("knows its holdings, its weights by group and its risk shares", () => {
    const rp = portfolios.riskParity(p);
    const shares = rp.riskContributions();
    expect(shares.max() - shares.min()).toBeLessThan(1e-6);
    expect(rp.holdings().length).toBe(p.expectedReturns.length);
    const half = Object.fromEntries(p.expectedReturns.labels.map((t, i) => [t, i % 2 === 0 ? "even" : "odd"]));
    expect(rp.byGroup(half).sum()).toBeCloseTo(1, 12);
    expect(portfolios.equalWeight(p).weights.get(expected.tickers[3]!)).toBeCloseTo(1 / expected.tickers.length, 15);
  });
  it("resolves scenario optimisers to portfolios with their optimum figure", async () => {
    const cv = await portfolios.minCvar(p, { bounds: [0, 0.5] });
    expect(cv.name).toBe("min CVaR 95 %");
    // The LP's scenarios are the rows where every ticker has a return; its optimum is the historical CVaR there.
    const m = p.returns.tickers.length;
    const rows = Array.from({ length: p.returns.length }, (_, t) => p.returns.values.subarray(t * m, (t + 1) * m)).filter((r) => r.every((x) => !Number.isNaN(x)));
    const scenarios = Float64Array.from(rows.flatMap((r) => Array.from(r)));
    expect(historicalCvar(scenarios, cv.weights.values, 0.95)).toBeCloseTo(cv.details.cvar, 8);
    // Its own cvar() counts every date on which each holding has a return: at least as many scenarios.
    expect(Number.isFinite(cv.cvar(0.95))).toBe(true);
  });
  it("aligns weights made elsewhere to the prior and rejects unknown tickers", () => {
    const t = expected.tickers;
    const mix = portfolioOf("two", { [t[0]!]: 0.5, [t[1]!]: 0.5 }, p);
    expect(mix.weights.labels).toEqual(t);
    expect(mix.holdings().labels).toEqual([t[0], t[1]]);
    expect(() => portfolioOf("bad", { NOPE: 1 }, p)).toThrow(/NOPE is not among the prior's/);
  });
  it("compares portfolios in one call, and displays itself", () => {
    const list = [portfolios.minVolatility(p), portfolios.hrp(p)];
    const c = comparePortfolios(list);
    expect(c.labels).toEqual(["min volatility", "HRP"]);
    expect(c.column("volatility").get("HRP")).toBeCloseTo(list[1]!.volatility, 15);
    expect(compareWeights(list).columns).toEqual(["min volatility", "HRP"]);
    expect(compareGroups(list, () => "all").column("HRP").get("all")).toBeCloseTo(1, 12);
    expect(() => comparePortfolios([list[0]!, list[0]!])).toThrow(/two portfolios are named min volatility/);
    expect(inspect(list[1])).toMatch(/^HRP: expected return .*, Sharpe .*; \d+ holdings\nticker +weight +risk share\n/);
  });
});
