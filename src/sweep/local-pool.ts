/**
 * One machine: a sweep's jobs on a pool of worker processes (`child_process.fork`), one job per process at a time.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { InputError, packagePath, SourceError } from "../core/index";
import type { QueuedJob } from "./job-identity";
import type { PoolReply, PoolRequest } from "./pool-messages";
import type { JobOutcome } from "./run-job";
import type { EncodedPrices } from "./sweep-data";

/** What a sweep does with each finished job, wherever it ran. */
export interface JobHandlers {
  /** A job done, after `attempts` tries. Called once per job. */
  onDone(job: QueuedJob, outcome: JobOutcome, attempts: number): void;
  /** A job that failed every one of its `attempts` tries, with the last error. */
  onFailed(job: QueuedJob, error: string, attempts: number): void;
}

/** Options of {@link runOnLocalPool}. */
export interface LocalPoolOptions {
  /** Worker processes. Default one per core (`os.availableParallelism()`), at most one per job. */
  readonly workers?: number;
  /** Tries after the first failure of a job (its error, or its worker dying). Default 2. */
  readonly retries?: number;
  /** The sweep's prices, sent to each worker once (`null` when every job is a notebook run). */
  readonly prices: EncodedPrices | null;
  /** Folder of the notebooks the notebook jobs name. Default the package's `notebooks/`. */
  readonly notebooksDir?: string;
}

/** Default number of local workers: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

interface PoolWorker {
  readonly child: ChildProcess;
  /** Jobs sent to the worker and not answered yet, in the order it runs them. */
  jobs: QueuedJob[];
  ready: boolean;
}

/** Jobs a local worker holds at once: the one it runs and the next. */
const PREFETCH = 2;

/** Newest modification time (ms) of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

/**
 * The worker entry and the Node options that load it: the built library (`dist/`) when it is up to date with
 * `src/` (it starts in a fraction of the time), else the TypeScript sources through tsx's ESM loader.
 */
function workerEntry(): { entry: string; execArgv: string[] } {
  const built = packagePath("dist", "sweep", "pool-worker.js");
  const stamp = packagePath("dist", ".tsbuildinfo");
  if (existsSync(built) && existsSync(stamp) && statSync(stamp).mtimeMs >= newest(packagePath("src"))) return { entry: built, execArgv: [] };
  const loader = createRequire(packagePath("package.json")).resolve("tsx/esm");
  return { entry: packagePath("src", "sweep", "pool-worker.ts"), execArgv: ["--import", pathToFileURL(loader).href] };
}

/**
 * Runs jobs on a pool of worker processes. Each worker is forked once, gets the prices once, then jobs (the one
 * it runs and the next, so it never waits to be handed one); a job that throws is tried again (at the back of the queue) up to `retries` times, and so is a job whose
 * worker dies (the worker is replaced). Resolves when every job is done or failed; the workers exit.
 *
 * @throws InputError BAD_WORKERS for a worker count that is not a whole number ≥ 1; SourceError
 *   WORKER_START_FAILED when workers die before taking a job three times in a row, or report bad data.
 * @example
 * ```ts
 * await runOnLocalPool(jobs, { workers: 2, prices: encodePrices(prices) }, { onDone: (job, outcome) => store.add(job, outcome, 1), onFailed: () => {} });
 * ```
 */
