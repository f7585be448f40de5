/**
 * A bar chart of a labelled vector (weights, volatilities, information coefficients), formatted by its unit.
 */
import type { Unit, Vector } from "../core/index";
import { barChart, type BarChartOptions } from "./bar-chart";
import type { Figure } from "./figure";

/** Options of {@link vectorBarChart}: those of `barChart` but the labels and values, which the vector gives. */
export type VectorBarChartOptions = Partial<Omit<BarChartOptions, "title" | "labels" | "values">>;

const AXIS_FORMAT: Partial<Record<Unit, string>> = { fraction: ".0%", ratio: ".2f", money: ",.2f", count: ",d" };

/**
 * The d3 format a unit's values take on a chart axis (percent for fractions), or `undefined` for plotly's own.
 *
 * @example
 * ```ts
 * axisFormat("fraction"); // => ".0%"
 * axisFormat("number");   // => undefined
 * ```
 */
export function axisFormat(unit: Unit): string | undefined {
  return AXIS_FORMAT[unit];
}

/**
 * One bar per label of the vector, in the vector's order (`sort: true` for largest first). The axis format follows
 * the vector's unit (a fraction prints as a percentage, a ratio with two decimals) and the axis title is the
 * vector's name; both can be given instead.
 *
 * @param title the chart's title.
 * @param values a {@link Vector} (its labels, values, unit and name).
 * @example
 * ```ts
 * const w = vector({ A: 0.6, B: 0.4 }, { unit: "fraction", name: "weight" });
 * vectorBarChart("Weights", w).layout.yaxis; // => { title: { text: "weight" }, tickformat: ".0%" }
 * show(vectorBarChart("HRP weights, in cluster order", hrp.weights.pick(hrp.details.order)));
 * ```
 * @throws InputError when a value is not finite (as `barChart`).
 */
export function vectorBarChart(title: string, values: Vector, options: VectorBarChartOptions = {}): Figure {
  const valueFormat = options.valueFormat ?? axisFormat(values.unit);
  const valueAxis = options.valueAxis ?? (values.name === "value" ? undefined : values.name);
  return barChart({ ...options, title, labels: values.labels, values: values.values, valueFormat, valueAxis });
}
