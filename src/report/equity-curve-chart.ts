import { InputError } from "../core/index";
import type { Figure } from "./figure";
import { lineChart, type LineSeries } from "./line-chart";

/** Options of {@link equityCurveChart}. */
export interface EquityCurveChartOptions {
  readonly title: string;
  /** ISO dates, one per value. */
  readonly dates: readonly string[];
  /** Portfolio values (money) per strategy, one per date; each is rebased to `base` on its first date. */
  readonly series: readonly LineSeries[];
  /** The common starting value. Default 100 ("growth of 100"). */
  readonly base?: number;
  /** Logarithmic y axis, so equal percentage moves look equal. Default true. */
  readonly logY?: boolean;
}

/**
 * Equity curves of several strategies on one chart, each rebased to `base` on the first date, so portfolios of
 * different sizes compare as growth of 100.
 *
 * @example
 * ```ts
 * equityCurveChart({ title: "Growth of 100", dates: ["2024-01-02", "2024-01-03"], series: [{ name: "A", values: [1e6, 1.01e6] }] }).data[0].y;
 * // => [100, 101]
 * ```
 * @throws InputError SHAPE_MISMATCH when a series and the dates differ in length; NON_POSITIVE_VALUE when a series
 *   does not start at a positive value.
 */
export function equityCurveChart(options: EquityCurveChartOptions): Figure {
  const base = options.base ?? 100;
  const series = options.series.map((s) => {
    const first = s.values[0];
    if (typeof first !== "number" || !(first > 0)) {
      throw new InputError("NON_POSITIVE_VALUE", `equityCurveChart: ${s.name} starts at ${String(first)}; an equity curve starts at a positive value`, { series: s.name });
    }
    return { name: s.name, values: Array.from(s.values as ArrayLike<number | null>, (v) => (v === null ? null : (v / first) * base)) };
  });
  return lineChart({ title: options.title, x: options.dates, series, yAxis: `growth of ${base}`, logY: options.logY ?? true });
}
