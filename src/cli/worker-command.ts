/**
 * `npx workbook worker --queue redis://HOST:PORT`: takes sweep jobs from a BullMQ queue, on any machine.
 */
import { command, numberOption } from "./command-line";
import { startQueueWorker, type QueueWorkerOptions } from "../sweep/index";

const seconds = (help: string) => numberOption("SECONDS", help, (x) => x > 0, "a number of seconds > 0");

/** The command's options, from which `--help` and the parser are made (the shared command-line layer). */
const WORKER = command({
  name: "worker",
  synopsis: "--queue redis://HOST:PORT [options]",
  description: `Takes the jobs of sweeps (npx workbook sweep GRID.json --queue redis://HOST:PORT) from a BullMQ queue in Redis,
one at a time, and sends each outcome back through the queue. Run one worker per core, on as many machines as
you like (each needs this project and its notebooks at the same version as the sweep's). A worker that dies
leaves its job to another once its lock expires; every job is recorded once. Stops on SIGINT or SIGTERM after the
job at hand.`,
  options: {
    queue: { value: "redis://HOST:PORT", help: "the Redis of the queue (required)" },
    queueName: { value: "NAME", help: "the queue's name (default workbook-sweep), as given to the sweep" },
    lockSeconds: seconds("a job's lock: a dead worker's job is retried after about this long (default 30)"),
    stalledSeconds: seconds("seconds between checks for stalled jobs (default half the lock)"),
    exitWhenIdle: seconds("stop after this long without a job (for a Kubernetes Job or a batch scheduler)"),
  },
  json: false,
  exitCodes: "0 stopped, 2 bad flags or an unreachable queue (the message names the address)",
});

/** The text of `npx workbook worker --help` (generated from the command's options). */
export const WORKER_USAGE = WORKER.usage;

/**
 * Runs `npx workbook worker`: takes jobs until stopped (a signal, or `--exit-when-idle`).
 *
 * @returns 0 when stopped (typed errors propagate to `main`: exit 2).
 * @throws InputError for bad flags; SourceError QUEUE_UNREACHABLE naming the address.
 * @example
 * ```ts
 * await runWorkerCommand(["--queue", "redis://127.0.0.1:6379", "--exit-when-idle", "30"]); // => 0
 * ```
 */
export async function runWorkerCommand(argv: readonly string[], out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const { values: v, help } = WORKER.parse(argv);
  if (help) {
    out(WORKER_USAGE);
    return 0;
  }
  if (v.queue === undefined) throw WORKER.fail("MISSING_FLAG", "--queue redis://HOST:PORT is required");
  const options: { -readonly [K in keyof QueueWorkerOptions]?: QueueWorkerOptions[K] } = {
    ...(v.queueName === undefined ? {} : { queueName: v.queueName }),
    ...(v.lockSeconds === undefined ? {} : { lockSeconds: v.lockSeconds }),
    ...(v.stalledSeconds === undefined ? {} : { stalledCheckSeconds: v.stalledSeconds }),
    ...(v.exitWhenIdle === undefined ? {} : { exitWhenIdleSeconds: v.exitWhenIdle }),
  };
  const worker = await startQueueWorker({ ...options, queue: v.queue, log: out });
  const stop = (): void => {
    void worker.stop();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await worker.stopped;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
  return 0;
}
