/**
 * The entry of a local pool's worker process (forked by `runOnLocalPool`): takes the sweep's prices once, then
 * jobs, runs them one at a time in the order received, and sends each outcome or error back over IPC.
 */
import type { DateTable } from "../core/index";
import type { QueuedJob } from "./job-identity";
import { errorMessage, type PoolRequest, type PoolReply } from "./pool-messages";
import { decodePrices } from "./sweep-data";
import { runJob } from "./run-job";

let prices: DateTable | null = null;

function send(reply: PoolReply): void {
  process.send?.(reply);
}

/** Jobs received and not yet run: the sweep sends the next one before this one is done. */
const pending: { job: QueuedJob; notebooksDir: string }[] = [];
let running = false;

async function runPending(): Promise<void> {
  if (running) return;
  running = true;
  while (pending.length > 0) {
    const { job, notebooksDir } = pending.shift()!;
    try {
      send({ type: "result", id: job.id, outcome: await runJob(job, prices, notebooksDir) });
    } catch (e) {
      send({ type: "error", id: job.id, message: errorMessage(e) });
    }
  }
  running = false;
}

process.on("message", (request: PoolRequest) => {
  if (request.type === "data") {
    try {
      prices = request.prices === null ? null : decodePrices(request.prices);
      send({ type: "ready" });
    } catch (e) {
      send({ type: "fatal", message: errorMessage(e) });
    }
  } else if (request.type === "job") {
    pending.push({ job: request.job, notebooksDir: request.notebooksDir });
    void runPending();
  } else if (request.type === "exit") {
    process.exit(0);
  }
});
send({ type: "started" });
