import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError } from "../core/index";
import { packagePath } from "../core/index";
import { ensureKernelSpec, jupyterPath, KERNEL_NAME } from "./kernel-spec";
import { reserveKernelPorts, type KernelPortReservation } from "./kernel-ports";
import { cellSource, readNotebook, writeNotebook, type NotebookEntry } from "./notebook-file";
import { findParametersCell, injectParameters } from "./parameters";

/** Python with Jupyter (Debian's `/usr/bin/python3`, or `WORKBOOK_PYTHON`). */
export function jupyterPython(): string {
  return process.env.WORKBOOK_PYTHON ?? "/usr/bin/python3";
}

/** Why a notebook run stopped. */
export interface NotebookFailure {
  /** `cell`: the cell threw; `timeout`: the per-cell timeout passed; `dead_kernel`; `async`: a timer or unawaited promise threw; `startup`: the kernel did not start; `runner`: the runner or its executor failed (e.g. the executor was killed: the message names the signal and the cell). */
  readonly kind: "cell" | "timeout" | "dead_kernel" | "async" | "startup" | "runner";
  /** 0-based index of the failing cell in the notebook, or -1. */
  readonly cellIndex: number;
  /** The failing cell's source. */
  readonly source: string;
  /** The real error message and stack, with tslab's internal frames removed. */
  readonly message: string;
}

/** The outcome of running one notebook. */
export interface NotebookRun {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  /** The executed notebook (outputs included, also on failure). */
  readonly outputPath: string;
  readonly cells: number;
  readonly failure?: NotebookFailure;
  /** Seconds per executed code cell, by cell index. */
  readonly cellSeconds: Readonly<Record<number, number>>;
  /** Seconds of the first code cell (the import cell: loading the library in a fresh kernel), if it ran. */
  readonly importSeconds?: number;
  /** Process id the kernel had (gone when the run returns), if it started. */
  readonly kernelPid?: number;
}

/** Progress events while a notebook runs. */
export type RunEvent =
  | { readonly type: "start"; readonly name: string; readonly cells: number }
  | { readonly type: "cell"; readonly name: string; readonly index: number; readonly cells: number; readonly seconds: number }
  | { readonly type: "done"; readonly run: NotebookRun };

/** Options of {@link runNotebook}. */
export interface RunNotebookOptions {
  /** Parameter overrides, `name → value` as typed on the command line. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Per-cell timeout in seconds (default 600). */
  readonly cellTimeoutSeconds?: number;
  /** Folder for executed notebooks (default `build/notebooks`). */
  readonly outputDir?: string;
  /**
   * The folder the kernel starts in, where `allocation-workbook` is resolved (default: this checkout, whose
   * `node_modules/allocation-workbook` links to its `dist/`). A project that installed the package with npm runs
   * its notebooks against that install.
   */
  readonly kernelCwd?: string;
  readonly onEvent?: (event: RunEvent) => void;
}

/**
 * Removes tslab's and Node's internal frames from a stack, keeping the user's.
 *
 * @example
 * ```ts
 * trimStack("Error: x\n    at evalmachine.<anonymous>:2:7\n    at Script.runInThisContext (node:vm:135:14)");
 * // => "Error: x\n    at evalmachine.<anonymous>:2:7"
 * ```
 */
export function trimStack(text: string): string {
  const lines = text.split("\n");
  const internal = (l: string) => /^\s+at /.test(l) && /(node_modules[\\/]tslab|node:vm|node:internal|sigintHandlersWrap)/.test(l);
  const kept = lines.filter((l) => !internal(l));
  const hidden = lines.length - kept.length;
  return (kept.join("\n").trimEnd() + (hidden > 0 ? `\n    (${hidden} frames of tslab and Node internals hidden)` : "")).trim();
}

interface ExecutorEvent {
  event: "start" | "cell_start" | "cell_done" | "failure" | "done";
  cells?: number;
  index?: number;
  seconds?: number;
  kind?: NotebookFailure["kind"];
  message?: string;
  ok?: boolean;
}

/**
 * Executes one notebook headless in the project's tslab kernel, writing the executed copy
 * to `build/notebooks/NAME.ipynb`. Never throws for a failing cell: the failure is in the result.
 *
 * @example
 * ```ts
 * const run = await runNotebook({ name: "00-tour", number: "00", path: "notebooks/00-tour.ipynb" }, { parameters: { years: "3" } });
 * run.ok; // => true
 * ```
 * @throws InputError for an unknown parameter or a notebook without a parameters cell.
 */
export async function runNotebook(entry: NotebookEntry, options: RunNotebookOptions = {}): Promise<NotebookRun> {
  // A port another program took between the reservation and the kernel's bind fails the start
  // ("in use"): that start is tried once more on fresh ports. Nothing of the notebook had run.
  for (let attempt = 1; ; attempt++) {
    const ports = await reserveKernelPorts();
    let run: NotebookRun;
    try {
      run = await runNotebookOnce(entry, options, ports, attempt === 1);
    } finally {
      ports.release();
    }
    const portClash = run.failure?.kind === "startup" && /in use|EADDRINUSE/i.test(run.failure.message);
    if (!portClash || attempt >= 2) {
      recordFailure(run, dirname(run.outputPath));
      options.onEvent?.({ type: "done", run });
      return run;
    }
  }
}

