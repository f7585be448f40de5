import { describe, expect, it } from "vitest";
import { calendarRebalance, compareRebalancing, costAwareStrategy, costBlindStrategy, multiPeriodStrategy, rebalanceCostsOf, runBacktest } from "../../src/backtest/index";
import { randomPrices } from "./helpers";

describe("cost-aware strategies in the backtester", () => {
  const prices = randomPrices(["A", "B", "C", "D", "E"], 260, 7);
  const options = { rebalance: calendarRebalance("monthly"), costs: { commissionBps: 5, spreadBps: 30 }, fractionalShares: true };
  const common = { riskAversion: 4, lookbackDays: 60, bounds: [0, 0.5] as const };

  it("with no costs seen, trades as the cost-blind maximum-utility strategy", async () => {
    const aware = await runBacktest(prices, costAwareStrategy({ ...common }), options);
    const blind = await runBacktest(prices, costBlindStrategy({ ...common }), options);
    expect(aware.rebalances.length).toBeGreaterThan(5);
    aware.equity.forEach((v, i) => expect(v / blind.equity[i]! - 1).toBeLessThan(1e-6));
    aware.equity.forEach((v, i) => expect(blind.equity[i]! / v - 1).toBeLessThan(1e-6));
  });

  it("with prohibitive costs seen, holds what it bought on the first day (investing only the cash left)", async () => {
    const result = await runBacktest(prices, costAwareStrategy({ ...common, bounds: [0, 1], costs: { spreadBps: 100_000 } }), options);
    const first = result.dates[0];
    const later = result.trades.filter((t) => t.date !== first);
    const traded = later.reduce((s, t) => s + Math.abs(t.notional), 0);
    expect(result.rebalances.length).toBeGreaterThan(5);
    expect(later.every((t) => t.side === "buy")).toBe(true);
    expect(traded).toBeLessThan(0.01 * result.equity[0]!);
  });

  it("seeing the costs it is charged, it trades less and pays less than the cost-blind strategy", async () => {
    const cmp = await compareRebalancing(prices, { ...common, costs: { ...rebalanceCostsOf(options.costs), impact: 0.5 }, tradeAversion: 12, horizon: 2, backtest: options });
    expect(cmp.equity.tickers).toEqual(["cost-blind", "cost-aware", "multi-period (2 steps)"]);
    const [blind, aware, multi] = cmp.results;
    expect(aware!.totals.traded).toBeLessThan(blind!.totals.traded);
    expect(aware!.totals.cost).toBeLessThan(blind!.totals.cost);
    expect(multi!.totals.cost).toBeLessThan(blind!.totals.cost);
    expect(cmp.scorecard.labels).toEqual(["cost-blind", "cost-aware", "multi-period (2 steps)"]);
    expect(cmp.costs.column("total").get("cost-aware")).toBeCloseTo(aware!.totals.cost + aware!.totals.tax, 9);
  });

  it("the multi-period strategy with one step per year trades as the single-period one", async () => {
    const costs = { commissionBps: 5, spreadBps: 30, impact: 0.2 };
    const one = await runBacktest(prices, multiPeriodStrategy({ ...common, costs, horizon: 1, periodsPerYear: 1 }), options);
    const single = await runBacktest(prices, costAwareStrategy({ ...common, costs }), options);
    one.equity.forEach((v, i) => expect(Math.abs(v / single.equity[i]! - 1)).toBeLessThan(1e-6));
  });
});
