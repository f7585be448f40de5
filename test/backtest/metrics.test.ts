import { describe, expect, it } from "vitest";
import {
  backtestMetrics,
  buyAndHold,
  equalWeight,
  fixedWeights,
  metricsByRegime,
  neverRebalance,
  periodReturns,
  runBacktest,
  runBacktests,
} from "../../src/backtest/index";
import { annualisedReturn, calmarRatio, cumulativeReturn, hitRate, rollingSharpe, sharpeRatio, sortinoRatio } from "../../src/measures/index";
import { InputError } from "../../src/core/errors";
import { randomPrices } from "./helpers";

describe("return measures", () => {
  it("cumulative and annualised returns", () => {
    expect(cumulativeReturn([0.1, -0.1])).toBeCloseTo(-0.01, 15);
    expect(annualisedReturn([0.21], { frequency: 0.5 })).toBeCloseTo(0.1, 12);
    // 252 days of +0.1 %: (1.001)^252 − 1 per year
    expect(annualisedReturn(new Float64Array(252).fill(0.001))).toBeCloseTo(Math.pow(1.001, 252) - 1, 12);
    expect(() => annualisedReturn([])).toThrow(InputError);
  });
  it("Sharpe: mean excess over sd (ddof 1), annualised; null without variation", () => {
    expect(sharpeRatio([0.01, -0.005, 0.02, 0.0], { frequency: 1 })).toBeCloseTo(0.00625 / Math.sqrt(3.6875e-4 / 3), 12);
    // a 2 % annual risk-free rate over 252 days
    const rf = Math.pow(1.02, 1 / 252) - 1;
    expect(sharpeRatio([0.01, -0.005, 0.02, 0.0], { riskFreeRate: 0.02 })).toBeCloseTo(((0.00625 - rf) / Math.sqrt(3.6875e-4 / 3)) * Math.sqrt(252), 10);
    expect(sharpeRatio([0.01, 0.01, 0.01])).toBeNull();
  });
  it("Sortino: mean excess over the full-sample downside deviation", () => {
    expect(sortinoRatio([0.02, -0.01, 0.03, -0.02], { frequency: 1 })).toBeCloseTo(0.005 / Math.sqrt(0.0005 / 4), 12);
    expect(sortinoRatio([0.01, 0.02])).toBeNull();
  });
  it("Calmar: annualised return over maximum drawdown", () => {
    expect(calmarRatio({ dates: ["d1", "d2", "d3"], values: Float64Array.of(0.1, -0.1, 0.2) }, { frequency: 3 })).toBeCloseTo(0.188 / 0.1, 12);
    expect(calmarRatio({ dates: ["d1"], values: Float64Array.of(0.1) })).toBeNull();
  });
  it("hit rate counts strict wins", () => {
    expect(hitRate([0.02, -0.01, 0.03, 0.0], [0.01, 0.0, 0.01, 0.0])).toBe(0.5);
    expect(() => hitRate([0.1], [])).toThrow(InputError);
  });
  it("period returns compound the days of each month", () => {
    const m = periodReturns({ dates: ["2024-01-30", "2024-01-31", "2024-02-01"], values: Float64Array.of(0.1, 0.1, -0.05) }, "monthly");
    expect(m.dates).toEqual(["2024-01-31", "2024-02-01"]);
    expect(m.values[0]).toBeCloseTo(0.21, 15);
    expect(m.values[1]).toBeCloseTo(-0.05, 15);
  });
  it("rolling Sharpe matches sharpeRatio on each window", () => {
    const values = Float64Array.of(0.01, 0.03, 0.02, -0.01, 0.015, 0.0);
    const r = rollingSharpe({ dates: ["a", "b", "c", "d", "e", "f"], values }, { window: 3, riskFreeRate: 0.01 });
    expect(r.dates).toEqual(["c", "d", "e", "f"]);
    r.values.forEach((v, i) => expect(v).toBeCloseTo(sharpeRatio(values.subarray(i, i + 3), { riskFreeRate: 0.01 })!, 10));
  });
});