async function runNotebookOnce(entry: NotebookEntry, options: RunNotebookOptions, reservation: KernelPortReservation, announce: boolean): Promise<NotebookRun> {
  const outputDir = options.outputDir ?? packagePath("build", "notebooks");
  const timeout = options.cellTimeoutSeconds ?? 600;
  if (!(timeout > 0)) throw new InputError("BAD_TIMEOUT", `runNotebook: cell timeout must be a positive number of seconds, got ${timeout}`);
  const source = readNotebook(entry.path);
  findParametersCell(source, entry.name);
  const prepared = injectParameters(source, options.parameters ?? {}, entry.name);
  mkdirSync(outputDir, { recursive: true });
  const outputPath = join(outputDir, `${entry.name}.ipynb`);
  writeNotebook(outputPath, prepared);
  ensureKernelSpec();

  const errorsFile = join(outputDir, `.${entry.name}.async-errors.jsonl`);
  const pidFile = join(outputDir, `.${entry.name}.kernel.pid`);
  rmSync(errorsFile, { force: true });
  rmSync(pidFile, { force: true });
  const python = jupyterPython();
  const executor = packagePath("scripts", "kernel", "execute.py");
  const cellSeconds: Record<number, number> = {};
  let failure: NotebookFailure | undefined;
  let cells = prepared.cells.length;
  let seconds = 0;
  let sawDone = false;
  const started = Date.now();
  const emit = options.onEvent ?? (() => {});
  const { shell, iopub, stdin, control, hb } = reservation.ports;

  const stderrChunks: string[] = [];
  let runningCell = -1;
  let executorPid: number | undefined;
  let executorSignal: NodeJS.Signals | null = null;
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(python, [executor, outputPath, "--kernel", KERNEL_NAME, "--timeout", String(timeout), "--errors-file", errorsFile, "--ports", [shell, iopub, stdin, control, hb].join(",")], {
      // WORKBOOK_KERNEL_BUILD=0: the runner has built dist/ before any kernel started (ensureLibraryBuilt); a kernel
      // rebuilding it while others run would change the declarations their tslab watches.
      env: { ...process.env, JUPYTER_PATH: jupyterPath(), WORKBOOK_ASYNC_ERRORS: errorsFile, WORKBOOK_KERNEL_PID_FILE: pidFile, WORKBOOK_KERNEL_BUILD: "0", PYTHONUNBUFFERED: "1", ...(options.kernelCwd === undefined ? {} : { WORKBOOK_KERNEL_CWD: options.kernelCwd }) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let buffer = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.trim()) continue;
        let ev: ExecutorEvent;
        try {
          ev = JSON.parse(line) as ExecutorEvent;
        } catch {
          stderrChunks.push(line + "\n");
          continue;
        }
        if (ev.event === "cell_start") runningCell = ev.index ?? runningCell;
        else if (ev.event === "start") {
          cells = ev.cells ?? cells;
          if (announce) emit({ type: "start", name: entry.name, cells });
        } else if (ev.event === "cell_done") {
          cellSeconds[ev.index!] = ev.seconds!;
          emit({ type: "cell", name: entry.name, index: ev.index!, cells, seconds: ev.seconds! });
        } else if (ev.event === "failure") {
          const index = ev.index ?? -1;
          failure = {
            kind: ev.kind ?? "cell",
            cellIndex: index,
            source: index >= 0 ? cellSource(prepared.cells[index]!) : "",
            message: trimStack(ev.message ?? ""),
          };
        } else if (ev.event === "done") {
          sawDone = true;
          seconds = ev.seconds ?? 0;
        }
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => stderrChunks.push(chunk));
    child.on("error", (err) => {
      stderrChunks.push(`cannot start ${python}: ${err.message}\n`);
      resolve(127);
    });
    executorPid = child.pid;
    child.on("exit", (code, signal) => {
      executorSignal = signal;
      // A killed executor cannot end its kernel, and the kernel still holds the executor's output
      // pipes, so "close" would never come: end the kernel now. Whatever the exit, stop waiting for
      // the pipes a few seconds after it.
      if (signal !== null) endKernel(pidFile);
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        resolve(code ?? 1);
      }, 5_000).unref();
    });
    child.on("close", (code) => resolve(code ?? 1));
  });
  rmSync(errorsFile, { force: true });
  const kernelPid = endLeftoverKernel(pidFile);

  // When the kernel could not start or died, its own output (on the executor's stderr) names the cause.
  if (failure && (failure.kind === "startup" || failure.kind === "dead_kernel")) {
    const kernelOutput = stderrChunks.join("").trim().split("\n").slice(-30).join("\n");
    if (kernelOutput) failure = { ...failure, message: `${failure.message}\nkernel output:\n${kernelOutput}` };
  }

  if (!sawDone && !failure && executorSignal !== null) {
    const where = runningCell >= 0 ? `while cell ${runningCell + 1} ran` : "before any cell ran";
    failure = {
      kind: "runner",
      cellIndex: runningCell,
      source: runningCell >= 0 ? cellSource(prepared.cells[runningCell]!) : "",
      message:
        `the notebook executor (${python} ${executor}, pid ${executorPid}) was killed by ${executorSignal} ${where}` +
        `${kernelPid !== undefined ? `; its kernel (pid ${kernelPid}) was ended` : ""}. Nothing in the notebook failed: run it again` +
        `${executorSignal === "SIGKILL" ? " (a SIGKILL nobody sent by hand usually means the machine ran out of memory)" : ""}`,
    };
  }
  if (!sawDone && !failure) {
    const stderr = stderrChunks.join("").trim();
    const hint = /No module named '?nbclient|nbformat/.test(stderr) || exitCode === 127
      ? `Jupyter is not installed for ${python}: run \`npm run setup\``
      : "the executor stopped without a result";
    failure = { kind: "runner", cellIndex: -1, source: "", message: `${hint}\n${stderr.split("\n").slice(-20).join("\n")}`.trim() };
  }
  if (!failure && exitCode !== 0) {
    // The executor reported every cell done but still exited non-zero (a kernel that would not shut down,
    // a notebook that could not be written…): keep what it said, never a bare "FAILED".
    const stderr = stderrChunks.join("").trim();
    failure = { kind: "runner", cellIndex: -1, source: "", message: `the notebook executor exited with code ${exitCode} after the last cell${stderr ? `:\n${stderr.split("\n").slice(-40).join("\n")}` : " and said nothing"}` };
  }
  const firstCode = prepared.cells.findIndex((c) => c.cell_type === "code");
  const importSeconds = firstCode >= 0 ? cellSeconds[firstCode] : undefined;
  const run: NotebookRun = {
    name: entry.name,
    ok: exitCode === 0 && !failure,
    seconds: seconds || (Date.now() - started) / 1000,
    outputPath,
    cells,
    cellSeconds,
    ...(importSeconds !== undefined ? { importSeconds } : {}),
    ...(kernelPid !== undefined ? { kernelPid } : {}),
    ...(failure ? { failure } : {}),
  };
  return run;
}

