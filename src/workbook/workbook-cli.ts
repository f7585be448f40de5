import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { InputError } from "../core/index";
import { packagePath, progressReporter, type ProgressUpdate } from "../core/index";
import { listNotebooks, selectNotebooks } from "./notebook-file";
import { writeReport } from "./report";
import { ensureLibraryBuilt } from "./library-build";
import { runInPool } from "./run-in-pool";
import { formatFailure, runNotebook, type NotebookRun, type RunEvent } from "./run-notebook";

/** Parsed arguments of `npm run workbook`. */
export interface WorkbookArgs {
  readonly selectors: string[];
  readonly parameters: Record<string, string>;
  readonly cellTimeoutSeconds: number;
  readonly report: boolean;
  readonly notebooksDir: string;
  /** Build folder, absolute (`--out` resolved against the working directory): executed notebooks go to `OUT/notebooks`, the report to `OUT/report`; nothing is written outside it. */
  readonly outDir: string;
  /** Notebooks run at the same time, each in its own kernel (`--jobs`). Default {@link defaultJobs}. */
  readonly jobs: number;
  /** `--quiet`: no progress (neither the cells nor the bar), only failures, the report's path and the summary. */
  readonly quiet: boolean;
  readonly help: boolean;
}

/**
 * The default number of notebooks run at once: one per core, at most 4. Each notebook has its own kernel and
 * process, and notebooks do not read each other's output, so they can run side by side; most of a notebook's
 * start is tslab compiling the library on one core.
 *
 * @returns a whole number ≥ 1.
 * @example
 * ```ts
 * defaultJobs(); // => 2 on a 2-core machine
 * ```
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export const WORKBOOK_USAGE = `Usage: npm run workbook -- [NOTEBOOK ...] [--param NAME=VALUE ...] [--timeout SECONDS] [--no-report]

Executes the notebooks of notebooks/ in order, headless, in the project's tslab kernel.
Writes executed notebooks to build/notebooks/, an offline HTML report to build/report/,
and prints a summary. Exits non-zero when any cell fails.

  NOTEBOOK            a number (05) or name (05-allocation); default: every notebook
  --param NAME=VALUE  override a value of the notebooks' parameters cell (repeatable)
  --timeout SECONDS   per-cell timeout (default 600)
  --jobs N            notebooks run at the same time, each in its own kernel
                      (default: one per core, at most 4; --jobs 1 runs them one by one)
  --notebooks DIR     folder of notebooks (default notebooks/)
  --out DIR           build folder (default build/): DIR/notebooks and DIR/report
  --no-report         skip the HTML report
  --quiet             no progress, only failures and the summary (on a terminal the progress is
                      one bar: notebooks done, rate, time left and the cell running; elsewhere a
                      line per cell and a line each quarter of the way)
  --help              this text`;

/**
 * Parses `npm run workbook` arguments.
 *
 * @example
 * ```ts
 * parseWorkbookArgs(["05", "--param", "universeSize=50"]).parameters; // => { universeSize: "50" }
 * ```
 * @throws InputError for an unknown flag or a malformed value, naming it.
 */