describe("backtestMetrics", () => {
  const prices = randomPrices(["A", "B", "C"], 504, 8);

  it("reports returns, risk, turnover, costs and the comparison with a benchmark", async () => {
    const result = await runBacktest(prices, equalWeight(), { costs: { commissionBps: 5, spreadBps: 10 } });
    const benchmark = await buyAndHold(prices, "A");
    const m = backtestMetrics(result, { riskFreeRate: 0.01, benchmark });
    expect(m.years).toBeCloseTo(2, 12);
    expect(m.finalValue).toBe(result.equity[503]);
    expect(m.cumulativeReturn).toBeCloseTo(result.equity[503]! / 1e6 - 1, 12);
    expect(m.annualisedReturn).toBeCloseTo(Math.pow(result.equity[503]! / 1e6, 0.5) - 1, 12);
    expect(m.sharpe).toBeCloseTo(sharpeRatio(result.returns, { riskFreeRate: 0.01 })!, 12);
    expect(m.rebalances).toBe(24);
    expect(m.turnover).toBeCloseTo(result.rebalances.slice(1).reduce((s, r) => s + r.turnover, 0) / 2, 12);
    expect(m.costs).toBeCloseTo(result.trades.reduce((s, t) => s + t.cost, 0), 6);
    expect(m.costShareOfProfit === null || (m.costShareOfProfit > 0 && m.costShareOfProfit < 1)).toBe(true);
    expect(m.hitRate).toBeGreaterThanOrEqual(0);
    expect(m.excessReturn).toBeCloseTo(m.annualisedReturn - annualisedReturn(benchmark.returns), 12);
    expect(m.riskFreeRate).toBe(0.01);
  });

  it("of the benchmark itself: no excess, no costs, a hit rate of 0", async () => {
    const benchmark = await buyAndHold(prices, "B");
    const m = backtestMetrics(benchmark, { benchmark });
    expect(m.excessReturn).toBe(0);
    expect(m.hitRate).toBe(0);
    expect(m.costs).toBe(0);
    expect(m.costShareOfProfit === null || m.costShareOfProfit === 0).toBe(true);
  });

  it("refuses a benchmark over other dates", async () => {
    const result = await runBacktest(prices, equalWeight());
    const short = await buyAndHold(prices, "A", { start: prices.dates[100] });
    expect(() => backtestMetrics(result, { benchmark: short })).toThrow(/no return on/);
  });
});

describe("runBacktests and buyAndHold", () => {
  const prices = randomPrices(["A", "B"], 120, 4);
  it("runs strategies side by side on the same dates", async () => {
    const results = await runBacktests(prices, [equalWeight(), { strategy: fixedWeights({ A: 1 }), rebalance: neverRebalance(), label: "A held" }]);
    expect(results.map((r) => r.strategy)).toEqual(["equal weight", "A held"]);
    expect(results[0]!.dates).toEqual(results[1]!.dates);
    const held = await buyAndHold(prices, "A");
    held.equity.forEach((v, i) => expect(v / (1e6 * (prices.values[2 * i]! / prices.values[0]!)) - 1).toBeCloseTo(0, 12));
    expect(held.returns[5]).toBeCloseTo(prices.values[10]! / prices.values[8]! - 1, 12);
  });
  it("refuses two runs of one name and an unknown benchmark", async () => {
    await expect(runBacktests(prices, [equalWeight(), equalWeight()])).rejects.toThrow(/two runs are named "equal weight"/);
    await expect(buyAndHold(prices, "Z")).rejects.toThrow(InputError);
  });
});

describe("metricsByRegime", () => {
  const prices = randomPrices(["A"], 10, 2);
  it("splits the days by label and reports each", async () => {
    const result = await runBacktest(prices, fixedWeights({ A: 1 }), { fractionalShares: true, rebalance: neverRebalance() });
    const spans = [
      { start: prices.dates[0]!, end: prices.dates[3]!, kind: "calm" },
      { start: prices.dates[4]!, end: prices.dates[5]!, kind: "crisis" },
      { start: prices.dates[6]!, end: prices.dates[9]!, kind: "calm" },
    ];
    const rows = metricsByRegime(result, spans, { benchmark: result });
    expect(rows.map((r) => [r.regime, r.days, r.spans])).toEqual([["calm", 8, 2], ["crisis", 2, 1]]);
    const crisis = rows[1]!;
    expect(crisis.cumulativeReturn).toBeCloseTo((1 + result.returns[4]!) * (1 + result.returns[5]!) - 1, 12);
    expect(crisis.benchmarkReturn).toBeCloseTo(crisis.annualisedReturn, 12); // the benchmark is the strategy itself here
    expect(crisis.annualisedReturn).toBeCloseTo(Math.pow(1 + crisis.cumulativeReturn, 252 / 2) - 1, 12);
    expect(rows[0]!.share).toBe(0.8);
  });
  it("labels uncovered days and refuses a reversed span", async () => {
    const result = await runBacktest(prices, equalWeight());
    expect(metricsByRegime(result, [{ start: prices.dates[2]!, end: prices.dates[3]!, kind: "x" }]).map((r) => r.regime)).toEqual(["unlabelled", "x"]);
    expect(() => metricsByRegime(result, [{ start: "2024-02-01", end: "2024-01-01", kind: "x" }])).toThrow(InputError);
  });
});
