import { InputError } from "../core/index";
import type { Figure } from "./figure";

/** Options of {@link forecastScatterChart}. */
export interface ForecastScatterOptions {
  readonly title: string;
  /** Forecasts (x). */
  readonly predicted: ArrayLike<number>;
  /** Outcomes (y). */
  readonly actual: ArrayLike<number>;
  /** Hover label per point, e.g. `"AAPX 2019-03-29"`. */
  readonly labels?: readonly string[];
  readonly xAxis?: string;
  readonly yAxis?: string;
  /** d3 format of both axes, e.g. `".0%"`. */
  readonly format?: string;
  /** At most this many points are drawn, evenly thinned (default 3,000) to keep the notebook light. */
  readonly maxPoints?: number;
}

/**
 * Forecast against outcome, one point per row, with the diagonal y = x (a perfect forecast).
 *
 * @throws InputError SHAPE_MISMATCH, NON_FINITE.
 * @example
 * ```ts
 * forecastScatterChart({ title: "Growth", predicted: [0.1, 0.2], actual: [0.05, 0.3] }).data.length; // => 2
 * ```
 */
export function forecastScatterChart(options: ForecastScatterOptions): Figure {
  const n = options.predicted.length;
  if (options.actual.length !== n || (options.labels && options.labels.length !== n)) {
    throw new InputError("SHAPE_MISMATCH", `forecastScatterChart: ${n} forecasts, ${options.actual.length} outcomes${options.labels ? ` and ${options.labels.length} labels` : ""}; pass one of each per row`);
  }
  const step = Math.max(1, Math.ceil(n / (options.maxPoints ?? 3000)));
  const x: number[] = [];
  const y: number[] = [];
  const text: string[] = [];
  for (let i = 0; i < n; i += step) {
    const p = options.predicted[i]!;
    const a = options.actual[i]!;
    if (!Number.isFinite(p) || !Number.isFinite(a)) throw new InputError("NON_FINITE", `forecastScatterChart: row ${i} has forecast ${p} and outcome ${a}; drop rows without both`, { row: i });
    x.push(p);
    y.push(a);
    if (options.labels) text.push(options.labels[i]!);
  }
  const lo = Math.min(...x, ...y);
  const hi = Math.max(...x, ...y);
  const fmt = options.format ? `:${options.format}` : "";
  return {
    data: [
      { type: "scatter", mode: "markers", name: "rows", x, y, marker: { size: 4, opacity: 0.45, color: "#2a6fdb" }, ...(options.labels ? { text } : {}), hovertemplate: `${options.labels ? "%{text}<br>" : ""}forecast %{x${fmt}}<br>outcome %{y${fmt}}<extra></extra>` },
      { type: "scatter", mode: "lines", name: "perfect forecast", x: [lo, hi], y: [lo, hi], line: { color: "#888", dash: "dash", width: 1 } },
    ],
    layout: {
      title: { text: options.title },
      xaxis: { title: { text: options.xAxis ?? "forecast" }, ...(options.format ? { tickformat: options.format } : {}) },
      yaxis: { title: { text: options.yAxis ?? "outcome" }, ...(options.format ? { tickformat: options.format } : {}) },
      height: 420,
      hovermode: "closest",
    },
  };
}
