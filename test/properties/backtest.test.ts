/**
 * Properties of the backtester on generated markets, strategies, rebalancing rules and costs (fixed seeds): the
 * holdings and the cash reproduce from the trade log (in TypeScript, and in SQL through DuckDB's trade log); with
 * no costs and no rebalancing a portfolio is exactly buy and hold; cash never goes negative unless leverage is allowed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarRebalance, driftRebalance, equalWeight, fixedWeights, neverRebalance, replayTradeLog, runBacktest, writeTradeLog, type BacktestResult } from "../../src/backtest/index";
import type { DateTable } from "../../src/core/frame";
import { WorkbookDatabase } from "../../src/data/sql/index";
import { priceTable } from "./helpers/arbitraries";
import { check, checkClose } from "./helpers/check";

const CAPITAL = 1_000_000;

/** Random weights over some of the tickers (summing to at most 1, the rest in cash). */
function weightsFor(prices: DateTable, seed: number, invested: number): Record<string, number> {
  const raw = prices.tickers.map((_, j) => ((Math.imul(seed + 1, j + 7) >>> 0) % 97) / 97 + 0.05);
  const total = raw.reduce((a, b) => a + b, 0);
  return Object.fromEntries(prices.tickers.map((t, j) => [t, (raw[j]! / total) * invested]));
}

