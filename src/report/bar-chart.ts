import { InputError } from "../core/index";
import type { Figure } from "./figure";

/** Options of {@link barChart}. */
export interface BarChartOptions {
  readonly title: string;
  readonly labels: readonly string[];
  readonly values: ArrayLike<number>;
  /** Axis title of the values, e.g. `"weight"`. */
  readonly valueAxis?: string;
  /** d3 format of the values, e.g. `".1%"` for fractions shown as percentages. */
  readonly valueFormat?: string;
  /** Horizontal bars (labels on the y axis); good for many assets. */
  readonly horizontal?: boolean;
  /** Sort bars by value, largest first. */
  readonly sort?: boolean;
  readonly color?: string;
}

/**
 * A bar chart of labelled values, e.g. portfolio weights.
 *
 * @example
 * ```ts
 * barChart({ title: "Weights", labels: ["A", "B"], values: [0.6, 0.4], valueFormat: ".0%" }).data[0].y;
 * // => [0.6, 0.4]
 * ```
 * @throws InputError when labels and values differ in length or a value is not finite.
 */
export function barChart(options: BarChartOptions): Figure {
  const { labels, values } = options;
  if (labels.length !== values.length) {
    throw new InputError("SHAPE_MISMATCH", `barChart: ${labels.length} labels but ${values.length} values; pass one value per label`);
  }
  const pairs = labels.map((label, i) => {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new InputError("NON_FINITE", `barChart: value for ${label} is ${v}; charts take finite numbers`, { label });
    return { label, value: v };
  });
  if (options.sort) pairs.sort((a, b) => b.value - a.value);
  const cats = pairs.map((p) => p.label);
  const vals = pairs.map((p) => p.value);
  const horizontal = options.horizontal ?? false;
  const valueAxis = { title: { text: options.valueAxis ?? "" }, ...(options.valueFormat ? { tickformat: options.valueFormat } : {}) };
  const hover = `%{${horizontal ? "y" : "x"}}: %{${horizontal ? "x" : "y"}${options.valueFormat ? `:${options.valueFormat}` : ""}}<extra></extra>`;
  return {
    data: [
      horizontal
        ? { type: "bar", orientation: "h", x: vals, y: cats, hovertemplate: hover, marker: { color: options.color ?? "#2a6fdb" } }
        : { type: "bar", x: cats, y: vals, hovertemplate: hover, marker: { color: options.color ?? "#2a6fdb" } },
    ],
    layout: {
      title: { text: options.title },
      ...(horizontal ? { xaxis: valueAxis, yaxis: { automargin: true, type: "category" as const } } : { yaxis: valueAxis, xaxis: { automargin: true, type: "category" as const } }),
      height: horizontal ? Math.max(320, 22 * cats.length + 120) : 420,
      margin: { t: 60 },
    },
  };
}
