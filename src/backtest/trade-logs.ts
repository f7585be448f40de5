/**
 * The trade logs of several backtests: written in one call, listed, costed in SQL, and checked by replaying them.
 */
import { InputError, tableOfRows, type Table } from "../core/index";
import type { WorkbookDatabase } from "../data/index";
import type { BacktestResult } from "./backtest-result";
import { readBacktestRuns, replayTradeLog } from "./read-trade-log";
import { writeTradeLog } from "./write-trade-log";

/**
 * Writes each backtest's trades and audit record ({@link writeTradeLog}), one after the other.
 *
 * @param db an open database; the tables are created if absent.
 * @param results backtest results; not changed.
 * @returns one row per strategy: the run id (text) and the trades written (count).
 * @throws InputError EMPTY_TABLE for no results; DataError as {@link writeTradeLog}.
 * @example
 * ```ts
 * const logged = await writeTradeLogs(db, results);
 * logged.column("trades").sum(); // every order of every run
 * ```
 */
export async function writeTradeLogs(db: WorkbookDatabase, results: readonly BacktestResult[]): Promise<Table> {
  if (results.length === 0) throw new InputError("EMPTY_TABLE", "writeTradeLogs: no backtest results to log");
  const rows: { strategy: string; runId: string; trades: number }[] = [];
  for (const r of results) rows.push({ strategy: r.strategy, ...(await writeTradeLog(db, r)) });
  return tableOfRows(rows, { units: { runId: "text", trades: "count" } });
}

/**
 * The runs recorded in `backtest_runs` ({@link readBacktestRuns}), oldest first: strategy, rebalancing rule, the
 * versions each result can be traced to (strategy parameters, signal, price data) and the trades logged.
 *
 * @example
 * ```ts
 * await backtestRunsTable(db); // strategy, rebalance, strategy version, signal version, data version, trades
 * ```
 */
export async function backtestRunsTable(db: WorkbookDatabase): Promise<Table> {
  const runs = await readBacktestRuns(db);
  if (runs.length === 0) throw new InputError("EMPTY_TABLE", "backtestRunsTable: no run is recorded; write one with writeTradeLog");
  const rows = runs.map((r) => ({ strategy: r.strategy, rebalance: r.rebalance, strategyVersion: r.strategyVersion, signalVersion: r.signalVersion, dataVersion: r.dataVersion, trades: r.tradeCount }));
  return tableOfRows(rows, { units: { rebalance: "text", strategyVersion: "text", signalVersion: "text", dataVersion: "text", trades: "count" } });
}

/**
 * What trading cost each recorded run, computed in SQL from the log (`trades-costs-by-run.sql`): orders, money
 * traded, commission, spread, impact and tax (money), costs in basis points of the money traded, and the run id's
 * first 8 characters. Most expensive first.
 *
 * @example
 * ```ts
 * await tradeCostsByRun(db); // one row per run
 * ```
 */
export async function tradeCostsByRun(db: WorkbookDatabase): Promise<Table> {
  const rows = await db.query<Record<string, string | number | boolean | null>>("trades-costs-by-run.sql");
  if (rows.length === 0) throw new InputError("EMPTY_TABLE", "tradeCostsByRun: no run is recorded; write one with writeTradeLog");
  // Headers in words: the SQL's snake_case names with spaces; the run id shortened to its first 8 characters.
  const shown = rows.map((r) => Object.fromEntries(Object.entries({ ...r, run_id: String(r.run_id).slice(0, 8) }).map(([k, v]) => [k.replaceAll("_", " "), v])));
  const money = "money" as const;
  return tableOfRows(shown, {
    units: { rebalance: "text", orders: "count", traded: money, commission: money, spread: money, impact: money, tax: money, "cost bps of traded": "ratio", "run id": "text" },
  });
}

/**
 * Checks each logged run against its backtest: replays its trades in SQL ({@link replayTradeLog}) and compares the
 * holdings (every non-zero position, to 1e-6 shares) and the cash with those the backtest ended with.
 *
 * @param db the database the runs were written to.
 * @param results the backtest results that were logged; not changed.
 * @param logged the table {@link writeTradeLogs} returned (strategy → run id).
 * @returns one row per logged run: trades, whether the holdings match, the replayed and the final cash (money).
 * @throws InputError UNKNOWN_STRATEGY when a logged strategy has no result.
 * @example
 * ```ts
 * await checkTradeLogs(db, results, logged); // holdings match: true, replayed cash = final cash, for every run
 * ```
 */
export async function checkTradeLogs(db: WorkbookDatabase, results: readonly BacktestResult[], logged: Table): Promise<Table> {
  const rows: { strategy: string; trades: number; holdingsMatch: boolean; replayedCash: number; finalCash: number }[] = [];
  for (const strategy of logged.labels) {
    const r = results.find((x) => x.strategy === strategy);
    if (r === undefined) throw new InputError("UNKNOWN_STRATEGY", `checkTradeLogs: ${strategy} was logged but has no result here; pass the results that were logged`, { strategy });
    const replay = await replayTradeLog(db, String(logged.at(strategy, "runId")));
    const final = new Map(r.finalHoldings.labels.map((t, j) => [t, r.finalHoldings.values[j] as number]));
    const held = [...final.values()].filter((v) => v !== 0).length;
    const same = replay.holdings.labels.length === held && replay.holdings.labels.every((t, i) => Math.abs((replay.holdings.values[i] as number) - (final.get(t) ?? Number.NaN)) < 1e-6);
    rows.push({ strategy, trades: Number(logged.at(strategy, "trades")), holdingsMatch: same, replayedCash: replay.cash, finalCash: r.cash[r.cash.length - 1] as number });
  }
  return tableOfRows(rows, { units: { trades: "count", replayedCash: "money", finalCash: "money" } });
}
