/**
 * `npx workbook worker --queue redis://HOST:PORT`: takes sweep jobs from a BullMQ queue, on any machine.
 */
import { readFlags } from "./read-flags";
import { InputError } from "../core/index";
import { startQueueWorker, type QueueWorkerOptions } from "../sweep/index";

/** The text of `npx workbook worker --help`. */
export const WORKER_USAGE = `Usage: npx workbook worker --queue redis://HOST:PORT [options]

Takes the jobs of sweeps (npx workbook sweep GRID.json --queue redis://HOST:PORT) from a BullMQ queue in Redis,
one at a time, and sends each outcome back through the queue. Run one worker per core, on as many machines as
you like (each needs this project and its notebooks at the same version as the sweep's). A worker that dies
leaves its job to another once its lock expires; every job is recorded once. Stops on SIGINT or SIGTERM after the
job at hand.

  --queue redis://HOST:PORT   the Redis of the queue (required)
  --queue-name NAME           the queue's name (default workbook-sweep), as given to the sweep
  --lock-seconds N            a job's lock: a dead worker's job is retried after about this long (default 30)
  --stalled-seconds N         seconds between checks for stalled jobs (default half the lock)
  --exit-when-idle SECONDS    stop after this long without a job (for a Kubernetes Job or a batch scheduler)
  --help                      this text

Exit codes: 0 stopped, 2 bad flags or an unreachable queue (the message names the address).`;

function bad(code: string, message: string, details: Record<string, unknown> = {}): InputError {
  return new InputError(code, `workbook worker: ${message}\n\nRun "npx workbook worker --help" for the options.`, details);
}

function seconds(flag: string, raw: string): number {
  const x = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(x) || x <= 0) throw bad("BAD_FLAG_VALUE", `${flag} takes a number of seconds > 0, got "${raw}"`, { flag, value: raw });
  return x;
}

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
  const options: { -readonly [K in keyof QueueWorkerOptions]?: QueueWorkerOptions[K] } = {};
  for (const { flag, value } of readFlags(argv, (f) => bad("MISSING_VALUE", `${f} needs a value`, { flag: f }))) {
    switch (flag) {
      case "--help":
      case "-h":
        out(WORKER_USAGE);
        return 0;
      case "--queue":
        options.queue = value();
        break;
      case "--queue-name":
        options.queueName = value();
        break;
      case "--lock-seconds":
        options.lockSeconds = seconds(flag, value());
        break;
      case "--stalled-seconds":
        options.stalledCheckSeconds = seconds(flag, value());
        break;
      case "--exit-when-idle":
        options.exitWhenIdleSeconds = seconds(flag, value());
        break;
      default:
        throw bad("UNKNOWN_FLAG", `unknown ${flag.startsWith("-") ? "flag" : "argument"} ${flag}`, { flag });
    }
  }
  if (options.queue === undefined) throw bad("MISSING_FLAG", "--queue redis://HOST:PORT is required");
  const worker = await startQueueWorker({ ...options, queue: options.queue, log: out });
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
