/**
 * Scheduled monitoring and retraining (`npx workbook monitor`): drift indicators on new prices, the decision to
 * retrain by stated thresholds, the retraining, and the lineage of every run and model version in DuckDB.
 *
 * The settings are loaded eagerly; the monitor itself (DuckDB, the models, the backtest's hashes) only when called,
 * so that `npx workbook run`, which imports this layer, does not load them.
 */
import type { DateTable } from "../../core/index";
import type { WorkbookDatabase } from "../../data/index";
import type { ModelVersionRow, MonitorRunRow } from "./monitor-log";
import type { MonitorSource } from "./monitor-prices";
import type { MonitorReport, MonitorRunOptions } from "./run-monitor";

export { MONITOR_DEFAULTS, MONITOR_EXIT_CODES, monitorSettings, type MonitorSettings } from "./monitor-settings";
export type { ModelVersionRow, MonitorRunRow, MonitorSource, MonitorReport, MonitorRunOptions };

/**
 * One monitor run on prices (see `run-monitor.ts`): indicators, decision, retraining, lineage.
 *
 * @throws InputError for bad settings or too little data; DataError from the database or a model file.
 * @example
 * ```ts
 * (await runMonitor(prices, { database: "build/backtest/trades.duckdb", modelsDir: "build/monitor/models" })).exitCode; // => 10
 * ```
 */
export async function runMonitor(prices: DateTable, options: MonitorRunOptions): Promise<MonitorReport> {
  return (await import("./run-monitor")).runMonitor(prices, options);
}

/**
 * The monitor's prices from a file (CSV or Parquet), the embedded market or Yahoo (see `monitor-prices.ts`).
 *
 * @throws InputError MISSING_FILE; DataError for a malformed file.
 * @example
 * ```ts
 * const prices = await loadMonitorPrices({ kind: "file", path: "data/prices.csv" });
 * ```
 */
export async function loadMonitorPrices(source: MonitorSource, onReject?: (line: string) => void): Promise<DateTable> {
  return (await import("./monitor-prices")).loadMonitorPrices(source, onReject);
}

/**
 * A source's description as recorded with each run.
 *
 * @example
 * ```ts
 * await describeMonitorSource({ kind: "file", path: "p.csv" }); // => "file:p.csv"
 * ```
 */
export async function describeMonitorSource(source: MonitorSource): Promise<string> {
  return (await import("./monitor-prices")).describeMonitorSource(source);
}

/**
 * Every run and model version the monitor recorded in a database.
 *
 * @example
 * ```ts
 * (await readMonitorLog(db)).runs.length; // => 120
 * ```
 */
export async function readMonitorLog(db: WorkbookDatabase): Promise<{ runs: MonitorRunRow[]; models: ModelVersionRow[] }> {
  return (await import("./monitor-log")).readMonitorLog(db);
}
