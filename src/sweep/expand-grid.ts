/**
 * From a sweep spec to its list of jobs: grids expanded (cartesian product), windows resolved to dates, every
 * target and parameter checked before any job starts.
 */
import { InputError, packagePath } from "../core/index";
import { findParametersCell, listNotebooks, parameterSource, parseParameters, readNotebook, selectNotebooks } from "../workbook/index";
import { checkStrategy, rebalanceOf } from "./sweep-strategies";
import type { BacktestGrid, BacktestJobSpec, JobSpec, NotebookGrid, NotebookJobSpec, ParameterValue, SweepSpec, SweepWindow, SweepWindows } from "./sweep-spec";

/** Options of {@link expandGrid}. */
export interface ExpandGridOptions {
  /** The trading dates of the sweep's prices (needed to resolve `{ count, days }` windows and check explicit ones). */
  readonly dates?: readonly string[];
  /** Folder of the numbered notebooks. Default the package's `notebooks/`. */
  readonly notebooksDir?: string;
}

/** Every combination of the dimensions' values, the first dimension varying slowest. */
function product<T>(dimensions: readonly (readonly [string, readonly T[]])[]): Record<string, T>[] {
  let out: Record<string, T>[] = [{}];
  for (const [name, values] of dimensions) out = out.flatMap((row) => values.map((v) => ({ ...row, [name]: v })));
  return out;
}

