import { InputError } from "../core/index";
import type { Figure, ScatterTrace } from "./figure";

/** One point of a {@link quadrantChart}. */
export interface QuadrantPoint {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** Legend group, e.g. the quadrant's name; points of a group share a colour. */
  readonly group: string;
}

/** Options of {@link quadrantChart}. */
export interface QuadrantChartOptions {
  readonly title: string;
  readonly points: readonly QuadrantPoint[];
  readonly xAxis: string;
  readonly yAxis: string;
  /** The x and y thresholds that split the plane, drawn as dashed lines. */
  readonly xThreshold: number;
  readonly yThreshold: number;
  /** d3 formats of the axes, e.g. `".0%"`. */
  readonly xFormat?: string;
  readonly yFormat?: string;
}

const COLOURS = ["#2a9d4b", "#e0a100", "#c0392b", "#7f8c8d", "#2a6fdb", "#8e44ad"];

/**
 * A labelled scatter split into four quadrants by two threshold lines, one colour per group
 * (e.g. profitability against growth, with "profitable and growing" … as groups).
 *
 * @example
 * ```ts
 * quadrantChart({ title: "Profitability vs growth", xAxis: "revenue growth", yAxis: "net margin", xThreshold: 0, yThreshold: 0,
 *   points: [{ label: "A", x: 0.05, y: 0.12, group: "profitable and growing" }] }).data.length; // => 1
 * ```
 * @throws InputError NON_FINITE when a point or threshold is not a finite number.
 */
export function quadrantChart(options: QuadrantChartOptions): Figure {
  for (const p of options.points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new InputError("NON_FINITE", `quadrantChart: point ${p.label} is (${p.x}, ${p.y}); charts take finite numbers`, { label: p.label });
  }
  if (!Number.isFinite(options.xThreshold) || !Number.isFinite(options.yThreshold)) {
    throw new InputError("NON_FINITE", "quadrantChart: the thresholds must be finite numbers");
  }
  const groups = [...new Set(options.points.map((p) => p.group))].sort();
  const fmt = (f: string | undefined, axis: "x" | "y"): string => `%{${axis}${f ? `:${f}` : ""}}`;
  const data: ScatterTrace[] = groups.map((g, i) => {
    const pts = options.points.filter((p) => p.group === g);
    return {
      type: "scatter",
      mode: "markers+text",
      name: g,
      x: pts.map((p) => p.x),
      y: pts.map((p) => p.y),
      text: pts.map((p) => p.label),
      textposition: "top center",
      marker: { size: 9, color: COLOURS[i % COLOURS.length]! },
      hovertemplate: `%{text}<br>${options.xAxis}: ${fmt(options.xFormat, "x")}<br>${options.yAxis}: ${fmt(options.yFormat, "y")}<extra>${g}</extra>`,
    };
  });
  const line = (axis: "x" | "y", at: number): Record<string, unknown> =>
    axis === "x"
      ? { type: "line", xref: "x", yref: "paper", x0: at, x1: at, y0: 0, y1: 1, line: { color: "#555", width: 1, dash: "dash" } }
      : { type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: at, y1: at, line: { color: "#555", width: 1, dash: "dash" } };
  return {
    data,
    layout: {
      title: { text: options.title },
      xaxis: { title: { text: options.xAxis }, zeroline: false, ...(options.xFormat ? { tickformat: options.xFormat } : {}) },
      yaxis: { title: { text: options.yAxis }, zeroline: false, ...(options.yFormat ? { tickformat: options.yFormat } : {}) },
      shapes: [line("x", options.xThreshold), line("y", options.yThreshold)],
      height: 520,
      hovermode: "closest",
    },
  };
}
