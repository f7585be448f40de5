/**
 * A sweep from spec to results: checks, jobs and their identities, the pool or the queue, the summary.
 */
import { isAbsolute, join, relative } from "node:path";
import { InputError, packagePath, type ProgressUpdate } from "../core/index";
import { expandGrid } from "./expand-grid";
import { jobId, notebookHash, type QueuedJob } from "./job-identity";
import { defaultWorkers, runOnLocalPool, type JobHandlers } from "./local-pool";
import { checkQueue, parseQueueUrl } from "./queue-connection";
import { runOnQueue } from "./queue-sweep";
import { encodePrices, loadSweepPrices, type EncodedPrices } from "./sweep-data";
import { SweepProgress } from "./sweep-progress";
import { checkSweepShape, readSweepFile, type BacktestGrid, type SweepSpec } from "./sweep-spec";
import { checkResultsFolder, SUMMARY_FILE, SweepStore } from "./sweep-store";

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  /** The results folder: `summary.duckdb` and the Parquet details. Required. */
  readonly results: string;
  /** Local worker processes. Default one per core. Ignored with `queue`. */
  readonly workers?: number;
  /** `redis://HOST:PORT`: put the jobs on a BullMQ queue there instead of the local pool. */
  readonly queue?: string;
  /** Name of the BullMQ queue. Default `"workbook-sweep"`. */
  readonly queueName?: string;
  /** Tries after a job's first failure. Default 2. */
  readonly retries?: number;
  /** Folder a relative prices CSV is resolved against. Default the sweep file's folder, else the working folder. */
  readonly baseDir?: string;
  /** Folder of the notebooks. Default the package's `notebooks/`. */
  readonly notebooksDir?: string;
  /** Where progress lines go. Default none. */
  readonly progress?: (line: string) => void;
  /** Seconds between progress lines. Default 1. */
  readonly progressEverySeconds?: number;
  /**
   * Progress events (jobs finished of those to run, note: how many failed) for core's `progressReporter`; when given,
   * they replace the periodic lines of `progress` (which still gets the sweep's first line).
   */
  readonly onProgress?: (update: ProgressUpdate) => void;
}

/** What a sweep did. */
export interface SweepReport {
  readonly name: string;
  /** The results folder, absolute. */
  readonly results: string;
  /** The DuckDB summary file. */
  readonly summaryFile: string;
  /** Jobs of the spec. */
  readonly jobs: number;
  /** Jobs skipped: done by an earlier run. */
  readonly skipped: number;
  readonly done: number;
  readonly failed: number;
  /** Outcomes that arrived for a job already recorded (a retried job that had in fact finished), dropped. */
  readonly duplicates: number;
  /** Wall-clock seconds running the jobs (after loading the data). */
  readonly seconds: number;
  /** Jobs finished per second of `seconds`. */
  readonly jobsPerSecond: number;
  /** Seconds until the first job finished (forking and loading the workers, or waiting for queue workers); `null` without jobs. */
  readonly firstResultSeconds: number | null;
  /** Where the jobs ran: `"local pool of N"` or the queue's address. */
  readonly ranOn: string;
  /** The ids of the spec's jobs (done now, before, or failed): what `readSweepSummary(report)` reads. */
  readonly jobIds: readonly string[];
}

/** A folder as printed: relative to the working folder when inside it (no machine path in notebook outputs). */
function shown(folder: string): string {
  const r = relative(process.cwd(), folder);
  return r === "" ? "." : r.startsWith("..") || isAbsolute(r) ? folder : r;
}

/**
 * Runs a sweep: checks the spec (every strategy, notebook and parameter), the results folder and the queue before
 * any job starts; loads the data once; gives every job its identity (hash of configuration and data); skips the
 * jobs the results already hold as done; runs the others on a local pool of worker processes or on a BullMQ
 * queue; records each outcome once (failed jobs with their error after `retries` more tries) in the summary
 * table and Parquet details; prints progress lines.
 *
 * @param spec a sweep spec, or the path of a sweep file (JSON).
 * @throws InputError for a bad spec, strategy, notebook, parameter, window, worker or retry count, or a results folder
 *   that is not writable; SourceError QUEUE_UNREACHABLE naming the address; DataError when the data cannot be read.
 * @example
 * ```ts
 * const report = await runSweep("grids/min-vol.json", { results: "build/sweeps/min-vol", workers: 2, progress: console.log });
 * report.done; // => 48
 * ```
 */
