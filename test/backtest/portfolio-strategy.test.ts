import { describe, expect, it } from "vitest";
import { calendarRebalance, maxSharpeStrategy, portfolioStrategy, runBacktest } from "../../src/backtest/index";
import { portfolios } from "../../src/optimise/index";
import { randomPrices } from "./helpers";

describe("portfolioStrategy: the (prior, options) hand-off in the backtester", () => {
  const prices = randomPrices(["A", "B", "C", "D", "E"], 220, 11);
  const options = { rebalance: calendarRebalance("monthly"), costs: { commissionBps: 1, spreadBps: 5 }, fractionalShares: true };

  it("moves code, not numbers: portfolios.maxSharpe on a prior trades exactly as maxSharpeStrategy", async () => {
    const viaPrior = portfolioStrategy({
      name: "max Sharpe",
      lookbackDays: 60,
      optimise: (p) => portfolios.maxSharpe(p, { riskFreeRate: 0.02, bounds: [0, 0.5] }),
    });
    const direct = maxSharpeStrategy({ lookbackDays: 60, riskFreeRate: 0.02, bounds: [0, 0.5] });
    const [a, b] = [await runBacktest(prices, viaPrior, options), await runBacktest(prices, direct, options)];
    expect(a.equity).toEqual(b.equity);
    expect(a.rebalances.length).toBeGreaterThan(3);
  });

  it("takes scenario optimisers, which are asynchronous", async () => {
    const recipe = portfolioStrategy({ name: "min CVaR", lookbackDays: 60, optimise: (p) => portfolios.minCvar(p, { bounds: [0, 0.5] }) });
    const result = await runBacktest(prices, recipe, options);
    for (const r of result.rebalances) {
      const sum = r.target.values.reduce((s, x) => s + x, 0);
      if (sum > 0) expect(sum).toBeCloseTo(1, 9);
    }
  });
});
