import { InputError } from "../core/index";
import type { BarTrace, Figure } from "./figure";

/** A vertical line drawn on a {@link markedHistogramChart}, e.g. a VaR. */
export interface VerticalMarker {
  /** Position on the value axis. */
  readonly value: number;
  /** Label written at the top of the line. */
  readonly label: string;
  readonly color?: string;
}

/** Options of {@link markedHistogramChart}. */
export interface MarkedHistogramChartOptions {
  readonly title: string;
  /** The sample to bin (e.g. simulated P&L); every value finite. */
  readonly values: ArrayLike<number>;
  /** Number of equal-width bins. Default 60. */
  readonly bins?: number;
  /** Vertical lines, e.g. `[{ value: -var, label: "VaR 95 %" }]`. */
  readonly markers?: readonly VerticalMarker[];
  /** Axis title of the values, e.g. `"P&L (USD)"`. */
  readonly valueAxis?: string;
  /** d3 format of the values, e.g. `",.0f"` for money or `".1%"` for fractions. */
  readonly valueFormat?: string;
  readonly color?: string;
}

const MARKER_COLORS = ["#d62728", "#7f0000", "#ff7f0e", "#2ca02c"];

/**
 * A histogram of one sample with labelled vertical markers (a VaR, a CVaR, a threshold). The bins are computed
 * here and drawn as bars (bin centres on x, counts on y), so the figure stays small for a large sample and looks
 * the same in every viewer.
 *
 * @example
 * ```ts
 * const fig = markedHistogramChart({ title: "P&L", values: [-2, -1, -1, 0, 1], bins: 4, markers: [{ value: -1.5, label: "VaR" }] });
 * fig.data[0].y; // => [1, 2, 1, 1]
 * fig.layout.shapes.length; // => 1
 * ```
 * @throws InputError when the sample is empty or has a non-finite value, `bins` is not a whole number ≥ 1,
 *   or a marker is not finite.
 */
export function markedHistogramChart(options: MarkedHistogramChartOptions): Figure {
  const { values } = options;
  const bins = options.bins ?? 60;
  if (values.length === 0) throw new InputError("EMPTY_INPUT", "markedHistogramChart: no values to bin; pass at least one");
  if (!Number.isSafeInteger(bins) || bins < 1) throw new InputError("BAD_BINS", `markedHistogramChart: bins ${bins} must be a whole number ≥ 1`, { bins });
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new InputError("NON_FINITE", `markedHistogramChart: value ${i} is ${v}; charts take finite numbers`, { index: i });
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i]! - lo) / width))]! += 1;
  const fmt = options.valueFormat ? `:${options.valueFormat}` : "";
  const trace: BarTrace = {
    type: "bar",
    x: counts.map((_, b) => lo + (b + 0.5) * width),
    y: counts,
    name: "count",
    marker: { color: options.color ?? "#2a6fdb" },
    hovertemplate: `%{x${fmt}}: %{y}<extra></extra>`,
  };
  const markers = options.markers ?? [];
  const colorOf = (m: VerticalMarker, i: number): string => m.color ?? MARKER_COLORS[i % MARKER_COLORS.length]!;
  const shapes = markers.map((m, i) => {
    if (!Number.isFinite(m.value)) {
      throw new InputError("NON_FINITE", `markedHistogramChart: marker ${m.label} is at ${m.value}; pass a finite position`, { label: m.label });
    }
    return { type: "line", xref: "x", yref: "paper", x0: m.value, x1: m.value, y0: 0, y1: 1, line: { color: colorOf(m, i), width: 2, dash: "dash" } };
  });
  const annotations = markers.map((m, i) => ({
    x: m.value,
    y: 1 - 0.07 * i,
    xref: "x",
    yref: "paper",
    text: m.label,
    showarrow: false,
    xanchor: "right",
    yanchor: "top",
    font: { color: colorOf(m, i) },
  }));
  return {
    data: [trace],
    layout: {
      title: { text: options.title },
      xaxis: { title: { text: options.valueAxis ?? "" }, ...(options.valueFormat ? { tickformat: options.valueFormat } : {}), zeroline: true },
      yaxis: { title: { text: "count" } },
      height: 420,
      showlegend: false,
      shapes,
      annotations,
      margin: { t: 60 },
    },
  };
}
