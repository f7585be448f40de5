/**
 * Where a sweep's results go: one folder with a DuckDB summary (one row per job, keyed by the job's hash) and
 * each job's detail as Parquet (equity curve, weights, trades), written in batches: one file per kind per flush,
 * each row tagged with its job and batch; the summary row names the batch that holds its job's detail.
 */
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { canonicalJson } from "../backtest/index";
import { DataError, InputError } from "../core/index";
import { WorkbookDatabase } from "../data/index";
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

/** A summary or staged value: text, a number (`null` for NaN and infinities when written), or `null`. */
type Value = string | number | null;

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
  readonly values: Value[];
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
    private readonly db: WorkbookDatabase,
  ) {}

  /**
   * Opens (creating) the results folder's summary database (the data layer's `WorkbookDatabase`, SQL from its
   * `sweep-*.sql` files) and reads which jobs are done.
   *
   * @throws InputError RESULTS_NOT_WRITABLE; DataError SUMMARY_OPEN_FAILED naming the file (e.g. another sweep has it
   *   open), SUMMARY_SCHEMA when its table was written by another version of the library.
   * @example
   * ```ts
   * const store = await SweepStore.open("build/sweeps/demo");
   * store.done.size; // => the jobs a previous run finished
   * ```
   */
  static async open(folder: string): Promise<SweepStore> {
    const path = checkResultsFolder(folder);
    const file = join(path, SUMMARY_FILE);
    let db: WorkbookDatabase;
    try {
      db = await WorkbookDatabase.open(file);
    } catch (e) {
      throw new DataError("SUMMARY_OPEN_FAILED", `sweep: cannot open the summary ${file}: ${message(e)}; if another sweep or a notebook has it open, wait for it or close it, or use another results folder`, { file }, { cause: e });
    }
    try {
      await db.run("sweep-schema.sql");
      const columns = (await db.query<{ column_name: string }>("sweep-jobs-columns.sql")).map((r) => r.column_name);
      if (columns.join(",") !== SUMMARY_COLUMNS.map(([n]) => n).join(",")) {
        throw new DataError("SUMMARY_SCHEMA", `sweep: ${file} holds a sweep_jobs table of another layout (an older version of the library); use a new results folder, or move this one away`, { file });
      }
      await db.run("sweep-staging.sql");
      const store = new SweepStore(path, db);
      for (const { job } of await db.query<{ job: string }>("sweep-jobs-done.sql")) store.#done.add(String(job));
      return store;
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** Ids of the jobs done (recorded or staged). */
  get done(): ReadonlySet<string> {
    return this.#done;
  }

  #row(job: QueuedJob, status: string, attempts: number, error: string | null, outcome: JobOutcome | null): Value[] {
    const s = job.spec;
    const b = s.kind === "backtest" ? s : null;
    const byName: Record<string, Value> = {
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
    const db = this.db;
    const withDetail = rows.filter((r) => r.detail !== null);
    if (withDetail.length > 0) {
      // A new batch name per flush: a job written again after a crash (detail written, summary not) leaves an
      // orphan in an older batch, which no summary row names.
      const batch = `${new Date().toISOString().replace(/[-:.]/g, "").slice(0, 15)}-${process.pid}-${++this.#batches}`;
      const column = SUMMARY_COLUMNS.findIndex(([n]) => n === "detail_batch");
      for (const r of withDetail) r.values[column] = batch;
      const details = stagedDetails(withDetail.map((r) => [String(r.values[0]), r.detail!] as const), batch);
      await db.append("staged_equity", EQUITY_TYPES, details.equity);
      await db.append("staged_weights", WEIGHT_TYPES, details.weights);
      await db.append("staged_trades", TRADE_TYPES, details.trades);
      for (const folder of DETAIL_FOLDERS) mkdirSync(join(this.folder, folder), { recursive: true });
      await db.run("sweep-equity-to-parquet.sql", { path: join(this.folder, "equity", `${batch}.parquet`) });
      await db.run("sweep-weights-to-parquet.sql", { path: join(this.folder, "weights", `${batch}.parquet`) });
      await db.run("sweep-trades-to-parquet.sql", { path: join(this.folder, "trades", `${batch}.parquet`) });
      await db.run("sweep-staging-clear-details.sql");
    }
    for (const r of rows) {
      if (r.notebook === null) continue;
      mkdirSync(join(this.folder, "notebooks"), { recursive: true });
      writeFileSync(join(this.folder, "notebooks", `${String(r.values[0])}.ipynb`), r.notebook);
    }
    await db.append(
      "staged_jobs",
      SUMMARY_COLUMNS.map(([, type]) => type),
      SUMMARY_COLUMNS.map(([, type], i) => rows.map((r) => cell(type, r.values[i] ?? null))),
    );
    try {
      await db.transaction(() => db.run("sweep-jobs-insert-staged.sql"));
    } catch (e) {
      throw new DataError("SUMMARY_WRITE_FAILED", `sweep: writing ${rows.length} summary rows to ${join(this.folder, SUMMARY_FILE)} failed: ${message(e)}`, {}, { cause: e });
    } finally {
      await db.run("sweep-staging-clear-jobs.sql");
    }
  }

  /** Flushes and closes the database. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.flush();
    } finally {
      this.#closed = true;
      this.db.close();
    }
  }
}

/** Column types of the staging tables (sweep-staging.sql), in order. */
const EQUITY_TYPES = ["VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "DOUBLE"] as const;
const WEIGHT_TYPES = ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE"] as const;
const TRADE_TYPES = ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE"] as const;

/** A value as its column stores it: text as text, a whole number as such, a number that is not finite as NULL. */
function cell(type: "VARCHAR" | "DOUBLE" | "INTEGER", value: Value): Value {
  if (value === null || value === undefined) return null;
  if (type === "VARCHAR") return String(value);
  return finiteOrNull(Number(value));
}

function finiteOrNull(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/** The staged detail rows of a flush, column by column (the column order of sweep-staging.sql). */
function stagedDetails(jobs: readonly (readonly [string, BacktestDetail])[], batch: string): { equity: Value[][]; weights: Value[][]; trades: Value[][] } {
  const equity: Value[][] = EQUITY_TYPES.map(() => []);
  const weights: Value[][] = WEIGHT_TYPES.map(() => []);
  const trades: Value[][] = TRADE_TYPES.map(() => []);
  const push = (columns: Value[][], row: readonly Value[]) => row.forEach((v, i) => columns[i]!.push(v));
  for (const [job, d] of jobs) {
    const e = d.equity;
    for (let i = 0; i < e.date.length; i++) push(equity, [job, batch, e.date[i]!, finiteOrNull(e.equity[i]), finiteOrNull(e.cash[i]), finiteOrNull(e.return[i])]);
    const w = d.weights;
    for (let i = 0; i < w.date.length; i++) push(weights, [job, batch, w.date[i]!, w.ticker[i]!, finiteOrNull(w.weight[i])]);
    const t = d.trades;
    for (let i = 0; i < t.date.length; i++) {
      push(trades, [job, batch, t.date[i]!, t.ticker[i]!, t.side[i]!, ...[t.shares, t.price, t.notional, t.cost, t.tax].map((col) => finiteOrNull(col[i]))]);
    }
  }
  return { equity, weights, trades };
}

/** Whether a results folder holds a sweep summary. */
export function hasSummary(folder: string): boolean {
  return existsSync(join(resolve(folder), SUMMARY_FILE));
}
