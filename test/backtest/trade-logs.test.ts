import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backtestRunsTable, checkTradeLogs, equalWeight, fixedWeights, runBacktests, tradeCostsByRun, writeTradeLogs } from "../../src/backtest/index";
import { InputError } from "../../src/core/errors";
import { sql } from "../../src/data/index";
import { randomPrices } from "./helpers";

let db: sql.WorkbookDatabase;
beforeAll(async () => {
  db = await sql.WorkbookDatabase.open(":memory:");
});
afterAll(() => db.close());

describe("the trade logs of several backtests", () => {
  const prices = randomPrices(["A", "B", "C"], 120, 5);

  it("are written, listed, costed and replayed in one call each", async () => {
    await expect(backtestRunsTable(db)).rejects.toThrow(InputError);
    const results = await runBacktests(prices, [equalWeight(), fixedWeights({ A: 1 }, { name: "all A" })], { costs: { commissionBps: 5, spreadBps: 10 } });
    const logged = await writeTradeLogs(db, results);
    expect(logged.labels).toEqual(["equal weight", "all A"]);
    expect(logged.column("trades").get("all A")).toBe(results[1]!.trades.length);
    const runs = await backtestRunsTable(db);
    expect(runs.labels).toEqual(["equal weight", "all A"]);
    expect(runs.column("trades").get("equal weight")).toBe(results[0]!.trades.length);
    const costs = await tradeCostsByRun(db);
    expect(costs.columns).toContain("cost bps of traded");
    expect(costs.column("commission").get("equal weight")).toBeCloseTo(results[0]!.totals.commission, 6);
    expect(String(costs.toRows()[0]!["run id"]).length).toBe(8);
    const check = await checkTradeLogs(db, results, logged);
    expect(check.toRows().map((r) => r.holdingsMatch)).toEqual([true, true]);
    expect(check.column("replayedCash").get("all A")).toBeCloseTo(check.column("finalCash").get("all A"), 6);
    await expect(checkTradeLogs(db, results.slice(0, 1), logged)).rejects.toThrow(/all A was logged/);
    await expect(writeTradeLogs(db, [])).rejects.toThrow(InputError);
  });
});