function asList<T>(value: T | readonly T[] | undefined, fallback: T): readonly T[] {
  if (value === undefined) return [fallback];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function dimension(where: string, name: string, value: unknown): readonly ParameterValue[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new InputError("BAD_SWEEP", `sweep: ${where} ${name} is an empty list; give at least one value`, { parameter: name });
  for (const v of list) {
    if (typeof v !== "number" && typeof v !== "string" && typeof v !== "boolean") {
      throw new InputError("BAD_SWEEP", `sweep: ${where} ${name} takes numbers, text or booleans (or a list of them), got ${JSON.stringify(v)}`, { parameter: name });
    }
  }
  return list as ParameterValue[];
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The trading windows of a grid, as dates: explicit windows are checked (ISO dates, start ≤ end, rows in the
 * data); `{ count, days }` becomes the last `count` consecutive windows of `days` trading days.
 *
 * @throws InputError BAD_WINDOW naming the window and what is wrong.
 * @example
 * ```ts
 * resolveWindows({ count: 2, days: 2 }, ["d1", "d2", "d3", "d4", "d5"]);
 * // => [{ start: "d2", end: "d3" }, { start: "d4", end: "d5" }]
 * ```
 */
export function resolveWindows(windows: SweepWindows | undefined, dates: readonly string[] | undefined): (SweepWindow | null)[] {
  if (windows === undefined) return [null];
  if (Array.isArray(windows)) {
    if (windows.length === 0) throw new InputError("BAD_WINDOW", "sweep: windows is an empty list; give at least one { start, end } or leave it out for the whole table");
    return (windows as readonly SweepWindow[]).map((w) => {
      if (typeof w !== "object" || w === null || !ISO.test(String(w.start)) || !ISO.test(String(w.end)) || w.start > w.end) {
        throw new InputError("BAD_WINDOW", `sweep: window ${JSON.stringify(w)} must be { "start": "YYYY-MM-DD", "end": "YYYY-MM-DD" } with start ≤ end`, { window: w });
      }
      if (dates !== undefined && !dates.some((d) => d >= w.start && d <= w.end)) {
        throw new InputError("BAD_WINDOW", `sweep: window ${w.start} … ${w.end} holds no trading day of the data (${dates[0]} … ${dates[dates.length - 1]})`, { window: w });
      }
      return { start: w.start, end: w.end };
    });
  }
  const { count, days } = windows as { count: number; days: number };
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(days) || days < 2) {
    throw new InputError("BAD_WINDOW", `sweep: windows { count, days } takes a whole count ≥ 1 and a whole number of days ≥ 2, got ${JSON.stringify(windows)}`, { windows });
  }
  if (dates === undefined) throw new InputError("BAD_WINDOW", "sweep: windows { count, days } need the data's dates; give data", {});
  const n = dates.length;
  if (count * days > n) {
    throw new InputError("BAD_WINDOW", `sweep: ${count} windows of ${days} trading days need ${count * days} days; the data has ${n}; ask for fewer or shorter windows`, { count, days, rows: n });
  }
  return Array.from({ length: count }, (_, k) => {
    const end = n - 1 - (count - 1 - k) * days;
    return { start: dates[end - days + 1]!, end: dates[end]! };
  });
}

function backtestJobs(grid: BacktestGrid, dates: readonly string[] | undefined): BacktestJobSpec[] {
  if (typeof grid !== "object" || grid === null) throw new InputError("BAD_SWEEP", "sweep: backtests must be an object (a grid) or a list of grids", {});
  const strategies = asList(grid.strategy, "");
  const paramDims = Object.entries(grid.parameters ?? {}).map(([k, v]) => [k, dimension("parameter", k, v)] as const);
  const costs = grid.costs ?? {};
  const costDims = (["commissionBps", "commissionPerShare", "spreadBps"] as const).map((k) => [k, asList<number>(costs[k] as number | readonly number[] | undefined, 0)] as const);
  for (const [k, values] of costDims) {
    for (const v of values) if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new InputError("BAD_PARAMETER", `sweep: costs.${k} takes numbers ≥ 0, got ${JSON.stringify(v)}`, { parameter: k });
  }
  const rebalances = asList(grid.rebalance, "monthly");
  for (const r of rebalances) rebalanceOf(r);
  const capital = grid.capital ?? 1_000_000;
  if (typeof capital !== "number" || !(capital > 0)) throw new InputError("BAD_PARAMETER", `sweep: capital takes a positive amount, got ${JSON.stringify(capital)}`, {});
  const windows = resolveWindows(grid.windows, dates);
  const jobs: BacktestJobSpec[] = [];
  for (const strategy of strategies) {
    for (const p of product(paramDims)) {
      checkStrategy(strategy, p);
      for (const rebalance of rebalances) {
        for (const c of product<number>(costDims)) {
          for (const window of windows) {
            jobs.push({
              kind: "backtest",
              strategy,
              parameters: p,
              rebalance,
              costs: { commissionBps: c.commissionBps!, commissionPerShare: c.commissionPerShare!, spreadBps: c.spreadBps! },
              capital,
              fractionalShares: grid.fractionalShares ?? false,
              window,
            });
          }
        }
      }
    }
  }
  return jobs;
}

/**
 * Checks a notebook, its parameter names and the kinds of their values against its parameters cell.
 *
 * @param parameters the values each parameter will take.
 * @returns the notebook's file name without extension, e.g. `"09-risk-measures"`.
 * @throws InputError (from the workbook layer) for an unknown notebook, naming the notebooks, or a value of the
 *   wrong kind (PARAMETER_TYPE); UNKNOWN_PARAMETER naming the notebook's parameters.
 * @example
 * ```ts
 * checkNotebook("09", { years: [3, 5] }); // => "09-risk-measures"
 * ```
 */
export function checkNotebook(notebook: string, parameters: Readonly<Record<string, readonly ParameterValue[]>>, notebooksDir = packagePath("notebooks")): string {
  const [entry] = selectNotebooks(listNotebooks(notebooksDir), [notebook]);
  const nb = readNotebook(entry!.path);
  const declared = parseParameters(nb.cells[findParametersCell(nb, entry!.name)]!, entry!.name);
  for (const [name, values] of Object.entries(parameters)) {
    const param = declared.find((p) => p.name === name);
    if (param === undefined) {
      throw new InputError("UNKNOWN_PARAMETER", `sweep: notebook ${entry!.name} has no parameter "${name}"; its parameters are ${declared.map((p) => p.name).join(", ")}`, { notebook: entry!.name, parameter: name });
    }
    for (const v of values) parameterSource(param, String(v));
  }
  return entry!.name;
}

function notebookJobs(grid: NotebookGrid, notebooksDir: string | undefined): NotebookJobSpec[] {
  const dims = Object.entries(grid.parameters ?? {}).map(([k, v]) => [k, dimension("notebook parameter", k, v)] as const);
  return asList(grid.notebook, "").flatMap((n) => {
    const name = checkNotebook(n, Object.fromEntries(dims), notebooksDir);
    return product(dims).map((parameters) => ({ kind: "notebook" as const, notebook: name, parameters }));
  });
}

/**
 * The jobs of a sweep, in order: backtest grids, notebook grids, then the single jobs. Every strategy, notebook
 * and parameter is checked here, so bad input fails before any job starts.
 *
 * @throws InputError UNKNOWN_STRATEGY, UNKNOWN_PARAMETER, BAD_PARAMETER, BAD_REBALANCE, BAD_WINDOW, BAD_SWEEP;
 *   the workbook layer's error for an unknown notebook.
 * @example
 * ```ts
 * expandGrid({ backtests: { strategy: "hrp", parameters: { lookbackDays: [63, 126] }, costs: { commissionBps: [0, 5] } } }).length; // => 4
 * ```
 */
export function expandGrid(spec: SweepSpec, options: ExpandGridOptions = {}): JobSpec[] {
  const backtestGrids = spec.backtests === undefined ? [] : Array.isArray(spec.backtests) ? spec.backtests : [spec.backtests as BacktestGrid];
  const notebookGrids = spec.notebooks === undefined ? [] : Array.isArray(spec.notebooks) ? spec.notebooks : [spec.notebooks as NotebookGrid];
  const jobs: JobSpec[] = [...backtestGrids.flatMap((g) => backtestJobs(g, options.dates)), ...notebookGrids.flatMap((g) => notebookJobs(g, options.notebooksDir))];
  for (const entry of spec.jobs ?? []) {
    if (entry.kind === "notebook") jobs.push(...notebookJobs({ notebook: entry.notebook, parameters: entry.parameters ?? {} }, options.notebooksDir));
    else if (entry.kind === "backtest") {
      const { window, kind: _kind, ...rest } = entry;
      jobs.push(...backtestJobs({ ...rest, ...(window === undefined ? {} : { windows: [window] }) }, options.dates));
    } else throw new InputError("BAD_SWEEP", `sweep: a job's kind is "backtest" or "notebook", got ${JSON.stringify((entry as { kind?: unknown }).kind)}`, {});
  }
  if ((backtestGrids.length > 0 || jobs.some((j) => j.kind === "backtest")) && spec.data === undefined) {
    throw new InputError("BAD_SWEEP", `sweep: backtests need data: { "market": { "seed": 7, "years": 4 } } or { "prices": "FILE.csv" }`, {});
  }
  if (jobs.length === 0) throw new InputError("BAD_SWEEP", "sweep: the spec expands to no job; check the grids' lists", {});
  return jobs;
}