/** The path of the failure record a failed run leaves beside its executed notebook (`NAME.failure.txt`, and `.json`). */
export function failureRecordPath(outputDir: string, name: string): string {
  return join(outputDir, `${name}.failure.txt`);
}

/** Writes the whole failure (notebook, cell, source, message, stack) next to the executed notebook, or removes a stale one. */
function recordFailure(run: NotebookRun, outputDir: string): void {
  const text = failureRecordPath(outputDir, run.name);
  const json = text.replace(/\.txt$/, ".json");
  if (!run.failure) {
    rmSync(text, { force: true });
    rmSync(json, { force: true });
    return;
  }
  const record = { notebook: run.name, at: new Date().toISOString(), seconds: run.seconds, cell: run.failure.cellIndex + 1, cells: run.cells, ...run.failure };
  writeFileSync(text, formatFailure(run) + "\n");
  writeFileSync(json, JSON.stringify(record, null, 2) + "\n");
}

/**
 * Ends the kernel of a finished run if it is still alive (Jupyter normally shuts it down), so no
 * kernel process outlives the run. Returns the kernel's process id, if it wrote one.
 */
function endLeftoverKernel(pidFile: string): number | undefined {
  const pid = endKernel(pidFile);
  rmSync(pidFile, { force: true });
  return pid;
}

/** Ends the kernel named in the pid file if it is alive; returns its pid (the file is kept). */
function endKernel(pidFile: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8"));
  } catch {
    return undefined;
  }
  if (!(pid > 0)) return undefined;
  try {
    process.kill(pid, 0);
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
  return pid;
}

/**
 * A readable account of a failed run: notebook, cell number, the cell's source, the message and stack.
 *
 * @example
 * ```ts
 * console.log(formatFailure(run));
 * // ✗ 99-failing: cell 4 of 5 failed (cell)
 * // ── source ──
 * // throw new Error("deliberate")
 * // ── error ──
 * // Error: deliberate …
 * ```
 */
export function formatFailure(run: NotebookRun): string {
  const f = run.failure;
  if (!f) return `✓ ${run.name}`;
  const where = f.cellIndex >= 0 ? `cell ${f.cellIndex + 1} of ${run.cells}` : "before any cell";
  const lines = [`✗ ${run.name}: ${where} failed (${f.kind})`];
  if (f.source) lines.push("── source ──", f.source.trimEnd());
  lines.push("── error ──", f.message || "(no message)");
  if (existsSync(run.outputPath)) lines.push(`── executed notebook: ${run.outputPath}`);
  const record = failureRecordPath(dirname(run.outputPath), run.name);
  if (existsSync(record)) lines.push(`── failure record: ${record}`);
  return lines.join("\n");
}
