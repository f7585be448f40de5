/**
 * Writing a backtest's trades and its audit record to DuckDB.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { packagePath } from "../core/index";
import type { AppendValue, WorkbookDatabase } from "../data/index";
import type { BacktestResult } from "./backtest-result";
import { canonicalJson } from "./content-hash";

/** Options of {@link writeTradeLog}. */
export interface WriteTradeLogOptions {
  /** The run's id. Default a random UUID (an identifier, not part of any result). */
  readonly runId?: string;
  /** ISO timestamp recorded as `created_at`. Default now. */
  readonly createdAt?: string;
}

let codeVersion: string | undefined;

/** The package version, recorded as the code version of each run. */
function libraryVersion(): string {
  if (codeVersion === undefined) {
    try {
      codeVersion = `allocation-workbook ${(JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version?: string }).version ?? "unknown"}`;
    } catch {
      codeVersion = "allocation-workbook unknown";
    }
  }
  return codeVersion;
}

/**
 * Appends a backtest's trades to the `trades` table in bulk (DuckDB's appender) and then records the run in
 * `backtest_runs` (`backtest-runs-insert.sql`, values bound): strategy, rebalancing rule, the strategy's parameter
 * hash and parameters, signal and model versions, the hash of the price data, the code version, dates, capital,
 * final value and cash, interest, costs, tax, settings, and when. Creates both tables if absent
 * (`backtest-schema.sql`). The run row comes last, so a listed run has all its trades.
 *
 * @param db an open database (a file keeps the log across sessions; `":memory:"` for a notebook).
 * @param result a backtest result; not changed.
 * @param options `{ runId = random UUID, createdAt = now }`.
 * @returns the run id and the number of trades written.
 * @throws DataError APPEND_FAILED / SQL_FAILED (e.g. a run id already recorded).
 * @example
 * ```ts
 * const { runId } = await writeTradeLog(db, result);
 * (await replayTradeLog(db, runId)).cash; // => result.cash.at(-1) (to round-off)
 * ```
 */
export async function writeTradeLog(db: WorkbookDatabase, result: BacktestResult, options: WriteTradeLogOptions = {}): Promise<{ runId: string; trades: number }> {
  const runId = options.runId ?? randomUUID();
  const createdAt = options.createdAt ?? new Date().toISOString();
  await db.run("backtest-schema.sql");
  const trades = result.trades;
  const n = trades.length;
  const columns: AppendValue[][] = Array.from({ length: 14 }, () => new Array<AppendValue>(n));
  for (let i = 0; i < n; i++) {
    const t = trades[i]!;
    columns[0]![i] = runId;
    columns[1]![i] = i + 1;
    columns[2]![i] = t.date;
    columns[3]![i] = t.ticker;
    columns[4]![i] = t.side;
    columns[5]![i] = t.shares;
    columns[6]![i] = t.price;
    columns[7]![i] = t.notional;
    columns[8]![i] = t.commission;
    columns[9]![i] = t.spread;
    columns[10]![i] = t.impact;
    columns[11]![i] = t.cost;
    columns[12]![i] = t.tax;
    columns[13]![i] = t.realisedGain;
  }
  if (n > 0) await db.append("trades", ["VARCHAR", "INTEGER", "DATE", "VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE"], columns);
  const last = result.equity.length - 1;
  await db.run("backtest-runs-insert.sql", {
    run_id: runId,
    strategy: result.strategy,
    rebalance: result.settings.rebalance,
    strategy_version: result.versions.strategy,
    parameters_json: canonicalJson(result.parameters),
    signal_version: result.versions.signal,
    model_version: result.versions.model,
    data_version: result.versions.data,
    code_version: libraryVersion(),
    tickers: result.finalHoldings.labels.length,
    start_date: result.settings.start,
    end_date: result.settings.end,
    initial_capital: result.settings.capital,
    final_value: result.equity[last]!,
    final_cash: result.cash[last]!,
    cash_interest: result.totals.cashInterest,
    total_cost: result.totals.cost,
    total_tax: result.totals.tax,
    trade_count: n,
    settings_json: canonicalJson(result.settings),
    created_at: createdAt,
  });
  return { runId, trades: n };
}
