/**
 * Where a sweep's results go: one folder with a DuckDB summary (one row per job, keyed by the job's hash) and
 * each job's detail as Parquet (equity curve, weights, trades), written in batches: one file per kind per flush,
 * each row tagged with its job and batch; the summary row names the batch that holds its job's detail.
 */
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBConnection, DuckDBInstance, type DuckDBAppender, type DuckDBValue } from "@duckdb/node-api";
import { canonicalJson } from "../backtest/index";
import { DataError, InputError } from "../core/index";
import type { QueuedJob } from "./job-identity";
import type { BacktestDetail, JobOutcome } from "./run-job";

/** The summary database's file name inside a results folder. */
export const SUMMARY_FILE = "summary.duckdb";

/** Folders of the Parquet details inside a results folder (`equity/<batch>.parquet`, …). Executed notebooks go to `notebooks/<job>.ipynb`. */
export const DETAIL_FOLDERS = ["equity", "weights", "trades"] as const;

/** Columns of the `sweep_jobs` summary table, in order, with their DuckDB types. */
export const SUMMARY_COLUMNS: readonly (readonly [string, "VARCHAR" | "DOUBLE" | "INTEGER"])[] = [
  ["job", "VARCHAR"],
  ["sweep", "VARCHAR"],
  ["kind", "VARCHAR"],
  ["status", "VARCHAR"],
  ["attempts", "INTEGER"],
  ["error", "VARCHAR"],
  ["target", "VARCHAR"],
  ["parameters", "VARCHAR"],
  ["rebalance", "VARCHAR"],
  ["commission_bps", "DOUBLE"],
  ["per_share", "DOUBLE"],
  ["spread_bps", "DOUBLE"],
  ["window_start", "VARCHAR"],
  ["window_end", "VARCHAR"],
  ["data_hash", "VARCHAR"],
  ["config", "VARCHAR"],
  ["detail_batch", "VARCHAR"],
  ["final_value", "DOUBLE"],
  ["cumulative_return", "DOUBLE"],
  ["annualised_return", "DOUBLE"],
  ["volatility", "DOUBLE"],
  ["sharpe", "DOUBLE"],
  ["sortino", "DOUBLE"],
  ["max_drawdown", "DOUBLE"],
  ["calmar", "DOUBLE"],
  ["turnover", "DOUBLE"],
  ["rebalances", "INTEGER"],
  ["trades", "INTEGER"],
  ["costs", "DOUBLE"],
  ["seconds", "DOUBLE"],
  ["worker", "VARCHAR"],
  ["finished_at", "VARCHAR"],
];

const METRIC_COLUMNS: Readonly<Record<string, string>> = {
  finalValue: "final_value",
  cumulativeReturn: "cumulative_return",
  annualisedReturn: "annualised_return",
  volatility: "volatility",
  sharpe: "sharpe",
  sortino: "sortino",
  maxDrawdown: "max_drawdown",
  calmar: "calmar",
  turnover: "turnover",
  rebalances: "rebalances",
  trades: "trades",
  costs: "costs",
};

const SCHEMA = `CREATE TABLE IF NOT EXISTS sweep_jobs (${SUMMARY_COLUMNS.map(([n, t]) => `${n} ${t}`).join(", ")}, PRIMARY KEY (job))`;
const STAGING = [
  "CREATE TEMP TABLE IF NOT EXISTS staged_equity (job VARCHAR, batch VARCHAR, date VARCHAR, equity DOUBLE, cash DOUBLE, return DOUBLE)",
  "CREATE TEMP TABLE IF NOT EXISTS staged_weights (job VARCHAR, batch VARCHAR, date VARCHAR, ticker VARCHAR, weight DOUBLE)",
  "CREATE TEMP TABLE IF NOT EXISTS staged_trades (job VARCHAR, batch VARCHAR, date VARCHAR, ticker VARCHAR, side VARCHAR, shares DOUBLE, price DOUBLE, notional DOUBLE, cost DOUBLE, tax DOUBLE)",
];
const STAGED_JOBS = `CREATE TEMP TABLE IF NOT EXISTS staged_jobs (${SUMMARY_COLUMNS.map(([n, t]) => `${n} ${t}`).join(", ")})`;
// The last row of a job wins (a success replaces an earlier failure).
const INSERT = "INSERT OR REPLACE INTO sweep_jobs SELECT * FROM staged_jobs QUALIFY row_number() OVER (PARTITION BY job ORDER BY rowid DESC) = 1";

