/**
 * `XᵀX` with the WebAssembly SIMD kernel, on the calling thread plus persistent worker threads sharing its memory.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { InputError } from "../core/index";
import { checkColumnMajor } from "./check-column-major";
import {
  CROSS_PRODUCT_MAX_PAGES,
  KERNEL_BLOCK_COLUMNS,
  WASM_PAGE_BYTES,
  crossProductKernelModule,
  webAssemblyRuntime,
  type BlockRowKernel,
  type WebAssemblyMemory,
} from "./cross-product-kernel";

/**
 * Rows per pass over a block row: the 4 columns of a block row (16 KiB) stay in L1, the panel's slice in L2/L3.
 *
 * @example
 * ```ts
 * Math.ceil(5000 / ROW_CHUNK); // => 10 passes for 5,000 rows
 * ```
 */
export const ROW_CHUNK = 512;

/**
 * Below this `nRows · nColumns²` (multiply-adds × 2) the product runs on the calling thread only: about 1 ms of work,
 * against some 0.1 ms to hand a job to a worker and wait for it.
 *
 * @example
 * ```ts
 * 1000 * 500 * 500 >= PARALLEL_THRESHOLD; // => true: HRP's 1,000 days × 500 assets use the workers
 * ```
 */
export const PARALLEL_THRESHOLD = 20_000_000;

/** A worker that has claimed a job but made no progress for this long is given up for dead (ms). */
const STALL_MS = 5_000;
/** Slice of each synchronous wait, after which the calling thread checks for progress (ms). */
const WAIT_SLICE_MS = 250;
/**
 * Work units per thread: the block rows are cut into this many ranges of equal work per thread. A task is one unit
 * over one {@link ROW_CHUNK} of rows; the threads take tasks one at a time in row-chunk order from a shared counter,
 * so all threads work on the same rows (shared in cache) and one slowed by other work on its core simply takes fewer.
 */
const UNITS_PER_THREAD = 8;
const MAX_UNITS = 64;

/** Fields of a worker's control block (an `Int32Array` over its own `SharedArrayBuffer`). */
const field = { ready: 0, seq: 1, state: 2, progress: 3 } as const;
const CONTROL_LENGTH = 4;
/**
 * Fields of the job block shared by the calling thread and all workers: the panel, the units' block-row bounds
 * (`units + 1` values from `bounds`) and, per unit, how many of its row chunks are done (from `done`: a unit's chunk c
 * waits for its chunk c − 1, so each entry of G is summed over the rows in order, whichever threads do the tasks).
 */
const jobField = { x: 0, stride: 1, rows: 2, g: 3, np: 4, chunk: 5, units: 6, tasks: 7, next: 8, bounds: 9, done: 10 + MAX_UNITS } as const;
const JOB_LENGTH = jobField.done + MAX_UNITS;
/** Job states in `field.state`. */
const state = { idle: 0, posted: 1, running: 2, done: 3, failed: 4, cancelled: 5 } as const;

/**
 * The worker's code, plain JavaScript run with `eval: true` (no TypeScript loader: it starts in a few milliseconds).
 * It instantiates the kernel over the shared memory, says it is ready, then waits for jobs: it claims a posted job
 * (posted → running), takes tasks from the shared counter until none is left (the same loop as {@link runTasks}),
 * and reports done or failed.
 */
