/**
 * Looking at a sweep: a metric as a heatmap over two parameters, its spread across windows, and the equity
 * curves of chosen jobs.
 */
import { InputError, tableOfRows, type Table, type TableValue } from "../core/index";
import { lineChart, type Figure } from "../report/index";
import { readJobEquity, type SweepResults } from "./read-sweep";

/** Columns of a summary table that are outcomes or bookkeeping, not configuration. */
const NOT_CONFIGURATION = new Set(["job", "status", "window", "sharpe", "annualisedReturn", "volatility", "maxDrawdown", "turnover", "costs", "finalValue", "trades", "error"]);

function doneRows(summary: Table, metric: string): Record<string, TableValue>[] {
  if (!summary.columns.includes(metric)) throw new InputError("UNKNOWN_COLUMN", `sweep: the summary has no column ${metric}; its columns are ${summary.columns.join(", ")}`, { column: metric });
  return summary.toRows().filter((r) => r.status === "done" && typeof r[metric] === "number" && Number.isFinite(r[metric]));
}

function sortedValues(rows: readonly Record<string, TableValue>[], column: string): TableValue[] {
  const values = [...new Set(rows.map((r) => r[column]))];
  return values.sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b))));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * A metric of a sweep as a heatmap over two of its parameters: each cell the mean over the jobs with those two
 * values (over windows, costs and the other parameters), done jobs only.
 *
 * @param summary the table of `readSweepSummary`.
 * @throws InputError UNKNOWN_COLUMN naming the columns; EMPTY_SWEEP when no done job has the metric.
 * @example
 * ```ts
 * parameterHeatmap(summary, "lookbackDays", "maxWeight", "sharpe").data[0].z; // => [[0.41, 0.52], [0.38, 0.47]]
 * ```
 */
export function parameterHeatmap(summary: Table, x: string, y: string, metric = "sharpe"): Figure {
  for (const c of [x, y]) if (!summary.columns.includes(c)) throw new InputError("UNKNOWN_COLUMN", `sweep: the summary has no column ${c}; its columns are ${summary.columns.join(", ")}`, { column: c });
  const rows = doneRows(summary, metric);
  if (rows.length === 0) throw new InputError("EMPTY_SWEEP", `sweep: no done job has a ${metric}; check the summary's status and error columns`, { metric });
  const xs = sortedValues(rows, x);
  const ys = sortedValues(rows, y);
  const z = ys.map((yv) =>
    xs.map((xv) => {
      const cell = rows.filter((r) => r[x] === xv && r[y] === yv).map((r) => r[metric] as number);
      return cell.length === 0 ? null : cell.reduce((a, b) => a + b, 0) / cell.length;
    }),
  );
  return {
    data: [{ type: "heatmap", z, x: xs.map(String), y: ys.map(String), colorscale: "RdBu", hovertemplate: `${x} %{x}<br>${y} %{y}<br>mean ${metric} %{z:.3f}<extra></extra>` }],
    layout: { title: { text: `Mean ${metric} by ${x} and ${y} (${rows.length} jobs)` }, xaxis: { title: { text: x }, type: "category" }, yaxis: { title: { text: y }, type: "category" }, height: 420 },
  };
}

/** The configuration of a row: the values of the configuration columns that vary across the sweep. */
function configurationOf(row: Readonly<Record<string, TableValue>>, varying: readonly string[]): string {
  return varying.map((c) => (c === "target" ? String(row[c]) : `${c} ${String(row[c])}`)).join(", ") || String(row.target);
}

function varyingColumns(summary: Table, rows: readonly Record<string, TableValue>[]): string[] {
  return summary.columns.filter((c) => !NOT_CONFIGURATION.has(c) && new Set(rows.map((r) => r[c])).size > 1);
}

/**
 * How much a metric moves across windows for each configuration: one row per configuration (the parameters,
 * costs and rebalancing that vary), with the number of windows and the metric's worst, median and best, and the
 * spread (best − worst), widest spread first.
 *
 * @throws InputError UNKNOWN_COLUMN; EMPTY_SWEEP when no done job has the metric.
 * @example
 * ```ts
 * windowSpread(summary, "sharpe").column("spread").values[0]; // => e.g. 1.9
 * ```
 */
