/**
 * The sweep layer: many runs of a backtest or a notebook — grids of parameters, windows and costs — on a local
 * pool of worker processes or on a BullMQ queue in Redis shared by workers on any number of machines.
 *
 * - the spec: `SweepSpec` (a `GRID.json`), `readSweepFile`, `expandGrid` (cartesian product; every strategy,
 *   notebook and parameter checked before any job starts), `SWEEP_STRATEGIES`;
 * - identity: `jobId` = hash of the job's configuration and of the data it reads; a re-run skips done jobs;
 * - running: `runSweep` (the whole thing), `runOnLocalPool`, `runOnQueue`, `startQueueWorker`, `runJob`;
 * - results: a folder with `summary.duckdb` (table `sweep_jobs`, one row per job keyed by its id) and Parquet
 *   details `equity/`, `weights/`, `trades/` (one file per batch, rows tagged by job and batch; the summary's
 *   `detail_batch` names each job's batch); `readSweepSummary`,
 *   `readSummaryRows`, `readJobEquity`;
 * - looking: `parameterHeatmap`, `windowSpread`, `windowSpreadChart`, `bestAndWorst`, `equityCurvesChart`.
 *
 * @example
 * ```ts
 * import { sweep } from "allocation-workbook";
 * const report = await sweep.runSweep("grid.json", { results: "build/sweeps/grid", workers: 2, progress: console.log });
 * const summary = await sweep.readSweepSummary(report.results);
 * sweep.parameterHeatmap(summary, "lookbackDays", "maxWeight", "sharpe");
 * ```
 */
export { readSweepFile, checkSweepShape, type SweepSpec, type SweepDataSpec, type SweepWindow, type SweepWindows, type SweepCosts, type BacktestGrid, type NotebookGrid, type JobSpec, type BacktestJobSpec, type NotebookJobSpec, type JobEntry, type ParameterValue } from "./sweep-spec";
export { SWEEP_STRATEGIES, checkStrategy, strategyOf, rebalanceOf } from "./sweep-strategies";
export { expandGrid, resolveWindows, checkNotebook, type ExpandGridOptions } from "./expand-grid";
export { jobId, notebookHash, type QueuedJob } from "./job-identity";
export { encodePrices, decodePrices, loadSweepPrices, type EncodedPrices } from "./sweep-data";
export { runJob, workerName, BACKTEST_METRICS, type JobOutcome, type JobMetrics, type BacktestDetail, type NotebookDetail } from "./run-job";
export { errorMessage, type PoolRequest, type PoolReply } from "./pool-messages";
export { runOnLocalPool, defaultWorkers, type JobHandlers, type LocalPoolOptions } from "./local-pool";
export { parseQueueUrl, redisOptions, checkQueue, DEFAULT_QUEUE_NAME, DEFAULT_CONNECT_TIMEOUT_SECONDS, type QueueAddress, type QueueConnectionOptions } from "./queue-connection";
export { runOnQueue, queueJobId, dataKey, DATA_TTL_SECONDS, type QueueSweepOptions } from "./queue-sweep";
export { startQueueWorker, type QueueWorkerOptions, type QueueWorkerHandle } from "./queue-worker";
export { SweepStore, checkResultsFolder, hasSummary, SUMMARY_FILE, SUMMARY_COLUMNS, DETAIL_FOLDERS } from "./sweep-store";
export { SweepProgress, progressLine, type SweepCounts } from "./sweep-progress";
export { runSweep, type RunSweepOptions, type SweepReport } from "./run-sweep";
export { readSweepSummary, readSummaryRows, readJobEquity, type SummaryRow, type SweepResults } from "./read-sweep";
export { parameterHeatmap, windowSpread, windowSpreadChart, bestAndWorst, equityCurvesChart } from "./sweep-charts";
export { sweepReportTable } from "./sweep-report-table";