export function parseWorkbookArgs(argv: readonly string[]): WorkbookArgs {
  const args: WorkbookArgs = { selectors: [], parameters: {}, cellTimeoutSeconds: 600, report: true, notebooksDir: packagePath("notebooks"), outDir: packagePath("build"), jobs: defaultJobs(), quiet: false, help: false };
  const mutable = args as { -readonly [K in keyof WorkbookArgs]: WorkbookArgs[K] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (flag: string) => {
      const v = argv[++i];
      if (v === undefined) throw new InputError("MISSING_VALUE", `workbook: ${flag} needs a value\n\n${WORKBOOK_USAGE}`, { flag });
      return v;
    };
    if (a === "--help" || a === "-h") mutable.help = true;
    else if (a === "--no-report") mutable.report = false;
    else if (a === "--quiet" || a === "-q") mutable.quiet = true;
    else if (a === "--param" || a.startsWith("--param=")) {
      const kv = a === "--param" ? value(a) : a.slice("--param=".length);
      const eq = kv.indexOf("=");
      if (eq <= 0) throw new InputError("BAD_PARAM", `workbook: --param takes NAME=VALUE, got "${kv}"`, { param: kv });
      mutable.parameters[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (a === "--timeout") {
      const t = Number(value(a));
      if (!(t > 0)) throw new InputError("BAD_TIMEOUT", `workbook: --timeout takes a positive number of seconds, got "${argv[i]}"`);
      mutable.cellTimeoutSeconds = t;
    } else if (a === "--jobs" || a.startsWith("--jobs=")) {
      const text = a === "--jobs" ? value(a) : a.slice("--jobs=".length);
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1) throw new InputError("BAD_JOBS", `workbook: --jobs takes a whole number ≥ 1, got "${text}"`, { jobs: text });
      mutable.jobs = n;
    } else if (a === "--notebooks") mutable.notebooksDir = resolve(value(a));
    else if (a === "--out") mutable.outDir = resolve(value(a)); // relative to the working directory, as the user typed it
    else if (a.startsWith("-")) throw new InputError("UNKNOWN_FLAG", `workbook: unknown flag ${a}\n\n${WORKBOOK_USAGE}`, { flag: a });
    else mutable.selectors.push(a);
  }
  return args;
}

function progressLine(event: RunEvent): string | undefined {
  if (event.type === "start") return `▶ ${event.name} (${event.cells} cells)`;
  if (event.type === "cell") return `  ${event.name} cell ${event.index + 1}/${event.cells} ✓ ${event.seconds.toFixed(2)} s`;
  return undefined;
}

/** The runner's default output: standard output, a line at a time. */
const printLine = (line: string): void => console.log(line);

/**
 * The runner's progress, on core's one `progressReporter`: on a terminal one bar on standard error (notebooks done,
 * rate, time left, the cell running), which a line the runner prints first clears; elsewhere (CI, a log, a caller's
 * own `log`) a line per cell as before plus the reporter's line each quarter of the way; nothing with `--quiet`.
 */
function workbookProgress(log: (line: string) => void, quiet: boolean, total: number) {
  const terminal = log === printLine && process.stderr.isTTY === true;
  const stream = log === printLine ? process.stderr : { write: (text: string) => log(text.replace(/\n$/, "")) };
  const report = progressReporter({ stream, quiet, unit: "notebooks" });
  let done = 0;
  let failed = 0;
  const update = (note?: string): ProgressUpdate => {
    const notes = [failed > 0 ? `${failed} failed` : "", note ?? ""].filter((n) => n !== "");
    return { label: "workbook", done, total, ...(notes.length > 0 ? { note: notes.join(" · ") } : {}) };
  };
  if (total > 0) report(update());
  return {
    /** A line of the runner's own (a failure): on a terminal it first clears the bar's line. */
    say(line: string): void {
      if (terminal) process.stderr.write("\r\u001b[K");
      log(line);
    },
    event(e: RunEvent): void {
      if (quiet) return;
      if (terminal) {
        if (e.type === "cell") report(update(`${e.name} cell ${e.index + 1}/${e.cells}`));
        return;
      }
      const line = progressLine(e);
      if (line) log(line);
    },
    finished(ok: boolean): void {
      done += 1;
      if (!ok) failed += 1;
      report(update());
    },
  };
}

/**
 * The terminal summary: notebook, status, seconds, and the seconds of its import cell (loading the library
 * in a fresh kernel; goal ≤ 1.5 s on an idle machine).
 *
 * @example
 * ```ts
 * summaryTable([{ name: "00-tour", ok: true, seconds: 4.2, importSeconds: 0.6 } as NotebookRun]);
 * // => "notebook  status   seconds  import s\n00-tour   ok           4.2      0.60\n…"
 * ```
 */
export function summaryTable(runs: readonly Pick<NotebookRun, "name" | "ok" | "seconds" | "importSeconds">[], wall?: { readonly seconds: number; readonly jobs: number }): string {
  const width = Math.max(8, ...runs.map((r) => r.name.length));
  const imports = (r: Pick<NotebookRun, "importSeconds">) => (r.importSeconds === undefined ? "—" : r.importSeconds.toFixed(2)).padStart(8);
  const lines = [`${"notebook".padEnd(width)}  status  ${"seconds".padStart(8)}  ${"import s".padStart(8)}`];
  for (const r of runs) lines.push(`${r.name.padEnd(width)}  ${(r.ok ? "ok" : "FAILED").padEnd(6)}  ${r.seconds.toFixed(1).padStart(8)}  ${imports(r)}`);
  const total = runs.reduce((s, r) => s + r.seconds, 0);
  const timed = runs.filter((r) => r.importSeconds !== undefined);
  const slowest = timed.length > 0 ? Math.max(...timed.map((r) => r.importSeconds!)) : undefined;
  lines.push(`${"total".padEnd(width)}  ${`${runs.filter((r) => r.ok).length}/${runs.length}`.padEnd(6)}  ${total.toFixed(1).padStart(8)}  ${slowest === undefined ? "" : `max ${slowest.toFixed(2)}`.padStart(8)}`.trimEnd());
  if (wall) lines.push(`${"elapsed".padEnd(width)}  ${`${wall.jobs} job${wall.jobs === 1 ? "" : "s"}`.padEnd(6)}  ${wall.seconds.toFixed(1).padStart(8)}`);
  return lines.join("\n");
}

/**
 * Runs the workbook: the selected notebooks in order, `--jobs` at a time (default one per core), stopping at
 * none (every notebook runs, so one failure does not hide another), then the report and the summary with the
 * elapsed time.
 *
 * @returns the process exit code: 0 when every notebook ran, 1 otherwise.
 * @example
 * ```ts
 * await runWorkbook(["00", "--param", "years=3"]); // => 0
 * ```
 */
export async function runWorkbook(argv: readonly string[], log: (line: string) => void = printLine): Promise<number> {
  const args = parseWorkbookArgs(argv);
  if (args.help) {
    log(WORKBOOK_USAGE);
    return 0;
  }
  const notebooks = selectNotebooks(listNotebooks(args.notebooksDir), args.selectors);
  ensureLibraryBuilt(log); // notebooks import the precompiled package: rebuild dist/ when src/ is newer
  const progress = workbookProgress(log, args.quiet, notebooks.length);
  // Notebooks in order, `jobs` at a time; results keep the notebooks' order whatever finishes first.
  const jobs = Math.min(args.jobs, Math.max(1, notebooks.length));
  const started = performance.now();
  const runs = await runInPool(notebooks, jobs, async (nb) => {
    const run = await runNotebook(nb, {
      parameters: args.parameters,
      cellTimeoutSeconds: args.cellTimeoutSeconds,
      outputDir: join(args.outDir, "notebooks"),
      onEvent: progress.event,
    });
    if (!run.ok) progress.say(formatFailure(run));
    progress.finished(run.ok);
    return run;
  });
  const wall = { seconds: (performance.now() - started) / 1000, jobs };
  if (args.report && runs.length > 0) log(`report: ${writeReport(runs, join(args.outDir, "report"))}`);
  log("");
  log(summaryTable(runs, wall));
  return runs.every((r) => r.ok) ? 0 : 1;
}