function sqlText(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Checks that a results folder can be written (creating it if needed), before any job starts.
 *
 * @returns the folder's absolute path.
 * @throws InputError RESULTS_NOT_WRITABLE naming the folder and the system's reason.
 * @example
 * ```ts
 * checkResultsFolder("build/sweeps/min-vol"); // => "/…/build/sweeps/min-vol"
 * ```
 */
export function checkResultsFolder(folder: string): string {
  const path = resolve(folder);
  const probe = join(path, `.write-check-${process.pid}`);
  try {
    mkdirSync(path, { recursive: true });
    writeFileSync(probe, "");
    unlinkSync(probe);
  } catch (e) {
    throw new InputError("RESULTS_NOT_WRITABLE", `sweep: the results folder ${path} is not writable (${message(e)}); pass --results FOLDER with a folder you can write to`, { folder: path });
  }
  return path;
}

interface StagedRow {
  readonly values: DuckDBValue[];
  readonly detail: BacktestDetail | null;
  readonly notebook: string | null;
}

/**
 * The results of a sweep, open for writing by the one process that runs the sweep (DuckDB allows one writer).
 * Outcomes are buffered and written by {@link SweepStore.flush}: details first, then the summary rows, so a
 * summary row always has its detail. A job's row is keyed by its hash: a result arriving twice (a job retried
 * after its worker died, though it had finished) is written once.
 *
 * @example
 * ```ts
 * const store = await SweepStore.open("build/sweeps/demo");
 * store.done.has(job.id); // => false
 * store.add(job, outcome, 1);
 * await store.close();     // flushes
 * ```
 */
export class SweepStore {
  readonly #done = new Set<string>();
  #staged: StagedRow[] = [];
  #writing: Promise<void> = Promise.resolve();
  #batches = 0;
  #closed = false;

  private constructor(
    /** The results folder, absolute. */
    readonly folder: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens (creating) the results folder's summary database and reads which jobs are done.
   *
   * @throws InputError RESULTS_NOT_WRITABLE; DataError SUMMARY_OPEN_FAILED naming the file (e.g. another sweep has it
   *   open), SUMMARY_SCHEMA when its table was written by another version of the library.
   */
  static async open(folder: string): Promise<SweepStore> {
    const path = checkResultsFolder(folder);
    const file = join(path, SUMMARY_FILE);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file);
    } catch (e) {
      throw new DataError("SUMMARY_OPEN_FAILED", `sweep: cannot open the summary ${file}: ${message(e)}; if another sweep or a notebook has it open, wait for it or close it, or use another results folder`, { file }, { cause: e });
    }
    const connection = await instance.connect();
    await connection.run(SCHEMA);
    const columns = (await connection.runAndReadAll("SELECT column_name FROM information_schema.columns WHERE table_name = 'sweep_jobs' ORDER BY ordinal_position")).getRows().map(([n]) => String(n));
    if (columns.join(",") !== SUMMARY_COLUMNS.map(([n]) => n).join(",")) {
      connection.closeSync();
      instance.closeSync();
      throw new DataError("SUMMARY_SCHEMA", `sweep: ${file} holds a sweep_jobs table of another layout (an older version of the library); use a new results folder, or move this one away`, { file });
    }
    for (const s of [...STAGING, STAGED_JOBS]) await connection.run(s);
    const store = new SweepStore(path, instance, connection);
    const done = await connection.runAndReadAll("SELECT job FROM sweep_jobs WHERE status = 'done'");
    for (const [job] of done.getRows()) store.#done.add(String(job));
    return store;
  }

  /** Ids of the jobs done (recorded or staged). */
  get done(): ReadonlySet<string> {
    return this.#done;
  }

  #row(job: QueuedJob, status: string, attempts: number, error: string | null, outcome: JobOutcome | null): DuckDBValue[] {
    const s = job.spec;
    const b = s.kind === "backtest" ? s : null;
    const byName: Record<string, DuckDBValue> = {
      job: job.id,
      sweep: job.sweep,
      kind: s.kind,
      status,
      attempts,
      error,
      target: s.kind === "backtest" ? s.strategy : s.notebook,
      parameters: canonicalJson(s.parameters),
      rebalance: b?.rebalance ?? null,
      commission_bps: b?.costs.commissionBps ?? null,
      per_share: b?.costs.commissionPerShare ?? null,
      spread_bps: b?.costs.spreadBps ?? null,
      window_start: b?.window?.start ?? null,
      window_end: b?.window?.end ?? null,
      data_hash: job.dataHash,
      config: canonicalJson(s),
      detail_batch: null,
      seconds: outcome?.seconds ?? null,
      worker: outcome?.worker ?? null,
      finished_at: new Date().toISOString(),
    };
    for (const [metric, column] of Object.entries(METRIC_COLUMNS)) byName[column] = outcome?.metrics[metric] ?? null;
    return SUMMARY_COLUMNS.map(([n]) => byName[n] ?? null);
  }

  /**
   * Stages a done job's outcome (written at the next flush).
   *
   * @returns `false` when the job was already done (the outcome is dropped: each job is recorded once).
   */
  add(job: QueuedJob, outcome: JobOutcome, attempts: number): boolean {
    if (this.#done.has(job.id)) return false;
    this.#done.add(job.id);
    const detail = outcome.detail.kind === "backtest" ? outcome.detail : null;
    const notebook = outcome.detail.kind === "notebook" ? outcome.detail.notebook : null;
    this.#staged.push({ values: this.#row(job, "done", attempts, null, outcome), detail, notebook });
    return true;
  }

  /** Stages a job that failed every attempt, with its error (replaced by a later success). */
  fail(job: QueuedJob, error: string, attempts: number): void {
    if (this.#done.has(job.id)) return;
    this.#staged.push({ values: this.#row(job, "failed", attempts, error, null), detail: null, notebook: null });
  }

  /** Writes the staged outcomes: Parquet details and executed notebooks, then the summary rows in one transaction. */
  flush(): Promise<void> {
    this.#writing = this.#writing.then(() => this.#write());
    return this.#writing;
  }

  async #write(): Promise<void> {
    const rows = this.#staged;
    this.#staged = [];
    if (rows.length === 0) return;
    const c = this.connection;
    const withDetail = rows.filter((r) => r.detail !== null);
    if (withDetail.length > 0) {
      // A new batch name per flush: a job written again after a crash (detail written, summary not) leaves an
      // orphan in an older batch, which no summary row names.
      const batch = `${new Date().toISOString().replace(/[-:.]/g, "").slice(0, 15)}-${process.pid}-${++this.#batches}`;
      const column = SUMMARY_COLUMNS.findIndex(([n]) => n === "detail_batch");
      for (const r of withDetail) r.values[column] = batch;
      const equity = await c.createAppender("staged_equity");
      const weights = await c.createAppender("staged_weights");
      const trades = await c.createAppender("staged_trades");
      for (const r of withDetail) appendDetail(String(r.values[0]), batch, r.detail!, equity, weights, trades);
      for (const a of [equity, weights, trades]) a.closeSync();
      const copies: [string, string][] = [
        ["equity", "SELECT job, batch, CAST(date AS DATE) AS date, equity, cash, return FROM staged_equity ORDER BY job, date"],
        ["weights", "SELECT job, batch, CAST(date AS DATE) AS date, ticker, weight FROM staged_weights ORDER BY job, date, ticker"],
        ["trades", "SELECT job, batch, CAST(date AS DATE) AS date, ticker, side, shares, price, notional, cost, tax FROM staged_trades ORDER BY job, date"],
      ];
      for (const [folder, select] of copies) {
        mkdirSync(join(this.folder, folder), { recursive: true });
        await c.run(`COPY (${select}) TO ${sqlText(join(this.folder, folder, `${batch}.parquet`))} (FORMAT parquet)`);
      }
      for (const t of ["staged_equity", "staged_weights", "staged_trades"]) await c.run(`DELETE FROM ${t}`);
    }
    for (const r of rows) {
      if (r.notebook === null) continue;
      mkdirSync(join(this.folder, "notebooks"), { recursive: true });
      writeFileSync(join(this.folder, "notebooks", `${String(r.values[0])}.ipynb`), r.notebook);
    }
    const staged = await c.createAppender("staged_jobs");
    for (const r of rows) {
      SUMMARY_COLUMNS.forEach(([, type], i) => appendValue(staged, type, r.values[i] ?? null));
      staged.endRow();
    }
    staged.closeSync();
    await c.run("BEGIN TRANSACTION");
    try {
      await c.run(INSERT);
      await c.run("COMMIT");
    } catch (e) {
      await c.run("ROLLBACK");
      throw new DataError("SUMMARY_WRITE_FAILED", `sweep: writing ${rows.length} summary rows to ${join(this.folder, SUMMARY_FILE)} failed: ${message(e)}`, {}, { cause: e });
    } finally {
      await c.run("DELETE FROM staged_jobs");
    }
  }

  /** Flushes and closes the database. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.flush();
    } finally {
      this.#closed = true;
      this.connection.closeSync();
      this.instance.closeSync();
    }
  }
}

function appendValue(a: DuckDBAppender, type: "VARCHAR" | "DOUBLE" | "INTEGER", value: DuckDBValue): void {
  if (value === null || value === undefined) a.appendNull();
  else if (type === "VARCHAR") a.appendVarchar(String(value));
  else if (type === "INTEGER") a.appendInteger(Number(value));
  else number(a, Number(value));
}

function number(a: DuckDBAppender, x: number | null): void {
  if (x === null || !Number.isFinite(x)) a.appendNull();
  else a.appendDouble(x);
}

function appendDetail(job: string, batch: string, d: BacktestDetail, equity: DuckDBAppender, weights: DuckDBAppender, trades: DuckDBAppender): void {
  const e = d.equity;
  for (let i = 0; i < e.date.length; i++) {
    equity.appendVarchar(job);
    equity.appendVarchar(batch);
    equity.appendVarchar(e.date[i]!);
    number(equity, e.equity[i]!);
    number(equity, e.cash[i]!);
    number(equity, e.return[i] ?? null);
    equity.endRow();
  }
  const w = d.weights;
  for (let i = 0; i < w.date.length; i++) {
    weights.appendVarchar(job);
    weights.appendVarchar(batch);
    weights.appendVarchar(w.date[i]!);
    weights.appendVarchar(w.ticker[i]!);
    number(weights, w.weight[i]!);
    weights.endRow();
  }
  const t = d.trades;
  for (let i = 0; i < t.date.length; i++) {
    trades.appendVarchar(job);
    trades.appendVarchar(batch);
    trades.appendVarchar(t.date[i]!);
    trades.appendVarchar(t.ticker[i]!);
    trades.appendVarchar(t.side[i]!);
    for (const col of [t.shares, t.price, t.notional, t.cost, t.tax]) number(trades, col[i]!);
    trades.endRow();
  }
}

/** Whether a results folder holds a sweep summary. */
export function hasSummary(folder: string): boolean {
  return existsSync(join(resolve(folder), SUMMARY_FILE));
}