export async function runSweep(spec: SweepSpec | string, options: RunSweepOptions): Promise<SweepReport> {
  const { spec: checked, baseDir } = typeof spec === "string" ? readSweepFile(spec) : { spec: checkSweepShape(spec), baseDir: options.baseDir ?? process.cwd() };
  const name = checked.name ?? "sweep";
  const notebooksDir = options.notebooksDir ?? packagePath("notebooks");
  // Checks that need no data, before anything slow.
  if (options.workers !== undefined && (!Number.isInteger(options.workers) || options.workers < 1)) {
    throw new InputError("BAD_WORKERS", `sweep: workers takes a whole number ≥ 1, got ${String(options.workers)}`, { workers: options.workers });
  }
  if (options.retries !== undefined && (!Number.isInteger(options.retries) || options.retries < 0)) {
    throw new InputError("BAD_RETRIES", `sweep: retries takes a whole number ≥ 0, got ${String(options.retries)}`, { retries: options.retries });
  }
  const grids = checked.backtests === undefined ? undefined : (Array.isArray(checked.backtests) ? checked.backtests : [checked.backtests as BacktestGrid]).map((g) => ({ ...g, windows: undefined }));
  expandGrid({ ...checked, backtests: grids, jobs: (checked.jobs ?? []).map((j) => (j.kind === "backtest" ? { ...j, window: undefined } : j)) }, { notebooksDir });
  const queue = options.queue === undefined ? undefined : parseQueueUrl(options.queue);
  if (queue !== undefined) await checkQueue(queue);
  const results = checkResultsFolder(options.results);

  let prices: EncodedPrices | null = null;
  if (checked.data !== undefined && (checked.backtests !== undefined || (checked.jobs ?? []).some((j) => j.kind === "backtest"))) {
    prices = encodePrices(await loadSweepPrices(checked.data, options.baseDir ?? baseDir));
  }
  const specs = expandGrid(checked, { ...(prices === null ? {} : { dates: prices.dates }), notebooksDir });
  const byId = new Map<string, QueuedJob>();
  for (const s of specs) {
    const dataHash = s.kind === "backtest" ? prices!.hash : notebookHash(s.notebook, notebooksDir);
    const id = jobId(s, dataHash);
    if (!byId.has(id)) byId.set(id, { id, sweep: name, spec: s, dataHash });
  }
  const store = await SweepStore.open(results);
  const todo = [...byId.values()].filter((j) => !store.done.has(j.id));
  const skipped = byId.size - todo.length;
  const write = options.progress ?? (() => {});
  const workers = Math.min(options.workers ?? defaultWorkers(), Math.max(1, todo.length));
  const ranOn = queue !== undefined ? `queue ${options.queueName ?? "workbook-sweep"} at ${queue.url}` : `local pool of ${workers}`;
  write(`${name}: ${byId.size} jobs, ${skipped} done before, ${todo.length} to run on the ${ranOn}; results in ${shown(results)}`);
  const lines = options.onProgress === undefined ? write : () => {};
  const progress = new SweepProgress(name, todo.length, skipped, lines, options.progressEverySeconds ?? 1, options.onProgress);
  let duplicates = 0;
  let flushing = false;
  const flushSoon = (): void => {
    if (flushing) return;
    flushing = true;
    setTimeout(() => {
      flushing = false;
      store.flush().catch(() => {
        // the error comes back from store.close() below
      });
    }, 1000).unref();
  };
  const handlers: JobHandlers = {
    onDone(job, outcome, attempts) {
      if (store.add(job, outcome, attempts)) progress.finished("done");
      else duplicates++;
      flushSoon();
    },
    onFailed(job, error, attempts) {
      store.fail(job, error, attempts);
      progress.finished("failed");
      flushSoon();
    },
  };
  try {
    if (todo.length > 0) {
      if (queue !== undefined) {
        await runOnQueue(todo, { queue: options.queue!, ...(options.queueName === undefined ? {} : { queueName: options.queueName }), retries: options.retries ?? 2, prices, notice: write }, handlers);
      } else {
        await runOnLocalPool(todo, { workers, retries: options.retries ?? 2, prices, notebooksDir }, handlers);
      }
    }
  } finally {
    await store.close();
  }
  const seconds = progress.elapsedSeconds;
  const { done, failed } = progress.counts;
  return { name, results, summaryFile: join(results, SUMMARY_FILE), jobs: byId.size, skipped, done, failed, duplicates, seconds, jobsPerSecond: todo.length === 0 ? 0 : (done + failed) / seconds, firstResultSeconds: progress.firstResultSeconds, ranOn, jobIds: [...byId.keys()] };
}