export function runOnLocalPool(jobs: readonly QueuedJob[], options: LocalPoolOptions, handlers: JobHandlers): Promise<void> {
  const retries = options.retries ?? 2;
  const wanted = Math.min(options.workers ?? defaultWorkers(), jobs.length);
  if (options.workers !== undefined && (!Number.isInteger(options.workers) || options.workers < 1)) {
    throw new InputError("BAD_WORKERS", `sweep: workers takes a whole number ≥ 1, got ${String(options.workers)}`, { workers: options.workers });
  }
  const notebooksDir = options.notebooksDir ?? packagePath("notebooks");
  const queue = [...jobs];
  const attempts = new Map<string, number>();
  const pool = new Set<PoolWorker>();
  let outstanding = jobs.length;
  let startFailures = 0;
  const { entry, execArgv } = workerEntry();

  return new Promise<void>((resolvePool, rejectPool) => {
    if (outstanding === 0) {
      resolvePool();
      return;
    }
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of pool) {
        if (error) w.child.kill("SIGKILL");
        else w.child.send({ type: "exit" } satisfies PoolRequest);
      }
      if (error) rejectPool(error);
      else resolvePool();
    };
    const settle = (job: QueuedJob, error: string | null, outcome: JobOutcome | null): void => {
      const tries = attempts.get(job.id) ?? 1;
      if (outcome !== null) {
        handlers.onDone(job, outcome, tries);
        outstanding--;
      } else if (tries <= retries) {
        queue.push(job);
      } else {
        handlers.onFailed(job, error ?? "unknown error", tries);
        outstanding--;
      }
    };
    // Each worker holds up to PREFETCH jobs and runs them in order, so it never waits for this process to hand
    // it the next one (on a busy machine that wait, not the jobs, would set the pace).
    const dispatch = (w: PoolWorker): void => {
      while (w.ready && w.jobs.length < PREFETCH && queue.length > 0) {
        const job = queue.shift()!;
        w.jobs.push(job);
        attempts.set(job.id, (attempts.get(job.id) ?? 0) + 1);
        w.child.send({ type: "job", job, notebooksDir } satisfies PoolRequest);
      }
    };
    const dispatchAll = (): void => {
      for (const w of pool) dispatch(w);
      if (outstanding === 0) finish();
    };
    const spawnWorker = (): void => {
      const child = fork(entry, [], { execArgv, serialization: "advanced", stdio: ["ignore", "ignore", "inherit", "ipc"] });
      const w: PoolWorker = { child, jobs: [], ready: false };
      pool.add(w);
      child.on("error", () => {
        // a message to a worker that just died: its "exit" event retries the job
      });
      child.on("message", (reply: PoolReply) => {
        if (reply.type === "started") child.send({ type: "data", prices: options.prices } satisfies PoolRequest);
        else if (reply.type === "ready") {
          w.ready = true;
          startFailures = 0;
          dispatch(w);
        } else if (reply.type === "fatal") {
          finish(new SourceError("WORKER_START_FAILED", `sweep: a worker refused the sweep's data: ${reply.message}`));
        } else {
          const at = w.jobs.findIndex((j) => j.id === reply.id);
          if (at < 0) return;
          const [job] = w.jobs.splice(at, 1);
          settle(job!, reply.type === "error" ? reply.message : null, reply.type === "result" ? reply.outcome : null);
          if (!settled) dispatchAll();
        }
      });
      child.on("exit", (code, signal) => {
        pool.delete(w);
        if (settled) return;
        if (!w.ready && ++startFailures >= 3) {
          finish(new SourceError("WORKER_START_FAILED", `sweep: worker processes exit before taking a job (last: ${signal ?? `code ${code}`}); run "node --import tsx ${entry}" to see why`));
          return;
        }
        // The worker ran its jobs in order: the first was running and counts as a failed try; the others never
        // started and go back to the front of the queue as they were.
        const [running, ...waiting] = w.jobs;
        w.jobs = [];
        for (const job of waiting.reverse()) {
          attempts.set(job.id, (attempts.get(job.id) ?? 1) - 1);
          queue.unshift(job);
        }
        if (running !== undefined) settle(running, `worker ${child.pid} died (${signal ?? `exit code ${code}`}) while running the job`, null);
        if (outstanding === 0) finish();
        else if (pool.size < Math.min(wanted, outstanding)) spawnWorker();
        dispatchAll();
      });
    };
    for (let i = 0; i < wanted; i++) spawnWorker();
  });
}
