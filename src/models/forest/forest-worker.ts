/**
 * Worker-thread entry of the forest's worker pool: for each job it receives, grows the trees it is
 * given and posts each one back as it is done, then `done`. Started by `trainTreesInWorkers`
 * (through tsx's CommonJS loader, so it runs from the sources) and kept for later jobs.
 */
import { parentPort } from "node:worker_threads";
import { trainTrees, type ForestData, type ForestPlan } from "./forest-training";
import type { TreeArrays } from "./regression-tree";

interface Job {
  readonly id: number;
  readonly data: ForestData;
  readonly plan: ForestPlan;
  readonly trees: readonly number[];
}

const port = parentPort;
// Only as a worker thread: imported in a main thread (by a tool reading every file), it does nothing.
port?.on("message", (job: Job) => {
  try {
    trainTrees(job.data, job.plan, job.trees, (t: number, tree: TreeArrays) => {
      const buffers = [tree.feature, tree.threshold, tree.left, tree.right, tree.value, tree.weight, tree.impurity].map((a) => a.buffer as ArrayBuffer);
      port!.postMessage({ id: job.id, type: "tree", t, tree }, buffers);
    });
    port!.postMessage({ id: job.id, type: "done" });
  } catch (e) {
    port!.postMessage({ id: job.id, type: "error", message: e instanceof Error ? e.message : String(e) });
  }
});
