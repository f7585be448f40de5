/**
 * Several machines: a sweep's jobs on a BullMQ queue in Redis, taken by `npx workbook worker` processes anywhere;
 * outcomes come back through the queue and are written by the sweep.
 */
import type { Job, Queue } from "bullmq";
import type { QueuedJob } from "./job-identity";
import type { JobHandlers } from "./local-pool";
import { checkQueue, DEFAULT_QUEUE_NAME, parseQueueUrl, redisOptions } from "./queue-connection";
import type { JobOutcome } from "./run-job";
import type { EncodedPrices } from "./sweep-data";

/** Seconds the sweep's prices stay in Redis for workers to read (a week). */
export const DATA_TTL_SECONDS = 7 * 24 * 3600;

/** The Redis key holding a sweep's prices, by their hash. */
export function dataKey(queueName: string, hash: string): string {
  return `bull:${queueName}:sweep-data:${hash}`;
}

/**
 * The BullMQ id of a job: its hash with a prefix (BullMQ refuses ids that read as integers, which a hex hash can).
 *
 * @example
 * ```ts
 * queueJobId("0123456789012345"); // => "sweep-0123456789012345"
 * ```
 */
export function queueJobId(id: string): string {
  return `sweep-${id}`;
}

/** Options of {@link runOnQueue}. */
export interface QueueSweepOptions {
  /** `redis://HOST:PORT`. */
  readonly queue: string;
  /** Default {@link DEFAULT_QUEUE_NAME}; workers must name the same queue. */
  readonly queueName?: string;
  /** Tries after the first failure (BullMQ `attempts` = retries + 1). Default 2. */
  readonly retries?: number;
  /** The sweep's prices, put in Redis once for the workers. */
  readonly prices: EncodedPrices | null;
  /** How often the sweep collects finished jobs, milliseconds. Default 200. */
  readonly pollMs?: number;
  /** Where notices go (e.g. no worker is connected). */
  readonly notice?: (line: string) => void;
}

/** Every job of a state, page by page. */
async function jobsIn(queue: Queue, state: "completed" | "failed"): Promise<Job[]> {
  const out: Job[] = [];
  for (let start = 0; ; start += 1000) {
    const page = await queue.getJobs([state], start, start + 999, true);
    out.push(...page.filter((j): j is Job => j !== undefined && j !== null));
    if (page.length < 1000) return out;
  }
}

function triesOf(job: Job): number {
  return Math.max(1, job.attemptsStarted ?? job.attemptsMade);
}

/**
 * Puts jobs on the queue (BullMQ job id from the job's hash, so a job already queued is not queued twice; a job that
 * failed in an earlier run is queued again), then collects each finished job exactly once — its outcome from
 * the job's return value — and removes it from Redis. A job whose worker dies is moved back to waiting by
 * BullMQ's stalled-job check and taken by another worker. Resolves when every job is done or failed.
 *
 * @throws SourceError QUEUE_UNREACHABLE naming the address; InputError BAD_QUEUE_URL.
 * @example
 * ```ts
 * await runOnQueue(jobs, { queue: "redis://127.0.0.1:6379", prices: encodePrices(prices) }, handlers);
 * ```
 */
export async function runOnQueue(jobs: readonly QueuedJob[], options: QueueSweepOptions, handlers: JobHandlers): Promise<void> {
  const address = parseQueueUrl(options.queue);
  await checkQueue(address);
  const name = options.queueName ?? DEFAULT_QUEUE_NAME;
  const retries = options.retries ?? 2;
  const connection = redisOptions(address);
  // Loaded on demand: the local pool and the notebooks' imports need neither BullMQ nor a Redis client.
  const [{ Queue }, { Redis }] = await Promise.all([import("bullmq"), import("ioredis")]);
  const redis = new Redis(connection);
  const queue: Queue = new Queue(name, { connection });
  try {
    if (options.prices !== null) await redis.set(dataKey(name, options.prices.hash), JSON.stringify(options.prices), "EX", DATA_TTL_SECONDS);
    const ours = new Map(jobs.map((j) => [queueJobId(j.id), j]));
    for (const old of await jobsIn(queue, "failed")) if (old.id !== undefined && ours.has(old.id)) await old.remove();
    for (let i = 0; i < jobs.length; i += 500) {
      await queue.addBulk(
        jobs.slice(i, i + 500).map((j) => ({ name: j.spec.kind, data: j, opts: { jobId: queueJobId(j.id), attempts: retries + 1, removeOnComplete: false, removeOnFail: false } })),
      );
    }
    const pending = new Set(ours.keys());
    let lastProgress = Date.now();
    let warned = false;
    while (pending.size > 0) {
      let collected = 0;
      for (const state of ["completed", "failed"] as const) {
        for (const job of await jobsIn(queue, state)) {
          const id = job.id;
          if (id === undefined || !pending.has(id)) continue;
          pending.delete(id);
          collected++;
          if (state === "completed") handlers.onDone(ours.get(id)!, job.returnvalue as JobOutcome, triesOf(job));
          else handlers.onFailed(ours.get(id)!, job.failedReason ?? "failed", triesOf(job));
          await job.remove();
        }
      }
      if (collected > 0) {
        lastProgress = Date.now();
        warned = false;
      } else {
        if (!warned && Date.now() - lastProgress > 15_000 && (await queue.getWorkersCount()) === 0) {
          options.notice?.(`sweep: no worker is taking jobs from queue ${name} at ${address.url}; start some with: npx workbook worker --queue ${address.url}${name === DEFAULT_QUEUE_NAME ? "" : ` --queue-name ${name}`}`);
          warned = true;
        }
        await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
      }
    }
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
