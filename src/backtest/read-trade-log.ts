/**
 * Reading backtests back from DuckDB: runs, trades, and a replay of the trades into holdings and cash.
 */
import type { LabelledVector } from "../core/index";
import { InputError } from "../core/index";
import type { WorkbookDatabase } from "../data/index";
import type { Trade } from "./backtest-result";

/**
 * One recorded run (`backtest_runs`), as written by `writeTradeLog`.
 *
 * @example
 * ```ts
 * const run: BacktestRunRecord = { runId: "9f1c…", strategy: "min volatility", rebalance: "monthly", strategyVersion: "3be0…",
 *   parametersJson: "{…}", signalVersion: null, modelVersion: null, dataVersion: "a41d…", codeVersion: "allocation-workbook 0.1.0",
 *   tickers: 43, startDate: "2007-01-02", endDate: "2025-12-31", initialCapital: 1e6, finalValue: 2.3e6, finalCash: 812.4,
 *   cashInterest: 0, totalCost: 9120.5, totalTax: 0, tradeCount: 5120, settingsJson: "{…}", createdAt: "2026-01-05T10:00:00.000Z" };
 * ```
 */
export interface BacktestRunRecord {
  readonly runId: string;
  readonly strategy: string;
  readonly rebalance: string;
  readonly strategyVersion: string;
  readonly parametersJson: string;
  readonly signalVersion: string | null;
  readonly modelVersion: string | null;
  readonly dataVersion: string;
  readonly codeVersion: string;
  readonly tickers: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly initialCapital: number;
  readonly finalValue: number;
  readonly finalCash: number;
  readonly cashInterest: number;
  readonly totalCost: number;
  readonly totalTax: number;
  readonly tradeCount: number;
  readonly settingsJson: string;
  readonly createdAt: string;
}

/**
 * The recorded runs (`backtest-runs-select.sql`), oldest first, or the one with `runId`.
 *
 * @example
 * ```ts
 * (await readBacktestRuns(db)).map((r) => [r.strategy, r.dataVersion]);
 * ```
 */
export async function readBacktestRuns(db: WorkbookDatabase, runId?: string): Promise<BacktestRunRecord[]> {
  await db.run("backtest-schema.sql");
  const rows = await db.query<Record<string, string | number | null>>("backtest-runs-select.sql", { run_id: runId ?? null });
  return rows.map((r) => ({
    runId: r.run_id as string,
    strategy: r.strategy as string,
    rebalance: r.rebalance as string,
    strategyVersion: r.strategy_version as string,
    parametersJson: r.parameters_json as string,
    signalVersion: r.signal_version as string | null,
    modelVersion: r.model_version as string | null,
    dataVersion: r.data_version as string,
    codeVersion: r.code_version as string,
    tickers: Number(r.tickers),
    startDate: r.start_date as string,
    endDate: r.end_date as string,
    initialCapital: Number(r.initial_capital),
    finalValue: Number(r.final_value),
    finalCash: Number(r.final_cash),
    cashInterest: Number(r.cash_interest),
    totalCost: Number(r.total_cost),
    totalTax: Number(r.total_tax),
    tradeCount: Number(r.trade_count),
    settingsJson: r.settings_json as string,
    createdAt: r.created_at as string,
  }));
}

/**
 * The trades of one run (`trades-select.sql`) in execution order.
 *
 * @throws InputError UNKNOWN_RUN when no run has this id.
 * @example
 * ```ts
 * (await readTrades(db, runId))[0]; // => { date: "2007-01-02", ticker: "AERX", side: "buy", shares: 4082, … }
 * ```
 */
export async function readTrades(db: WorkbookDatabase, runId: string): Promise<Trade[]> {
  await checkRun(db, runId, "readTrades");
  const rows = await db.query<Record<string, string | number | null>>("trades-select.sql", { run_id: runId });
  return rows.map((r) => ({
    date: r.date as string,
    ticker: r.ticker as string,
    side: r.side as "buy" | "sell",
    shares: Number(r.shares),
    price: Number(r.price),
    notional: Number(r.notional),
    commission: Number(r.commission),
    spread: Number(r.spread),
    impact: Number(r.impact),
    cost: Number(r.cost),
    tax: Number(r.tax),
    realisedGain: r.realised_gain === null ? null : Number(r.realised_gain),
  }));
}

async function checkRun(db: WorkbookDatabase, runId: string, caller: string): Promise<void> {
  if ((await readBacktestRuns(db, runId)).length === 0) {
    throw new InputError("UNKNOWN_RUN", `${caller}: no backtest run ${JSON.stringify(runId)} in ${db.path}; list them with readBacktestRuns(db)`, { runId });
  }
}

/**
 * Replays a run's trade log in SQL (`trades-replay-holdings.sql`, `trades-replay-cash.sql`): the shares held at
 * the end (bought − sold, per ticker) and the cash (capital + interest − purchases and their costs + sales net of
 * costs and tax). They equal the backtest's final holdings and cash when the log is complete.
 *
 * @returns `{ holdings }` labelled by ticker (alphabetical, non-zero positions), `cash`, and `recordedCash` (the run's own final cash).
 * @throws InputError UNKNOWN_RUN.
 * @example
 * ```ts
 * const replay = await replayTradeLog(db, runId);
 * Math.abs(replay.cash - replay.recordedCash) < 1e-6; // => true
 * ```
 */
export async function replayTradeLog(db: WorkbookDatabase, runId: string): Promise<{ holdings: LabelledVector; cash: number; recordedCash: number }> {
  await checkRun(db, runId, "replayTradeLog");
  const holdings = await db.query<{ ticker: string; shares: number }>("trades-replay-holdings.sql", { run_id: runId });
  const [cash] = await db.query<{ cash: number; recorded_cash: number }>("trades-replay-cash.sql", { run_id: runId });
  return {
    holdings: { labels: holdings.map((h) => h.ticker), values: Float64Array.from(holdings, (h) => Number(h.shares)) },
    cash: Number(cash!.cash),
    recordedCash: Number(cash!.recorded_cash),
  };
}
