import { InputError } from "../core/index";
import type { BarTrace, Figure } from "./figure";

/** One stacked part of a {@link stackedBarChart}. */
export interface BarSeries {
  readonly name: string;
  /** One value per label. */
  readonly values: ArrayLike<number>;
  readonly color?: string;
}

/** Options of {@link stackedBarChart}. */
export interface StackedBarChartOptions {
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly BarSeries[];
  readonly valueAxis?: string;
  readonly valueFormat?: string;
  /** Horizontal bars (labels on the y axis). */
  readonly horizontal?: boolean;
  /** Order the labels by their stacked total, largest first. */
  readonly sort?: boolean;
}

/**
 * Bars made of stacked parts, one colour per part (e.g. a score and the contribution of each of its parts).
 *
 * @example
 * ```ts
 * stackedBarChart({ title: "Stability", labels: ["A", "B"], series: [{ name: "growth", values: [0.2, 0.1] }, { name: "drawdown", values: [0.3, 0.2] }] })
 *   .layout.barmode; // => "stack"
 * ```
 * @throws InputError SHAPE_MISMATCH when a series has a different length from the labels; NON_FINITE for a value that is not finite.
 */
export function stackedBarChart(options: StackedBarChartOptions): Figure {
  const n = options.labels.length;
  for (const s of options.series) {
    if (s.values.length !== n) throw new InputError("SHAPE_MISMATCH", `stackedBarChart: series ${s.name} has ${s.values.length} values for ${n} labels`, { series: s.name });
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(s.values[i]!)) throw new InputError("NON_FINITE", `stackedBarChart: ${s.name} of ${options.labels[i]} is ${s.values[i]}; charts take finite numbers`);
    }
  }
  let order = options.labels.map((_, i) => i);
  if (options.sort) {
    const total = (i: number): number => options.series.reduce((a, s) => a + s.values[i]!, 0);
    order = order.sort((a, b) => total(b) - total(a));
  }
  const horizontal = options.horizontal ?? false;
  const labels = order.map((i) => options.labels[i]!);
  const cats = horizontal ? [...labels].reverse() : labels;
  const data: BarTrace[] = options.series.map((s) => {
    const vals = order.map((i) => s.values[i]!);
    const v = horizontal ? [...vals].reverse() : vals;
    const hover = `%{${horizontal ? "y" : "x"}} ${s.name}: %{${horizontal ? "x" : "y"}${options.valueFormat ? `:${options.valueFormat}` : ""}}<extra></extra>`;
    return horizontal
      ? { type: "bar", orientation: "h", name: s.name, x: v, y: cats, hovertemplate: hover, ...(s.color ? { marker: { color: s.color } } : {}) }
      : { type: "bar", name: s.name, x: cats, y: v, hovertemplate: hover, ...(s.color ? { marker: { color: s.color } } : {}) };
  });
  const valueAxis = { title: { text: options.valueAxis ?? "" }, ...(options.valueFormat ? { tickformat: options.valueFormat } : {}) };
  return {
    data,
    layout: {
      title: { text: options.title },
      barmode: "stack",
      ...(horizontal
        ? { xaxis: valueAxis, yaxis: { automargin: true, type: "category" as const } }
        : { yaxis: valueAxis, xaxis: { automargin: true, type: "category" as const } }),
      height: horizontal ? Math.max(320, 22 * n + 140) : 440,
      margin: { t: 60 },
    },
  };
}