const WORKER_CODE = `"use strict";
const { workerData } = require("node:worker_threads");
const ctl = new Int32Array(workerData.control);
const job = new Int32Array(workerData.job);
const blockRow = new WebAssembly.Instance(workerData.module, { env: { memory: workerData.memory } }).exports.blockRow;
Atomics.store(ctl, ${field.ready}, 1);
Atomics.notify(ctl, ${field.ready});
let seen = 0;
for (;;) {
  Atomics.wait(ctl, ${field.seq}, seen);
  seen = Atomics.load(ctl, ${field.seq});
  if (Atomics.compareExchange(ctl, ${field.state}, ${state.posted}, ${state.running}) !== ${state.posted}) continue;
  try {
    const x = job[${jobField.x}], stride = job[${jobField.stride}], rows = job[${jobField.rows}], g = job[${jobField.g}];
    const np = job[${jobField.np}], chunk = job[${jobField.chunk}], units = job[${jobField.units}], tasks = job[${jobField.tasks}];
    for (let k = Atomics.add(job, ${jobField.next}, 1); k < tasks; k = Atomics.add(job, ${jobField.next}, 1)) {
      const c = Math.floor(k / units), u = k - c * units;
      for (let d = Atomics.load(job, ${jobField.done} + u); d < c; d = Atomics.load(job, ${jobField.done} + u)) {
        Atomics.wait(job, ${jobField.done} + u, d, 1000);
      }
      const r0 = c * chunk, r1 = Math.min(rows, r0 + chunk), a1 = job[${jobField.bounds} + u + 1];
      for (let A = job[${jobField.bounds} + u]; A < a1; A++) blockRow(x, stride, r0, r1, g, np, A);
      Atomics.store(job, ${jobField.done} + u, c + 1);
      Atomics.notify(job, ${jobField.done} + u);
      Atomics.add(ctl, ${field.progress}, 1);
    }
    Atomics.store(ctl, ${field.state}, ${state.done});
  } catch {
    Atomics.store(ctl, ${field.state}, ${state.failed});
  }
  Atomics.notify(ctl, ${field.state});
}
`;

interface Helper {
  readonly worker: Worker;
  readonly control: Int32Array;
  alive: boolean;
}

interface Engine {
  readonly memory: WebAssemblyMemory;
  readonly kernel: BlockRowKernel;
  readonly module: object;
  /** The job block (see `jobField`), shared with the workers like the memory. */
  readonly job: Int32Array;
  /** Whether the memory is shared with worker threads (false after a worker failed: a fresh private memory). */
  readonly shared: boolean;
}

let engine: Engine | null | undefined;
const helpers: Helper[] = [];
/** Set when a worker failed or stalled: from then on this process computes on the calling thread only. */
let workersDisabled = false;

function createEngine(shared: boolean): Engine | null {
  const module = crossProductKernelModule();
  const wasm = webAssemblyRuntime();
  if (module === null || !wasm) return null;
  try {
    // The kernel imports a shared memory; a "private" engine still uses one, just never handed to a worker.
    const memory = new wasm.Memory({ initial: 1, maximum: CROSS_PRODUCT_MAX_PAGES, shared: true });
    const instance = new wasm.Instance(module, { env: { memory } });
    const job = new Int32Array(new SharedArrayBuffer(JOB_LENGTH * 4));
    return { memory, kernel: instance.exports.blockRow as BlockRowKernel, module, job, shared };
  } catch {
    return null;
  }
}

function getEngine(): Engine | null {
  if (engine === undefined) engine = createEngine(true);
  return engine;
}

function startHelper(e: Engine): Helper | null {
  try {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_LENGTH * 4));
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: { module: e.module, memory: e.memory, control: control.buffer, job: e.job.buffer } });
    const helper: Helper = { worker, control, alive: true };
    const lost = (): void => {
      helper.alive = false;
      const i = helpers.indexOf(helper);
      if (i >= 0) helpers.splice(i, 1);
    };
    worker.on("error", lost);
    worker.on("exit", lost);
    worker.unref(); // an idle worker never keeps the process alive
    helpers.push(helper);
    return helper;
  } catch {
    workersDisabled = true;
    return null;
  }
}

/**
 * Stop using workers for the rest of the process and move the calling thread to a fresh private memory and job block
 * (a stalled worker that wakes up later then writes only to the old ones).
 */
function disableWorkers(): void {
  workersDisabled = true;
  for (const h of helpers.splice(0, helpers.length)) {
    h.alive = false;
    void h.worker.terminate();
  }
  engine = createEngine(false);
}

