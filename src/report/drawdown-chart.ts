import type { Figure, ScatterTrace } from "./figure";
import { lineChart, type LineSeries } from "./line-chart";

/** Options of {@link drawdownChart}. */
export interface DrawdownChartOptions {
  readonly title: string;
  /** ISO dates, one per value. */
  readonly dates: readonly string[];
  /** Drawdowns per strategy (fractions ≤ 0, e.g. from `risk.drawdowns`). */
  readonly series: readonly LineSeries[];
}

/**
 * "Underwater" curves: how far below its running peak each strategy stands, filled down from 0, y axis in percent.
 *
 * @example
 * ```ts
 * drawdownChart({ title: "Drawdowns", dates: ["2024-01-02", "2024-01-03"], series: [{ name: "A", values: [0, -0.05] }] }).data[0].fill;
 * // => "tozeroy"
 * ```
 * @throws InputError SHAPE_MISMATCH when a series and the dates differ in length.
 */
export function drawdownChart(options: DrawdownChartOptions): Figure {
  const figure = lineChart({ title: options.title, x: options.dates, series: options.series, yAxis: "below the running peak", yFormat: ".0%" });
  return { ...figure, data: figure.data.map((t) => ({ ...(t as ScatterTrace), fill: "tozeroy" as const, line: { width: 1 } })) };
}