export function windowSpread(summary: Table, metric = "sharpe"): Table {
  const rows = doneRows(summary, metric);
  if (rows.length === 0) throw new InputError("EMPTY_SWEEP", `sweep: no done job has a ${metric}`, { metric });
  const varying = varyingColumns(summary, rows);
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const key = configurationOf(r, varying);
    groups.set(key, [...(groups.get(key) ?? []), r[metric] as number]);
  }
  const out = [...groups].map(([configuration, xs]) => ({
    configuration,
    windows: xs.length,
    worst: Math.min(...xs),
    median: median(xs),
    best: Math.max(...xs),
    spread: Math.max(...xs) - Math.min(...xs),
  }));
  out.sort((a, b) => b.spread - a.spread);
  const unit = metric === "sharpe" ? "ratio" : "fraction";
  return tableOfRows(out, { units: { windows: "count", worst: unit, median: unit, best: unit, spread: unit }, caption: `${metric} across windows, per configuration` });
}

/**
 * The spread of a metric across windows as a strip chart: one column of points per configuration, one point per
 * window.
 *
 * @throws as {@link windowSpread}.
 * @example
 * ```ts
 * windowSpreadChart(summary, "sharpe").data.length; // => 1
 * ```
 */
export function windowSpreadChart(summary: Table, metric = "sharpe"): Figure {
  const rows = doneRows(summary, metric);
  if (rows.length === 0) throw new InputError("EMPTY_SWEEP", `sweep: no done job has a ${metric}`, { metric });
  const varying = varyingColumns(summary, rows);
  return {
    data: [
      {
        type: "scatter",
        mode: "markers",
        name: metric,
        x: rows.map((r) => configurationOf(r, varying)),
        y: rows.map((r) => r[metric] as number),
        text: rows.map((r) => String(r.window)),
        hovertemplate: `%{x}<br>window %{text}<br>${metric} %{y:.3f}<extra></extra>`,
        marker: { size: 8, opacity: 0.7 },
      },
    ],
    layout: { title: { text: `${metric} of each window, per configuration` }, xaxis: { type: "category", automargin: true }, yaxis: { title: { text: metric } }, height: 460 },
  };
}

/**
 * The ids of the done jobs with the highest and the lowest value of a metric.
 *
 * @throws InputError UNKNOWN_COLUMN; EMPTY_SWEEP when no done job has the metric.
 * @example
 * ```ts
 * bestAndWorst(summary, "sharpe"); // => { best: "3f9a…", worst: "81c2…" }
 * ```
 */
export function bestAndWorst(summary: Table, metric = "sharpe"): { best: string; worst: string } {
  const rows = doneRows(summary, metric);
  if (rows.length === 0) throw new InputError("EMPTY_SWEEP", `sweep: no done job has a ${metric}`, { metric });
  const sorted = [...rows].sort((a, b) => (b[metric] as number) - (a[metric] as number));
  return { best: String(sorted[0]!.job), worst: String(sorted[sorted.length - 1]!.job) };
}

/**
 * The equity curves of some jobs of a sweep, each as the growth of 1 from its first close, against trading days
 * since its start (jobs of different windows share the axis).
 *
 * @param results the results folder, or the sweep's report.
 * @param jobs job ids, or the `{ best, worst }` of {@link bestAndWorst}.
 * @param summary the summary table, to name each curve by its configuration and window.
 * @throws DataError NO_JOB_DETAIL for a job without an equity curve.
 * @example
 * ```ts
 * show(await equityCurvesChart(report, bestAndWorst(summary), summary));
 * ```
 */
export async function equityCurvesChart(results: SweepResults, jobs: readonly string[] | Readonly<Record<string, string>>, summary?: Table): Promise<Figure> {
  const entries = Array.isArray(jobs) ? jobs.map((j) => [j, j] as const) : Object.entries(jobs as Readonly<Record<string, string>>);
  const rows = new Map((summary?.toRows() ?? []).map((r) => [String(r.job), r]));
  const varying = summary === undefined ? [] : varyingColumns(summary, summary.toRows());
  const curves = await Promise.all(entries.map(async ([name, job]) => ({ name, job, curve: await readJobEquity(results, job) })));
  const length = Math.max(...curves.map((c) => c.curve.equity.length));
  return lineChart({
    title: "Growth of 1, by trading day of the window",
    x: Array.from({ length }, (_, i) => i + 1),
    series: curves.map(({ name, job, curve }) => {
      const row = rows.get(job);
      const label = row === undefined ? name : `${name}: ${configurationOf(row, varying)}, ${String(row.window)}`;
      const first = curve.equity[0] ?? Number.NaN;
      return { name: label, values: Array.from({ length }, (_, i) => (i < curve.equity.length ? curve.equity[i]! / first : Number.NaN)) };
    }),
    yAxis: "growth of 1",
  });
}
