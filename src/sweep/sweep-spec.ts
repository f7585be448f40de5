/**
 * What a sweep file (`GRID.json`) holds: the data, grids of backtests and notebook runs, and single jobs.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "../core/index";

/** A value a parameter may take (a grid dimension is a list of them). */
export type ParameterValue = number | string | boolean;

/** Where the prices of the backtests come from: the embedded synthetic market, or a CSV of prices. */
export type SweepDataSpec =
  | { readonly market: { readonly seed?: number; readonly years?: number; readonly equityCount?: number } }
  | { readonly prices: string };

/** A trading window: first and last trading day, ISO dates (earlier rows stay visible to the strategy as history). */
export interface SweepWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * Windows of a backtest grid: a list of explicit windows, or the last `count` consecutive windows of `days`
 * trading days each, ending on the data's last date (so each has the earlier rows as history).
 */
export type SweepWindows = readonly SweepWindow[] | { readonly count: number; readonly days: number };

/** Trading costs of a backtest (as `TransactionCosts`): basis points of each trade, per share, full spread. */
export interface SweepCosts<V = number> {
  readonly commissionBps?: V;
  readonly commissionPerShare?: V;
  readonly spreadBps?: V;
}

/**
 * A grid of backtests: every field whose value is a list is a dimension, and the jobs are the cartesian
 * product of the dimensions (times the windows).
 */
export interface BacktestGrid {
  /** A strategy name (see `SWEEP_STRATEGIES`) or a list of them. */
  readonly strategy: string | readonly string[];
  /** The strategy's parameters, each a value or a list of values. */
  readonly parameters?: Readonly<Record<string, ParameterValue | readonly ParameterValue[]>>;
  /** `monthly` (default), `weekly`, `quarterly`, `never`, `drift:0.05`, or a list of them. */
  readonly rebalance?: string | readonly string[];
  /** Costs, each a number or a list of numbers. Default free trading. */
  readonly costs?: SweepCosts<number | readonly number[]>;
  /** Starting cash. Default 1,000,000. */
  readonly capital?: number;
  /** Trade fractional shares. Default false. */
  readonly fractionalShares?: boolean;
  /** Default: one window, the whole table (the strategy's warm-up first). */
  readonly windows?: SweepWindows;
}

/** A grid of notebook runs: each parameter a value or a list of values (as typed after `--param name=`). */
export interface NotebookGrid {
  /** A notebook number or name (`"09"`, `"09-risk-measures"`), or a list of them. */
  readonly notebook: string | readonly string[];
  readonly parameters?: Readonly<Record<string, ParameterValue | readonly ParameterValue[]>>;
}

/** One backtest, fully specified: the unit of work of a sweep. */
export interface BacktestJobSpec {
  readonly kind: "backtest";
  readonly strategy: string;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly rebalance: string;
  readonly costs: { readonly commissionBps: number; readonly commissionPerShare: number; readonly spreadBps: number };
  readonly capital: number;
  readonly fractionalShares: boolean;
  /** `null`: the whole table. */
  readonly window: SweepWindow | null;
}

/** One notebook run: the notebook and its parameter overrides. */
export interface NotebookJobSpec {
  readonly kind: "notebook";
  readonly notebook: string;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
}

/** A job of a sweep. */
export type JobSpec = BacktestJobSpec | NotebookJobSpec;

/** A single job as written in a sweep file's `jobs` list (defaults filled in as in a grid). */
export type JobEntry =
  | ({ readonly kind: "backtest" } & Omit<BacktestGrid, "windows" | "strategy" | "parameters" | "rebalance" | "costs"> & {
      readonly strategy: string;
      readonly parameters?: Readonly<Record<string, ParameterValue>>;
      readonly rebalance?: string;
      readonly costs?: SweepCosts;
      readonly window?: SweepWindow;
    })
  | { readonly kind: "notebook"; readonly notebook: string; readonly parameters?: Readonly<Record<string, ParameterValue>> };

/**
 * A sweep: a name, the data, and any of grids of backtests, grids of notebook runs, and single jobs.
 *
 * @example
 * ```ts
 * const spec: SweepSpec = {
 *   name: "min-vol-lookbacks",
 *   data: { market: { seed: 7, years: 4, equityCount: 8 } },
 *   backtests: { strategy: "min-volatility", parameters: { lookbackDays: [63, 126], maxWeight: [0.2, 0.4] },
 *     costs: { commissionBps: 5 }, windows: { count: 3, days: 126 } },
 * }; // 12 jobs
 * ```
 */
export interface SweepSpec {
  /** Shown in progress lines and stored with each job. Default `"sweep"`. */
  readonly name?: string;
  /** Needed when there are backtests. */
  readonly data?: SweepDataSpec;
  readonly backtests?: BacktestGrid | readonly BacktestGrid[];
  readonly notebooks?: NotebookGrid | readonly NotebookGrid[];
  readonly jobs?: readonly JobEntry[];
}

const TOP_KEYS = ["name", "data", "backtests", "notebooks", "jobs"];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * Reads a sweep file (JSON): the spec, and the folder relative paths in it (a prices CSV) are resolved against.
 *
 * @throws InputError SWEEP_FILE naming the file when it cannot be read or is not JSON; BAD_SWEEP for an unknown
 *   top-level key or a spec with no job.
 * @example
 * ```ts
 * readSweepFile("grids/min-vol.json").spec.name; // => "min-vol-lookbacks"
 * ```
 */
export function readSweepFile(path: string): { spec: SweepSpec; baseDir: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError("SWEEP_FILE", `sweep: cannot read the sweep file ${path} (${(e as Error).message}); check the path`, { path });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError("SWEEP_FILE", `sweep: ${path} is not JSON (${(e as Error).message}); a sweep file is a JSON object with data, backtests, notebooks or jobs`, { path });
  }
  return { spec: checkSweepShape(parsed, path), baseDir: dirname(resolve(path)) };
}

/**
 * Checks the outline of a sweep spec (an object with known keys and at least one job source) and returns it typed.
 *
 * @throws InputError BAD_SWEEP naming the problem.
 * @example
 * ```ts
 * checkSweepShape({ notebooks: { notebook: "00" } }).notebooks; // => { notebook: "00" }
 * ```
 */
export function checkSweepShape(value: unknown, where = "sweep spec"): SweepSpec {
  if (!isRecord(value)) throw new InputError("BAD_SWEEP", `sweep: ${where} must be a JSON object with data, backtests, notebooks or jobs`, { where });
  const unknown = Object.keys(value).filter((k) => !TOP_KEYS.includes(k));
  if (unknown.length > 0) throw new InputError("BAD_SWEEP", `sweep: ${where} has unknown key${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the keys are ${TOP_KEYS.join(", ")}`, { unknown });
  if (value.backtests === undefined && value.notebooks === undefined && value.jobs === undefined) {
    throw new InputError("BAD_SWEEP", `sweep: ${where} has no jobs; give backtests (a grid), notebooks (a grid) or jobs (a list)`, { where });
  }
  if (value.name !== undefined && (typeof value.name !== "string" || value.name === "")) throw new InputError("BAD_SWEEP", `sweep: name must be non-empty text`, { where });
  return value as SweepSpec;
}
