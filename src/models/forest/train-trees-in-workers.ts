/**
 * Growing a forest's trees across worker threads, with a pool of workers kept between fits.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { NumericalError } from "../../core/index";
import { packagePath } from "../../core/index";
import type { ForestData, ForestPlan } from "./forest-training";
import type { TreeArrays } from "./regression-tree";

interface Message {
  readonly id: number;
  readonly type: "tree" | "done" | "error";
  readonly t?: number;
  readonly tree?: TreeArrays;
  readonly message?: string;
}

interface PoolWorker {
  readonly worker: Worker;
  /** Handler of the job running on it, if any. */
  handler: ((m: Message) => void) | null;
  failure: ((e: Error) => void) | null;
}

const pool: PoolWorker[] = [];
let nextJob = 0;

function startWorker(): PoolWorker {
  const require = createRequire(packagePath("package.json"));
  const loader = require.resolve("tsx/cjs/api");
  const entry = packagePath("src", "models", "forest", "forest-worker.ts");
  const code = `require(${JSON.stringify(loader)}).register(); require(${JSON.stringify(entry)});`;
  const worker = new Worker(code, { eval: true });
  const entryInPool: PoolWorker = { worker, handler: null, failure: null };
  worker.on("message", (m: Message) => entryInPool.handler?.(m));
  const fail = (e: Error): void => {
    const i = pool.indexOf(entryInPool);
    if (i >= 0) pool.splice(i, 1);
    entryInPool.failure?.(e);
  };
  worker.on("error", (e) => fail(new NumericalError("WORKER_FAILED", `random forest worker failed: ${e.message}; retry with workers: 1 to train in this thread`, {}, { cause: e })));
  worker.on("exit", (code) => fail(new NumericalError("WORKER_FAILED", `random forest worker exited with code ${code}; retry with workers: 1 to train in this thread`)));
  worker.unref(); // an idle pool never keeps the process alive
  pool.push(entryInPool);
  return entryInPool;
}

function runJob(w: PoolWorker, data: ForestData, plan: ForestPlan, trees: readonly number[], onTree: (t: number, tree: TreeArrays) => void): Promise<void> {
  const id = nextJob++;
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error): void => {
      w.handler = null;
      w.failure = null;
      w.worker.unref();
      if (error) reject(error);
      else resolve();
    };
    w.handler = (m) => {
      if (m.id !== id) return;
      if (m.type === "tree") onTree(m.t!, m.tree!);
      else if (m.type === "done") finish();
      else finish(new NumericalError("WORKER_FAILED", `random forest worker failed: ${m.message}; retry with workers: 1 to train in this thread`));
    };
    w.failure = (e) => finish(e);
    w.worker.ref(); // keep the process alive while the job runs
    w.worker.postMessage({ id, data, plan, trees });
  });
}

/**
 * Grows trees `0 … nTrees − 1` on `nWorkers` worker threads (tree t on worker t mod nWorkers),
 * calling `onTree` in the main thread as each arrives. Workers load the TypeScript sources through
 * tsx's CommonJS loader (a dependency of the package) once, about 0.3–0.6 s each, and stay in a
 * pool for the next fits of the process (idle workers do not keep it alive). The trees are the
 * same as when grown in the main thread.
 *
 * @throws NumericalError WORKER_FAILED when a worker fails (with its message).
 * @example
 * ```ts
 * const trees = await trainTreesInWorkers(data, plan, 100, 2);
 * trees.length; // => 100
 * ```
 */
export async function trainTreesInWorkers(
  data: ForestData,
  plan: ForestPlan,
  nTrees: number,
  nWorkers: number,
  onTree?: (t: number, tree: TreeArrays) => void,
): Promise<TreeArrays[]> {
  while (pool.length < nWorkers) startWorker();
  const idle = pool.filter((w) => w.handler === null);
  const workers = (idle.length >= nWorkers ? idle : [...idle, ...Array.from({ length: nWorkers - idle.length }, startWorker)]).slice(0, nWorkers);
  const trees: TreeArrays[] = new Array(nTrees);
  await Promise.all(
    workers.map((w, k) =>
      runJob(
        w,
        data,
        plan,
        Array.from({ length: nTrees }, (_, t) => t).filter((t) => t % nWorkers === k),
        (t, tree) => {
          trees[t] = tree;
          onTree?.(t, tree);
        },
      ),
    ),
  );
  return trees;
}

/**
 * Stops the pool's worker threads (they are restarted on the next parallel fit).
 *
 * @example
 * ```ts
 * await stopForestWorkers();
 * ```
 */
export async function stopForestWorkers(): Promise<void> {
  const all = pool.splice(0, pool.length);
  await Promise.all(all.map((w) => w.worker.terminate()));
}