const scenario = fc.record({
  prices: priceTable({ minAssets: 1, maxAssets: 5, minDates: 15, maxDates: 90 }),
  strategy: fc.constantFrom("equal", "fixed", "fixed-partly-cash"),
  rebalance: fc.constantFrom("never", "weekly", "monthly", "drift"),
  commissionBps: fc.constantFrom(0, 1, 10),
  commissionPerShare: fc.constantFrom(0, 0.005),
  spreadBps: fc.constantFrom(0, 5, 30),
  fractionalShares: fc.boolean(),
  cashRate: fc.constantFrom(0, 0.03),
  seed: fc.nat(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario, extra: { allowLeverage?: boolean; capital?: number } = {}): Promise<BacktestResult> {
  const strategy =
    s.strategy === "equal" ? equalWeight() : fixedWeights(weightsFor(s.prices, s.seed, s.strategy === "fixed" ? 1 : 0.7));
  const rebalance = s.rebalance === "never" ? neverRebalance() : s.rebalance === "drift" ? driftRebalance(0.05) : calendarRebalance(s.rebalance);
  return runBacktest(s.prices, strategy, {
    capital: extra.capital ?? CAPITAL,
    rebalance,
    costs: { commissionBps: s.commissionBps, commissionPerShare: s.commissionPerShare, spreadBps: s.spreadBps },
    fractionalShares: s.fractionalShares,
    cashRate: s.cashRate,
    allowLeverage: extra.allowLeverage ?? false,
  });
}

/** Replays the trades: shares per ticker, and the cash the trades, their costs, tax and interest leave. */
function replay(result: BacktestResult, capital: number): { holdings: Map<string, number>; cash: number } {
  const holdings = new Map<string, number>();
  let cash = capital + result.totals.cashInterest;
  for (const t of result.trades) {
    const sign = t.side === "buy" ? 1 : -1;
    holdings.set(t.ticker, (holdings.get(t.ticker) ?? 0) + sign * t.shares);
    cash += -sign * t.notional - t.cost - t.tax;
  }
  return { holdings, cash };
}

describe("the backtester", () => {
  it("holdings, cash and final value reproduce from the trade log (1,000 generated backtests)", async () => {
    let trades = 0;
    let sales = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const result = await run(s);
        trades += result.trades.length;
        sales += result.trades.filter((t) => t.side === "sell").length;
        const { holdings, cash } = replay(result, CAPITAL);
        result.finalHoldings.labels.forEach((ticker, j) => {
          const shares = result.finalHoldings.values[j]!;
          checkClose(holdings.get(ticker) ?? 0, shares, 1e-9 * Math.max(1, Math.abs(shares)), `shares of ${ticker}`);
        });
        const last = result.cash.length - 1;
        checkClose(cash, result.cash[last]!, 1e-6, "final cash");
        let value = result.cash[last]!;
        result.finalHoldings.values.forEach((shares, j) => (value += shares * result.finalPrices.values[j]!));
        checkClose(value, result.equity[last]!, 1e-6 * CAPITAL * 1e-3, "final value");
        for (const t of result.trades) {
          check(t.shares > 0 && Number.isFinite(t.price) && t.price > 0, () => `trade ${JSON.stringify(t)}`);
          checkClose(t.cost, t.commission + t.spread + t.impact, 1e-9, "cost parts");
          if (!s.fractionalShares) check(Number.isInteger(t.shares), () => `fractional shares ${t.shares} traded`);
        }
      }),
      { numRuns: 1_000, seed: 6_060 },
    );
    expect(trades).toBeGreaterThan(5_000); // the cases do trade, and rebalance
    expect(sales).toBeGreaterThan(1_000);
  });

  it("cash never goes negative unless leverage is allowed (1,000 generated backtests, small capital)", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.constantFrom(1_000, 10_000, 1_000_000), async (s, capital) => {
        const result = await run(s, { capital });
        for (let i = 0; i < result.cash.length; i++) {
          check(result.cash[i]! >= -1e-9 * capital, () => `cash ${result.cash[i]} on ${result.dates[i]}`);
          check(Number.isFinite(result.equity[i]!), () => `equity ${result.equity[i]} on ${result.dates[i]}`);
        }
      }),
      { numRuns: 1_000, seed: 6_061 },
    );
  });

  it("with no costs and no rebalancing, a portfolio is exactly buy and hold (1,000 generated markets)", async () => {
    await fc.assert(
      fc.asyncProperty(priceTable({ minAssets: 1, maxAssets: 5, minDates: 5, maxDates: 80, gaps: false }), fc.nat(), fc.constantFrom(1, 0.6), async (prices, seed, invested) => {
        const weights = weightsFor(prices, seed, invested);
        const result = await runBacktest(prices, fixedWeights(weights), { capital: CAPITAL, rebalance: neverRebalance(), fractionalShares: true });
        const m = prices.tickers.length;
        const first = prices.dates.indexOf(result.dates[0]!);
        expect(result.trades).toHaveLength(m);
        result.dates.forEach((date, k) => {
          const i = first + k;
          let value = CAPITAL * (1 - invested);
          prices.tickers.forEach((t, j) => (value += CAPITAL * weights[t]! * (prices.values[i * m + j]! / prices.values[first * m + j]!)));
          checkClose(result.equity[k]!, value, 1e-9 * CAPITAL, `value on ${date}`);
        });
      }),
      { numRuns: 1_000, seed: 6_062 },
    );
  });

  it("the SQL replay of the DuckDB trade log gives the same holdings and cash (30 generated backtests)", async () => {
    const db = await WorkbookDatabase.open();
    try {
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const result = await run(s);
          const { runId } = await writeTradeLog(db, result);
          const replayed = await replayTradeLog(db, runId);
          checkClose(replayed.cash, result.cash[result.cash.length - 1]!, 1e-6, "replayed cash");
          checkClose(replayed.recordedCash, result.cash[result.cash.length - 1]!, 1e-6, "recorded cash");
          result.finalHoldings.labels.forEach((ticker, j) => {
            const k = replayed.holdings.labels.indexOf(ticker);
            checkClose(k < 0 ? 0 : replayed.holdings.values[k]!, result.finalHoldings.values[j]!, 1e-9 * Math.max(1, Math.abs(result.finalHoldings.values[j]!)), `replayed ${ticker}`);
          });
        }),
        { numRuns: 30, seed: 6_063 },
      );
    } finally {
      db.close();
    }
  });
});
