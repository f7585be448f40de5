import { describe, expect, it } from "vitest";
import {
  backtestMetrics,
  backtestSummary,
  buyAndHold,
  calendarRebalance,
  compareBacktests,
  compareRegimes,
  costsByComponent,
  drawdownCurves,
  equalWeight,
  equityCurves,
  fixedWeights,
  metricsByRegime,
  metricsTable,
  pickBacktest,
  rebalanceTable,
  rollingSharpeCurves,
  runBacktests,
  SCORECARD_UNITS,
} from "../../src/backtest/index";
import { InputError } from "../../src/core/errors";
import { Frame, Table } from "../../src/core/index";
import { drawdowns, rollingSharpe } from "../../src/measures/index";
import { randomPrices } from "./helpers";

const prices = randomPrices(["A", "B", "C"], 300, 11);
const costs = { commissionBps: 5, spreadBps: 10 };
const results = await runBacktests(prices, [equalWeight(), fixedWeights({ A: 0.5, B: 0.5 }, { name: "A and B" })], { costs, rebalance: calendarRebalance("monthly") });
const benchmark = await buyAndHold(prices, "C");
const all = [...results, benchmark];

describe("backtestSummary", () => {
  it("one row per run: rebalances, trades, notes", () => {
    const t = backtestSummary(results);
    expect(t.labels).toEqual(["equal weight", "A and B"]);
    expect(t.column("rebalances").get("equal weight")).toBe(results[0]!.rebalances.length);
    expect(t.column("trades").get("A and B")).toBe(results[1]!.trades.length);
    expect(t.column("seconds").get("A and B")).toBeCloseTo(results[1]!.elapsedMs / 1000, 12);
    expect(() => backtestSummary([])).toThrow(InputError);
  });
});

describe("compareBacktests", () => {
  it("equals backtestMetrics row by row, in the scorecard's units", () => {
    const t = compareBacktests(all, { riskFreeRate: 0.02, benchmark });
    expect(t).toBeInstanceOf(Table);
    expect(t.labels).toEqual(["equal weight", "A and B", "C buy and hold"]);
    expect(t.columns).toEqual(Object.keys(SCORECARD_UNITS));
    const m = backtestMetrics(results[0]!, { riskFreeRate: 0.02, benchmark });
    expect(t.column("sharpe").get("equal weight")).toBe(m.sharpe);
    expect(t.column("turnover").get("equal weight")).toBe(m.turnover);
    expect(t.column("hitRate").get("C buy and hold")).toBe(0);
    expect(t.column("turnover").unit).toBe("fraction");
    expect(t.column("sharpe").unit).toBe("ratio");
    expect(t.caption).toBe(`${m.start} … ${m.end}, risk-free rate 2 %`);
  });
  it("prints a missing figure as a dash and refuses an empty list", () => {
    const t = compareBacktests(results); // no benchmark: no hit rate
    expect(t.toRows()[0]!.hitRate).toBeNull();
    expect(() => compareBacktests([])).toThrow(InputError);
    expect(() => metricsTable([])).toThrow(InputError);
  });
  it("does not change the results", () => {
    const before = results[0]!.equity.slice();
    compareBacktests(all, { benchmark });
    expect(results[0]!.equity).toEqual(before);
  });
});

describe("compareRegimes", () => {
  it("stacks metricsByRegime of every result", () => {
    const spans = [
      { start: prices.dates[0]!, end: prices.dates[149]!, kind: "calm" },
      { start: prices.dates[150]!, end: prices.dates[299]!, kind: "crisis" },
    ];
    const t = compareRegimes(results, spans, { riskFreeRate: 0.01, benchmark });
    expect(t.length).toBe(4);
    const crisis = t.where((r) => r.regime === "crisis").column("annualisedReturn");
    const expected = metricsByRegime(results[1]!, spans, { riskFreeRate: 0.01, benchmark })[1]!;
    expect(crisis.get("A and B")).toBe(expected.annualisedReturn);
    expect(t.caption).toBe("benchmark: C buy and hold's annualised return over the same days");
    expect(() => compareRegimes([], spans)).toThrow(InputError);
  });
});

describe("equity, drawdown and rolling Sharpe curves", () => {
  it("put each result in a column of one frame", () => {
    const equity = equityCurves(all);
    expect(equity).toBeInstanceOf(Frame);
    expect(equity.columns).toEqual(["equal weight", "A and B", "C buy and hold"]);
    expect(equity.unit).toBe("money");
    expect(equity.column("A and B")).toEqual(results[1]!.equity);
    const dd = drawdownCurves(all);
    expect(dd.column("equal weight")).toEqual(drawdowns({ dates: results[0]!.dates, values: results[0]!.returns }).values);
    const rolling = rollingSharpeCurves(all, { window: 63, riskFreeRate: 0.02 });
    const expected = rollingSharpe({ dates: benchmark.dates, values: benchmark.returns }, { window: 63, riskFreeRate: 0.02 });
    expect(rolling.dates).toEqual(expected.dates);
    expect(rolling.column("C buy and hold")).toEqual(expected.values);
  });
  it("refuse results over other dates, twice the same name, or too long a window", async () => {
    const late = await buyAndHold(prices, "C", { start: prices.dates[10] });
    expect(() => equityCurves([results[0]!, late])).toThrow(/same dates/);
    expect(() => equityCurves([results[0]!, results[0]!])).toThrow(/two results are named/);
    expect(() => rollingSharpeCurves(results, { window: 400 })).toThrow(InputError);
  });
});

describe("costs and rebalances", () => {
  it("costsByComponent adds up to each run's total", () => {
    const t = costsByComponent(results);
    const r = results[0]!;
    expect(t.column("commission").get("equal weight")).toBe(r.totals.commission);
    expect(t.column("half-spread").get("equal weight") + t.column("market impact").get("equal weight") + t.column("commission").get("equal weight")).toBeCloseTo(t.column("total").get("equal weight"), 6);
    expect(() => costsByComponent([])).toThrow(InputError);
  });
  it("rebalanceTable has one row per rebalance; pickBacktest finds a run by name", () => {
    const r = pickBacktest(results, "A and B");
    const t = rebalanceTable(r);
    expect(t.labels).toEqual(r.rebalances.map((x) => x.date));
    expect(t.column("cost").values).toEqual(Float64Array.from(r.rebalances, (x) => x.cost));
    expect(t.column("turnover").unit).toBe("fraction");
    expect(() => pickBacktest(results, "nothing")).toThrow(/strategies are equal weight, A and B/);
  });
});
