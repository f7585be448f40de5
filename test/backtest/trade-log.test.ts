import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  calendarRebalance,
  driftRebalance,
  equalWeight,
  fifoLots,
  hashParameters,
  hashPriceTable,
  minVolatilityStrategy,
  readBacktestRuns,
  readTrades,
  readVolumes,
  replayTradeLog,
  runBacktest,
  writeTradeLog,
  type BacktestResult,
} from "../../src/backtest/index";
import { generateMarket, sql } from "../../src/data/index";
import { randomPrices } from "./helpers";

let db: sql.WorkbookDatabase;
beforeAll(async () => {
  db = await sql.WorkbookDatabase.open(":memory:");
});
afterAll(() => db.close());

function nonZero(result: BacktestResult): Record<string, number> {
  const out: Record<string, number> = {};
  result.finalHoldings.labels.forEach((t, j) => {
    if (result.finalHoldings.values[j] !== 0) out[t] = result.finalHoldings.values[j]!;
  });
  return out;
}

describe("the trade log in DuckDB", () => {
  const prices = randomPrices(["A", "B", "C", "D"], 300, 17, 0.02);

  it("replaying the trades reproduces the final holdings and cash (whole shares, costs, tax, interest)", async () => {
    const result = await runBacktest(prices, equalWeight(), {
      capital: 250_000,
      costs: { commissionBps: 3, commissionPerShare: 0.005, spreadBps: 8 },
      tax: { rate: 0.25, lots: fifoLots },
      cashRate: 0.03,
      rebalance: driftRebalance(0.03),
    });
    expect(result.trades.some((t) => t.side === "sell" && t.tax > 0)).toBe(true);
    const { runId, trades } = await writeTradeLog(db, result, { createdAt: "2026-01-02T03:04:05.000Z" });
    expect(trades).toBe(result.trades.length);
    const replay = await replayTradeLog(db, runId);
    const replayed = Object.fromEntries(replay.holdings.labels.map((t, i) => [t, replay.holdings.values[i]!]));
    expect(replayed).toEqual(nonZero(result));
    expect(replay.cash).toBeCloseTo(result.cash.at(-1)!, 6);
    expect(replay.recordedCash).toBe(result.cash.at(-1));
  });

  it("fractional shares replay too", async () => {
    const result = await runBacktest(prices, minVolatilityStrategy({ lookbackDays: 60 }), { fractionalShares: true, costs: { commissionBps: 2, spreadBps: 5 } });
    const { runId } = await writeTradeLog(db, result);
    const replay = await replayTradeLog(db, runId);
    const expected = nonZero(result);
    expect(replay.holdings.labels).toEqual(Object.keys(expected).sort());
    replay.holdings.labels.forEach((t, i) => expect(replay.holdings.values[i]! / expected[t]! - 1).toBeCloseTo(0, 9));
    expect(replay.cash).toBeCloseTo(result.cash.at(-1)!, 4);
  });

  it("stores every trade as it was executed", async () => {
    const result = await runBacktest(prices, equalWeight(), { costs: { spreadBps: 10 }, tax: { rate: 0.2, lots: fifoLots }, rebalance: calendarRebalance("monthly") });
    const { runId } = await writeTradeLog(db, result);
    const stored = await readTrades(db, runId);
    expect(stored).toHaveLength(result.trades.length);
    stored.forEach((t, i) => {
      const e = result.trades[i]!;
      expect([t.date, t.ticker, t.side, t.shares, t.price, t.notional, t.cost, t.tax]).toEqual([e.date, e.ticker, e.side, e.shares, e.price, e.notional, e.cost, e.tax]);
      expect(t.realisedGain).toBe(e.realisedGain);
    });
  });

  it("records the run so the result can be traced to its inputs", async () => {
    const result = await runBacktest(prices, equalWeight(), { costs: { commissionBps: 1 } });
    const { runId } = await writeTradeLog(db, result, { runId: "run-traced", createdAt: "2026-02-03T04:05:06.000Z" });
    const [run] = await readBacktestRuns(db, runId);
    expect(run).toMatchObject({
      runId: "run-traced",
      strategy: "equal weight",
      rebalance: "monthly",
      strategyVersion: hashParameters({ name: "equal weight", parameters: { universe: "all" } }),
      dataVersion: hashPriceTable(prices),
      tickers: 4,
      startDate: prices.dates[0],
      endDate: prices.dates[299],
      initialCapital: 1_000_000,
      finalValue: result.equity.at(-1),
      tradeCount: result.trades.length,
      createdAt: "2026-02-03T04:05:06.000Z",
      signalVersion: null,
    });
    expect(run!.codeVersion).toMatch(/^allocation-workbook \d+\.\d+\.\d+/);
    expect(JSON.parse(run!.settingsJson).costs.commissionBps).toBe(1);
    await expect(writeTradeLog(db, result, { runId: "run-traced" })).rejects.toThrow(/SQL_FAILED|failed/);
    await expect(readTrades(db, "no-such-run")).rejects.toThrow(/no backtest run "no-such-run"/);
  });

  it("changes the data version when a price changes", () => {
    const changed = { ...prices, values: Float64Array.from(prices.values) };
    changed.values[10] = changed.values[10]! * 1.0001;
    expect(hashPriceTable(changed)).not.toBe(hashPriceTable(prices));
  });
});

describe("readVolumes", () => {
  it("aligns the canonical volumes with a price table", async () => {
    const market = generateMarket({ seed: 3, years: 1, equityCount: 3 });
    const local = await sql.WorkbookDatabase.open(":memory:");
    try {
      await sql.buildCanonicalData(local, { prices: market.rawPrices });
      const prices = await sql.readPrices(local, { tickers: ["MKTIDX", "LTBX"] });
      const volumes = await readVolumes(local, prices);
      expect(volumes.dates).toEqual(prices.dates);
      expect(volumes.tickers).toEqual(["MKTIDX", "LTBX"]);
      const observed = Array.from(volumes.values).filter((v) => Number.isFinite(v));
      expect(observed.length).toBeGreaterThan(0.9 * volumes.values.length);
      expect(observed.every((v) => v >= 0)).toBe(true);
    } finally {
      local.close();
    }
  });
});
