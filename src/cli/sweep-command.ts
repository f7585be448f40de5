/**
 * `npx workbook sweep GRID.json`: a grid of backtests or notebook runs, on a local pool or a Redis queue.
 */
import { command, commandProgress, numberOption, writeError } from "./command-line";
import { STRATEGY_NAMES } from "../backtest/index";
import { packagePath } from "../core/index";
import { readSweepFile, runSweep, type RunSweepOptions } from "../sweep/index";

/** The command's options, from which `--help` and the parser are made (the shared command-line layer). */
const SWEEP = command({
  name: "sweep",
  synopsis: "GRID.json [options]",
  description: `Runs every job of a sweep file — a grid of backtests (strategies × parameters × rebalancing × costs × windows)
or of notebook runs (notebook × parameters), or a list of jobs — each identified by the hash of its
configuration and of the data it reads. Results go to one folder: summary.duckdb (table sweep_jobs, one row per
job) and Parquet details (equity/, weights/, trades/; rows tagged with job and batch). Jobs already done there
are skipped; a failing job is tried again, then recorded with its error.

Sweep file (JSON):
  { "name": "min-vol-grid",
    "data": { "market": { "seed": 20240607, "years": 6, "equityCount": 12 } },   or { "prices": "prices.csv" }
    "backtests": { "strategy": "min-volatility",
                   "parameters": { "lookbackDays": [63, 126, 252], "maxWeight": [0.2, 0.3] },
                   "rebalance": "monthly", "costs": { "commissionBps": [0, 10], "spreadBps": 5 },
                   "windows": { "count": 4, "days": 252 } },           or [{ "start": "…", "end": "…" }, …]
    "notebooks": { "notebook": "09", "parameters": { "lookbackDays": [126, 252] } },
    "jobs": [ { "kind": "backtest", "strategy": "hrp", "parameters": { "lookbackDays": 126 } } ] }
  A list anywhere in a grid is a dimension. Strategies: ${STRATEGY_NAMES.join(", ")}.`,
  options: {
    results: { value: "FOLDER", help: "where the results go (default build/sweeps/NAME, NAME the sweep's name)" },
    workers: numberOption("N", "local worker processes (default: one per core)", (x) => Number.isInteger(x) && x >= 1, "a whole number ≥ 1"),
    queue: { value: "redis://HOST:PORT", help: "put the jobs on a BullMQ queue in that Redis instead; start workers anywhere with\nnpx workbook worker --queue redis://HOST:PORT (results come back through the queue)" },
    queueName: { value: "NAME", help: "the queue's name (default workbook-sweep); workers must give the same" },
    retries: numberOption("N", "tries after a job's first failure (default 2)", (x) => Number.isInteger(x) && x >= 0, "a whole number ≥ 0"),
    quiet: { help: "no progress on standard error (a bar on a terminal, a line every quarter otherwise)" },
  },
  positionals: { value: "GRID.json", help: "the sweep file (required)", max: 1 },
  exitCodes: `0 every job done, 1 some jobs failed (recorded with their errors), 2 bad input (the message says
which: unknown strategy, notebook or parameter, unreachable queue, results folder not writable…)`,
});

/** The text of `npx workbook sweep --help` (generated from the command's options). */
export const SWEEP_USAGE = SWEEP.usage;

/**
 * Runs `npx workbook sweep`: parses the flags, runs the sweep (its first line on `out`, progress through core's reporter
 * on standard error), prints the report.
 *
 * @returns 0 when every job is done, 1 when some failed (typed errors propagate to `main`: exit 2).
 * @throws InputError for bad flags or a bad sweep; SourceError QUEUE_UNREACHABLE naming the address.
 * @example
 * ```ts
 * await runSweepCommand(["grid.json", "--workers", "2"]); // => 0
 * ```
 */
export async function runSweepCommand(argv: readonly string[], out: (line: string) => void = (l) => console.log(l), err: (line: string) => void = writeError): Promise<number> {
  const { values: v, positionals, help, json } = SWEEP.parse(argv);
  if (help) {
    out(SWEEP_USAGE);
    return 0;
  }
  const file = positionals[0];
  if (file === undefined) throw SWEEP.fail("MISSING_FILE", "give the sweep file: npx workbook sweep GRID.json");
  const results = v.results ?? null;
  const options: { -readonly [K in keyof RunSweepOptions]?: RunSweepOptions[K] } = {
    ...(v.workers === undefined ? {} : { workers: v.workers }),
    ...(v.queue === undefined ? {} : { queue: v.queue }),
    ...(v.queueName === undefined ? {} : { queueName: v.queueName }),
    ...(v.retries === undefined ? {} : { retries: v.retries }),
  };
  const name = readSweepFile(file).spec.name ?? "sweep";
  // The --json contract of every command: standard output carries only the JSON document; progress goes to stderr.
  const report = await runSweep(file, {
    ...options,
    results: results ?? packagePath("build", "sweeps", name),
    progress: json ? err : out,
    onProgress: commandProgress(err, { quiet: v.quiet === true, unit: "jobs" }),
  });
  if (json) out(JSON.stringify(report, null, 2));
  else {
    out(`${report.name}: ${report.done} done, ${report.failed} failed, ${report.skipped} skipped (done before), ${report.duplicates} duplicate results dropped; ${report.jobsPerSecond.toFixed(1)} jobs/s on the ${report.ranOn}`);
    out(`summary: ${report.summaryFile} (table sweep_jobs); details: ${report.results}/{equity,weights,trades}/*.parquet (columns job and batch; sweep_jobs.detail_batch names each job's batch)`);
  }
  if (report.failed > 0) err(`${report.failed} job(s) failed; their errors are in the summary's error column (status = 'failed'); run the sweep again to retry them`);
  return report.failed > 0 ? 1 : 0;
}
