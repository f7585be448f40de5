/**
 * The messages between a sweep and its local pool's worker processes.
 */
import { WorkbookError } from "../core/index";
import type { QueuedJob } from "./job-identity";
import type { JobOutcome } from "./run-job";
import type { EncodedPrices } from "./sweep-data";

/** Sweep → worker: the prices (once), a job, or the end. */
export type PoolRequest =
  | { readonly type: "data"; readonly prices: EncodedPrices | null }
  | { readonly type: "job"; readonly job: QueuedJob; readonly notebooksDir: string }
  | { readonly type: "exit" };

/** Worker → sweep: started, ready for jobs, a job's outcome or error, or a fatal error (bad data). */
export type PoolReply =
  | { readonly type: "started" }
  | { readonly type: "ready" }
  | { readonly type: "result"; readonly id: string; readonly outcome: JobOutcome }
  | { readonly type: "error"; readonly id: string; readonly message: string }
  | { readonly type: "fatal"; readonly message: string };

/**
 * The text recorded for a failed job: a typed error's class, code and message; another error's message.
 *
 * @example
 * ```ts
 * errorMessage(new InputError("BAD_WINDOW", "window holds no day")); // => "InputError BAD_WINDOW: window holds no day"
 * ```
 */
export function errorMessage(e: unknown): string {
  if (e instanceof WorkbookError) return `${e.name} ${e.code}: ${e.message}`;
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
