/**
 * Reading a sweep's results back: the summary as a table, and a job's equity curve from its Parquet detail.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DataError, tableOfRows, type Table, type TableValue, type Unit } from "../core/index";
import { WorkbookDatabase } from "../data/index";
import type { SweepReport } from "./run-sweep";
import { SUMMARY_FILE } from "./sweep-store";

/** Where a sweep's results are: a results folder, or the report of `runSweep` (its folder and its jobs only). */
export type SweepResults = string | Pick<SweepReport, "results" | "jobIds">;

function folderOf(results: SweepResults): string {
  return typeof results === "string" ? results : results.results;
}

/** One job's row of the summary, as stored (snake_case columns of `sweep_jobs`). */
export type SummaryRow = Readonly<Record<string, string | number | null>>;

/** Reads the summary of a results folder, opened read-only (a sweep still writing it can be read alongside). */
async function withSummary<T>(folder: string, read: (db: WorkbookDatabase) => Promise<T>): Promise<T> {
  const file = join(resolve(folder), SUMMARY_FILE);
  if (!existsSync(file)) throw new DataError("NO_SWEEP_SUMMARY", `sweep: no summary in ${resolve(folder)} (no ${SUMMARY_FILE}); run the sweep first, with --results ${folder}`, { folder });
  const db = await WorkbookDatabase.open(file, { readOnly: true });
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

function plain(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  return String(v);
}

/**
 * Every row of a sweep's summary table (`sweep_jobs`), ordered by job, as stored; given a sweep's report, only
 * the rows of its jobs (a results folder may hold other sweeps' jobs too).
 *
 * @throws DataError NO_SWEEP_SUMMARY when the folder holds no summary.
 * @example
 * ```ts
 * (await readSummaryRows("build/sweeps/demo"))[0].sharpe; // => e.g. 0.84
 * ```
 */
export async function readSummaryRows(results: SweepResults): Promise<SummaryRow[]> {
  const rows = await withSummary(folderOf(results), async (db) =>
    (await db.query("sweep-jobs-select.sql")).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))),
  );
  if (typeof results === "string") return rows;
  const ids = new Set(results.jobIds);
  return rows.filter((r) => ids.has(String(r.job)));
}

const METRICS: readonly (readonly [string, string, Unit])[] = [
  ["sharpe", "sharpe", "ratio"],
  ["annualised_return", "annualisedReturn", "fraction"],
  ["volatility", "volatility", "fraction"],
  ["max_drawdown", "maxDrawdown", "fraction"],
  ["turnover", "turnover", "fraction"],
  ["costs", "costs", "money"],
  ["final_value", "finalValue", "money"],
  ["trades", "trades", "count"],
];

/**
 * A sweep's summary as a table, one row per job (labelled by its id): status, strategy or notebook, window,
 * each parameter in its own column, rebalancing and costs, then the metrics in their units (Sharpe ratio,
 * annualised return, volatility, maximum drawdown, turnover as fractions; costs and final value as money).
 * Failed jobs carry their error (an `error` column, present when some job failed) and no metrics. Given a sweep's report, only its jobs.
 *
 * @throws DataError NO_SWEEP_SUMMARY when the folder holds no summary.
 * @example
 * ```ts
 * const summary = await readSweepSummary("build/sweeps/demo");
 * summary.column("sharpe").get(summary.labels[0]); // => e.g. 0.84
 * ```
 */
export async function readSweepSummary(results: SweepResults): Promise<Table> {
  const rows = await readSummaryRows(results);
  const parameterNames = [...new Set(rows.flatMap((r) => Object.keys(JSON.parse(String(r.parameters ?? "{}")) as object)))];
  const anyFailed = rows.some((r) => r.status !== "done");
  const units: Record<string, Unit> = { commissionBps: "number", spreadBps: "number" };
  for (const [, name, unit] of METRICS) units[name] = unit;
  const table = rows.map((r) => {
    const parameters = JSON.parse(String(r.parameters ?? "{}")) as Record<string, TableValue>;
    const row: Record<string, TableValue> = {
      job: String(r.job),
      status: r.status,
      target: r.target,
      window: r.window_start === null ? "all" : `${String(r.window_start)} … ${String(r.window_end)}`,
    };
    for (const p of parameterNames) row[p] = parameters[p] ?? null;
    row.rebalance = r.rebalance ?? "";
    row.commissionBps = r.commission_bps;
    row.spreadBps = r.spread_bps;
    for (const [column, name] of METRICS) row[name] = r[column] ?? null;
    if (anyFailed) row.error = r.error ?? "";
    return row;
  });
  return tableOfRows(table, { units, caption: `sweep ${String(rows[0]?.sweep ?? "")}: ${rows.length} jobs, ${rows.filter((r) => r.status === "done").length} done` });
}

/**
 * One job's equity curve from the sweep's Parquet detail: the rows of the job in the batch file its summary row
 * names (`equity/<batch>.parquet`).
 *
 * @returns dates and values at each close (money), in date order.
 * @throws DataError NO_JOB_DETAIL when the job has no equity detail (unknown job, failed, or a notebook run).
 * @example
 * ```ts
 * (await readJobEquity("build/sweeps/demo", summary.labels[0])).equity[0]; // => e.g. 999480.2
 * ```
 */
export async function readJobEquity(results: SweepResults, job: string): Promise<{ dates: string[]; equity: number[] }> {
  const folder = resolve(folderOf(results));
  const row = (await readSummaryRows(folder)).find((r) => r.job === job);
  const batch = row?.detail_batch;
  const file = typeof batch === "string" ? join(folder, "equity", `${batch}.parquet`) : null;
  if (file === null || !existsSync(file)) throw new DataError("NO_JOB_DETAIL", `sweep: job ${job} has no equity curve in ${folder}; pick a done backtest job of the summary`, { job });
  const db = await WorkbookDatabase.open(":memory:");
  try {
    const cols = await db.queryColumns("sweep-job-equity.sql", { file, job });
    return { dates: (cols.date ?? []).map((d) => String(d)), equity: (cols.equity ?? []).map((v) => Number(v)) };
  } finally {
    db.close();
  }
}