function defaultWorkerCount(): number {
  return Math.max(0, Math.min(availableParallelism(), 4) - 1);
}

/**
 * Takes tasks (a unit's block rows over one row chunk) from the job's counter until none is left: what the worker
 * code does, on the calling thread, except that waiting for a unit's previous chunk gives up after {@link STALL_MS}
 * without progress (a dead worker).
 *
 * @returns false when it gave up.
 */
function runTasks(kernel: BlockRowKernel, job: Int32Array): boolean {
  const [x, stride, rows, g, np] = [job[jobField.x]!, job[jobField.stride]!, job[jobField.rows]!, job[jobField.g]!, job[jobField.np]!];
  const [chunk, units, tasks] = [job[jobField.chunk]!, job[jobField.units]!, job[jobField.tasks]!];
  for (let k = Atomics.add(job, jobField.next, 1); k < tasks; k = Atomics.add(job, jobField.next, 1)) {
    const c = Math.floor(k / units);
    const u = k - c * units;
    let quiet = 0;
    for (let d = Atomics.load(job, jobField.done + u); d < c; d = Atomics.load(job, jobField.done + u)) {
      if (Atomics.wait(job, jobField.done + u, d, WAIT_SLICE_MS) === "timed-out" && (quiet += WAIT_SLICE_MS) >= STALL_MS) return false;
    }
    const r0 = c * chunk;
    const r1 = Math.min(rows, r0 + chunk);
    const a1 = job[jobField.bounds + u + 1]!;
    for (let A = job[jobField.bounds + u]!; A < a1; A++) kernel(x, stride, r0, r1, g, np, A);
    Atomics.store(job, jobField.done + u, c + 1);
    Atomics.notify(job, jobField.done + u);
  }
  return true;
}

/**
 * Splits block rows `0 … nb − 1` (block row A holds A + 1 blocks) into `parts` ranges of about equal work.
 */
function splitBlockRows(nb: number, parts: number): number[] {
  const total = (nb * (nb + 1)) / 2;
  const bounds = [0];
  let cumulative = 0;
  let A = 0;
  for (let k = 1; k < parts; k++) {
    const target = (total * k) / parts;
    while (A < nb && cumulative + (A + 1) / 2 <= target) cumulative += A++ + 1;
    bounds.push(A);
  }
  bounds.push(nb);
  return bounds;
}

type Outcome = "done" | "cancelled" | "failed";

/** Waits synchronously for a helper to finish its tasks; withdraws the job when the helper had not started it yet. */
function awaitHelper(h: Helper): Outcome {
  const c = h.control;
  if (Atomics.compareExchange(c, field.state, state.posted, state.cancelled) === state.posted) return "cancelled";
  let progress = Atomics.load(c, field.progress);
  let quiet = 0;
  for (;;) {
    const s = Atomics.load(c, field.state);
    if (s === state.done) return "done";
    if (s !== state.running) return "failed";
    if (Atomics.wait(c, field.state, state.running, WAIT_SLICE_MS) === "timed-out") {
      const p = Atomics.load(c, field.progress);
      if (p !== progress) {
        progress = p;
        quiet = 0;
      } else if ((quiet += WAIT_SLICE_MS) >= STALL_MS) {
        return "failed";
      }
    }
  }
}

/**
 * Options of {@link wasmCrossProduct} (the defaults suit all callers; tests use them to reach every path).
 *
 * @example
 * ```ts
 * wasmCrossProduct(x, nRows, nColumns, { workers: 0, panelRows: 1024 }); // this thread only, 1,024 rows at a time
 * ```
 */
export interface WasmCrossProductOptions {
  /**
   * Worker threads to use besides the calling one: default `min(availableParallelism, 4) − 1` when
   * `nRows·nColumns² ≥` {@link PARALLEL_THRESHOLD}, else 0. Only workers already running are used (they start on the
   * first large product and serve the following ones; see {@link startCrossProductWorkers}).
   */
  readonly workers?: number;
  /** Rows copied into the WebAssembly memory at a time (rounded up to a multiple of {@link ROW_CHUNK}); default all that fit. */
  readonly panelRows?: number;
}

