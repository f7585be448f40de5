/**
 * A worker on any machine: takes a sweep's jobs from the BullMQ queue, runs them, and returns their outcomes
 * through the queue.
 */
import { DataError, packagePath, type DateTable } from "../core/index";
import type { QueuedJob } from "./job-identity";
import { checkQueue, DEFAULT_QUEUE_NAME, parseQueueUrl, redisOptions } from "./queue-connection";
import { dataKey } from "./queue-sweep";
import { runJob, workerName, type JobOutcome } from "./run-job";
import { decodePrices, type EncodedPrices } from "./sweep-data";

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** `redis://HOST:PORT`. */
  readonly queue: string;
  /** Default {@link DEFAULT_QUEUE_NAME}. */
  readonly queueName?: string;
  /**
   * Seconds a job's lock lasts without renewal: a worker that dies leaves its job to another after about this
   * long. Default 30. A job that blocks the worker's event loop longer than this is taken as stalled and run
   * again elsewhere (recorded once: the summary is keyed by job).
   */
  readonly lockSeconds?: number;
  /** Seconds between checks for stalled jobs. Default half of `lockSeconds`. */
  readonly stalledCheckSeconds?: number;
  /** Stop after this many seconds without a job (for a Kubernetes Job or a batch scheduler). Default: never. */
  readonly exitWhenIdleSeconds?: number | null;
  /** Folder of the notebooks. Default the package's `notebooks/`. */
  readonly notebooksDir?: string;
  /** Where the worker's lines go (started, failed jobs, stopped). */
  readonly log?: (line: string) => void;
}

/** A running queue worker. */
export interface QueueWorkerHandle {
  /** Resolves when the worker has stopped, with the jobs it finished. */
  readonly stopped: Promise<{ done: number; failed: number }>;
  /** Stops taking jobs, waits for the current one, and closes the connections. */
  stop(): Promise<void>;
}

/**
 * Starts a worker on the sweep queue at `queue`: one job at a time (run one worker process per core), prices
 * read once per sweep from Redis and checked against their hash.
 *
 * @throws SourceError QUEUE_UNREACHABLE naming the address; InputError BAD_QUEUE_URL.
 * @example
 * ```ts
 * const worker = await startQueueWorker({ queue: "redis://127.0.0.1:6379", exitWhenIdleSeconds: 30 });
 * await worker.stopped; // => { done: 412, failed: 0 }
 * ```
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const address = parseQueueUrl(options.queue);
  await checkQueue(address);
  const name = options.queueName ?? DEFAULT_QUEUE_NAME;
  const log = options.log ?? (() => {});
  const lockMs = (options.lockSeconds ?? 30) * 1000;
  const connection = redisOptions(address);
  const [{ Worker }, { Redis }] = await Promise.all([import("bullmq"), import("ioredis")]);
  const redis = new Redis(connection);
  const cache = new Map<string, DateTable>();
  const notebooksDir = options.notebooksDir ?? packagePath("notebooks");
  const pricesFor = async (hash: string): Promise<DateTable> => {
    const hit = cache.get(hash);
    if (hit !== undefined) return hit;
    const text = await redis.get(dataKey(name, hash));
    if (text === null) throw new DataError("MISSING_SWEEP_DATA", `sweep worker: the prices ${hash} are not in Redis (expired or cleared); run the sweep again to put them back`, { hash });
    const prices = decodePrices(JSON.parse(text) as EncodedPrices);
    cache.set(hash, prices);
    return prices;
  };
  let done = 0;
  let failed = 0;
  let lastActivity = Date.now();
  let active = 0;
  const worker = new Worker<QueuedJob, JobOutcome>(
    name,
    async (job) => {
      active++;
      try {
        const q = job.data;
        return await runJob(q, q.spec.kind === "backtest" && q.dataHash !== null ? await pricesFor(q.dataHash) : null, notebooksDir);
      } finally {
        active--;
        lastActivity = Date.now();
      }
    },
    { connection, name: workerName(), concurrency: 1, lockDuration: lockMs, stalledInterval: (options.stalledCheckSeconds ?? lockMs / 2000) * 1000, maxStalledCount: 2 },
  );
  worker.on("completed", () => done++);
  worker.on("failed", (job, e) => {
    failed++;
    log(`worker ${workerName()}: job ${job?.id ?? "?"} failed (try ${job?.attemptsMade ?? "?"}): ${e.message}`);
  });
  worker.on("error", (e) => log(`worker ${workerName()}: ${e.message}`));
  log(`worker ${workerName()}: taking jobs from queue ${name} at ${address.url}`);

  let idleTimer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  let resolveStopped: (v: { done: number; failed: number }) => void = () => {};
  const stopped = new Promise<{ done: number; failed: number }>((r) => (resolveStopped = r));
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      clearInterval(idleTimer);
      await worker.close();
      redis.disconnect();
      log(`worker ${workerName()}: stopped after ${done} done, ${failed} failed`);
      resolveStopped({ done, failed });
    })();
    return stopping;
  };
  const idleSeconds = options.exitWhenIdleSeconds;
  if (idleSeconds !== undefined && idleSeconds !== null) {
    idleTimer = setInterval(() => {
      if (active === 0 && Date.now() - lastActivity > idleSeconds * 1000) void stop();
    }, Math.min(1000, idleSeconds * 500));
  }
  return { stopped, stop };
}