/**
 * `G = XᵀX` for column-major `X` (`columns[j·nRows + i]` = row `i`, column `j`) with the WebAssembly SIMD kernel
 * (`cross-product-kernel.wat`), or `null` when the runtime lacks WebAssembly SIMD or shared memory, or when
 * `nColumns` is so large that `G` does not fit the kernel's 1 GiB memory (the caller then uses its JavaScript kernel).
 *
 * X is copied (padded with zero columns to a multiple of 4, the kernel's block rows) into a shared
 * `WebAssembly.Memory`, in row panels when it does not fit. The lower-triangle block rows are cut into units of equal
 * work; the calling thread and the workers (waiting for jobs with `Atomics.wait`) take tasks — one unit over one
 * {@link ROW_CHUNK} of rows — one at a time from a shared counter, row chunk after row chunk; the calling thread then
 * waits synchronously for the workers' last tasks. A unit's row chunks are summed in order, whichever thread takes
 * them, so results are the same, bit for bit, with or without workers (and with any panel size). A worker that fails or stalls is dropped and the product recomputed by the caller (`null`); from then on the
 * process computes on the calling thread only. `NaN` and `±Infinity` propagate as in IEEE arithmetic.
 *
 * @param columns column-major values, length `nRows × nColumns`.
 * @param nRows number of rows (observations).
 * @param nColumns number of columns.
 * @param options `{ workers, panelRows }`.
 * @returns a new row-major `nColumns × nColumns` symmetric matrix, or `null` (see above).
 * @throws InputError when the length is not `nRows × nColumns`.
 *
 * @example
 * ```ts
 * // X = [[1, 2], [3, 4]] (rows), stored by column as [1, 3, 2, 4]
 * wasmCrossProduct(Float64Array.from([1, 3, 2, 4]), 2, 2); // => Float64Array [10, 14, 14, 20]
 * ```
 */
export function wasmCrossProduct(columns: Float64Array, nRows: number, nColumns: number, options: WasmCrossProductOptions = {}): Float64Array | null {
  checkColumnMajor(columns, nRows, nColumns, "wasmCrossProduct");
  const t = nRows;
  const copy: ColumnPanelWriter = (target, stride, firstRow, rows) => {
    for (let j = 0; j < nColumns; j++) target.set(columns.subarray(j * t + firstRow, j * t + firstRow + rows), j * stride);
  };
  return crossProductOfWrittenPanels(copy, nRows, nColumns, options);
}

/**
 * Writes rows `firstRow … firstRow + rows − 1` of a column-major `nRows × nColumns` matrix into `target`, column `j`
 * from `target[j·stride]` (`stride ≥ rows`): how {@link wasmCrossPanels} lets a caller produce `X` straight into the
 * kernel's memory, with no `nRows × nColumns` array of its own. Called once per row panel, panels in row order; it
 * must not itself compute a cross product (the memory it writes into is the kernel's).
 *
 * @example
 * ```ts
 * // X = [[1, 2], [3, 4]]: column 0 is (1, 3), column 1 is (2, 4)
 * const write: ColumnPanelWriter = (target, stride, firstRow, rows) => {
 *   for (let i = 0; i < rows; i++) { target[i] = 1 + 2 * (firstRow + i); target[stride + i] = 2 + 2 * (firstRow + i); }
 * };
 * ```
 */
export type ColumnPanelWriter = (target: Float64Array, stride: number, firstRow: number, rows: number) => void;

/**
 * `G = XᵀX` as {@link wasmCrossProduct}, with `X` written by `write` straight into the kernel's shared memory, one row
 * panel at a time, instead of copied from a column-major array: the caller computes `X` (returns, centred, say) in
 * the pass that lays it out, and no `nRows × nColumns` array is allocated (on a 5,000 × 500 matrix that saves 20 MB
 * of fresh pages and a copy). The same kernel, work split and summation order, so the result is bit for bit
 * `wasmCrossProduct` of the matrix `write` describes. `null` in the same cases (no WebAssembly SIMD or shared memory,
 * `G` too large, a worker failed); `write` may then have been called for some panels.
 *
 * @param write writes each row panel of `X` (see {@link ColumnPanelWriter}); must write every cell it is asked for.
 * @param nRows number of rows (observations).
 * @param nColumns number of columns.
 * @param options `{ workers, panelRows }` as for {@link wasmCrossProduct}.
 * @returns a new row-major `nColumns × nColumns` symmetric matrix, or `null`.
 * @throws InputError when `nRows` or `nColumns` is not a whole number ≥ 0.
 *
 * @example
 * ```ts
 * const write: ColumnPanelWriter = (target, stride, firstRow, rows) => {
 *   for (let i = 0; i < rows; i++) { target[i] = 1 + 2 * (firstRow + i); target[stride + i] = 2 + 2 * (firstRow + i); }
 * };
 * wasmCrossPanels(write, 2, 2); // => Float64Array [10, 14, 14, 20]
 * ```
 */
export function wasmCrossPanels(write: ColumnPanelWriter, nRows: number, nColumns: number, options: WasmCrossProductOptions = {}): Float64Array | null {
  checkShape(nRows, nColumns, "wasmCrossPanels");
  return crossProductOfWrittenPanels(write, nRows, nColumns, options);
}

function checkShape(nRows: number, nColumns: number, caller: string): void {
  if (!Number.isSafeInteger(nRows) || !Number.isSafeInteger(nColumns) || nRows < 0 || nColumns < 0) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: ${nRows} rows × ${nColumns} columns is not a matrix shape; pass whole numbers ≥ 0`, { nRows, nColumns });
  }
}

function crossProductOfWrittenPanels(write: ColumnPanelWriter, nRows: number, nColumns: number, options: WasmCrossProductOptions): Float64Array | null {
  const t = nRows;
  const n = nColumns;
  if (t === 0 || n === 0) return new Float64Array(n * n);
  const e = getEngine();
  if (e === null) return null;

  // Layout: G (np × np) at byte 0, then the X panel, `stride` rows per column (even, so columns are 16-byte aligned).
  const np = Math.ceil(n / KERNEL_BLOCK_COLUMNS) * KERNEL_BLOCK_COLUMNS;
  const nb = np / KERNEL_BLOCK_COLUMNS;
  const gBytes = np * np * 8;
  const capacityRows = Math.floor((CROSS_PRODUCT_MAX_PAGES * WASM_PAGE_BYTES - gBytes) / (np * 8));
  const fitRows = capacityRows >= t + (t % 2) ? t : Math.floor(capacityRows / ROW_CHUNK) * ROW_CHUNK;
  const askedRows = options.panelRows === undefined ? t : Math.max(ROW_CHUNK, Math.ceil(options.panelRows / ROW_CHUNK) * ROW_CHUNK);
  const panelRows = Math.min(t, fitRows, askedRows);
  if (panelRows < 1) return null;
  const stride = panelRows + (panelRows % 2);
  const needBytes = gBytes + stride * np * 8;
  const havePages = e.memory.buffer.byteLength / WASM_PAGE_BYTES;
  const needPages = Math.ceil(needBytes / WASM_PAGE_BYTES);
  if (needPages > havePages) {
    try {
      e.memory.grow(needPages - havePages);
    } catch {
      return null;
    }
  }
  const memory = new Float64Array(e.memory.buffer, 0, needBytes / 8);
  memory.fill(0, 0, np * np);
  memory.fill(0, np * np + n * stride, np * np + np * stride); // the zero padding columns
  const x = gBytes;
  const xIndex = gBytes / 8;

  // Workers: those already running (start more for the next products when this one is large).
  const wanted = workersDisabled || !e.shared ? 0 : Math.max(0, Math.floor(options.workers ?? (t * n * n >= PARALLEL_THRESHOLD ? defaultWorkerCount() : 0)));
  while (helpers.length < wanted && !workersDisabled) if (startHelper(e) === null) break;
  const team = helpers.filter((h) => h.alive && Atomics.load(h.control, field.ready) === 1).slice(0, Math.min(wanted, nb - 1));
  // Work units: block-row ranges of equal work (block row A holds A + 1 blocks); one unit when alone.
  const bounds = splitBlockRows(nb, team.length === 0 ? 1 : Math.min(nb, MAX_UNITS, UNITS_PER_THREAD * (team.length + 1)));
  const units = bounds.length - 1;
  const job = e.job;
  job[jobField.x] = x;
  job[jobField.stride] = stride;
  job[jobField.g] = 0;
  job[jobField.np] = np;
  job[jobField.chunk] = ROW_CHUNK;
  job[jobField.units] = units;
  job.set(bounds, jobField.bounds);

  for (let p0 = 0; p0 < t; p0 += panelRows) {
    const rows = Math.min(panelRows, t - p0);
    write(memory.subarray(xIndex, xIndex + n * stride), stride, p0, rows);
    job[jobField.rows] = rows;
    job[jobField.tasks] = units * Math.ceil(rows / ROW_CHUNK);
    job.fill(0, jobField.done, jobField.done + units);
    Atomics.store(job, jobField.next, 0);
    for (const h of team) {
      Atomics.store(h.control, field.state, state.posted);
      Atomics.add(h.control, field.seq, 1);
      Atomics.notify(h.control, field.seq);
    }
    let failed = !runTasks(e.kernel, job);
    for (const h of team) failed = (failed ? "failed" : awaitHelper(h)) === "failed" || failed;
    if (failed) {
      disableWorkers();
      return null;
    }
  }

  // The lower triangle, mirrored (the diagonal blocks' upper cells are overwritten by the mirror).
  const g = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b <= a; b++) {
      const v = memory[a * np + b]!;
      g[a * n + b] = v;
      g[b * n + a] = v;
    }
  }
  return g;
}

/**
 * Starts the cross-product worker threads now (they otherwise start on the first product with
 * `nRows·nColumns² ≥` {@link PARALLEL_THRESHOLD}, which itself still runs on the calling thread) and resolves when
 * they are ready. Idle workers never keep the process alive.
 *
 * @param count workers wanted (default `min(availableParallelism, 4) − 1`).
 * @returns the number of ready workers (0 where WebAssembly SIMD, shared memory or workers are unavailable).
 *
 * @example
 * ```ts
 * await startCrossProductWorkers(1); // => 1
 * ```
 */
export async function startCrossProductWorkers(count: number = defaultWorkerCount()): Promise<number> {
  const e = getEngine();
  if (e === null || !e.shared || workersDisabled) return 0;
  while (helpers.length < count) if (startHelper(e) === null) break;
  const starting = helpers.slice(0, count);
  for (let waited = 0; waited < 10_000; waited += 5) {
    if (starting.every((h) => !h.alive || Atomics.load(h.control, field.ready) === 1)) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return starting.filter((h) => h.alive && Atomics.load(h.control, field.ready) === 1).length;
}

/**
 * Stops the cross-product worker threads (they restart on the next large product).
 *
 * @example
 * ```ts
 * await stopCrossProductWorkers();
 * ```
 */
export async function stopCrossProductWorkers(): Promise<void> {
  const all = helpers.splice(0, helpers.length);
  for (const h of all) h.alive = false;
  await Promise.all(all.map((h) => h.worker.terminate()));
}

/**
 * The running cross-product worker threads (for diagnostics and tests).
 *
 * @returns the `Worker` objects, in start order.
 *
 * @example
 * ```ts
 * await startCrossProductWorkers(1);
 * crossProductWorkerThreads().length; // => 1
 * ```
 */
export function crossProductWorkerThreads(): readonly Worker[] {
  return helpers.map((h) => h.worker);
}
