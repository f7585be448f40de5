import { InputError } from "../core/index";
import type { DateTable } from "../core/index";
import { column } from "../core/index";
import type { Figure, ScatterTrace } from "./figure";

/** One line of a {@link lineChart}. */
export interface LineSeries {
  readonly name: string;
  /** One value per x; `NaN` or `null` leaves a gap. */
  readonly values: ArrayLike<number | null>;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  readonly title: string;
  /** x values, e.g. ISO dates. */
  readonly x: readonly (string | number)[];
  readonly series: readonly LineSeries[];
  readonly yAxis?: string;
  readonly yFormat?: string;
  readonly logY?: boolean;
}

/**
 * A line chart of one or more series over a shared x axis (prices, equity curves).
 *
 * @example
 * ```ts
 * lineChart({ title: "Prices", x: ["2024-01-02", "2024-01-03"], series: [{ name: "A", values: [10, 11] }] }).data.length;
 * // => 1
 * ```
 * @throws InputError when a series has a different length from x.
 */
export function lineChart(options: LineChartOptions): Figure {
  const data: ScatterTrace[] = options.series.map((s) => {
    if (s.values.length !== options.x.length) {
      throw new InputError("SHAPE_MISMATCH", `lineChart: series ${s.name} has ${s.values.length} values for ${options.x.length} x values`, { series: s.name });
    }
    const y = Array.from({ length: s.values.length }, (_, i) => {
      const v = s.values[i];
      return v === null || v === undefined || Number.isNaN(v) ? null : v;
    });
    return { type: "scatter", mode: "lines", name: s.name, x: options.x, y };
  });
  const isDate = typeof options.x[0] === "string" && /^\d{4}-\d{2}-\d{2}/.test(options.x[0] as string);
  return {
    data,
    layout: {
      title: { text: options.title },
      xaxis: isDate ? { type: "date" } : {},
      yaxis: { title: { text: options.yAxis ?? "" }, ...(options.logY ? { type: "log" as const } : {}), ...(options.yFormat ? { tickformat: options.yFormat } : {}) },
      height: 420,
      hovermode: "x unified",
    },
  };
}

/**
 * A line chart of every column of a {@link DateTable} (one line per ticker, dates on x).
 *
 * @example
 * ```ts
 * tableLineChart("Growth of 100", rebase(prices), { logY: true }).data.length; // => prices.tickers.length
 * ```
 */
export function tableLineChart(title: string, table: DateTable, options: { yAxis?: string; yFormat?: string; logY?: boolean } = {}): Figure {
  return lineChart({ title, x: table.dates, series: table.tickers.map((t) => ({ name: t, values: column(table, t) })), ...options });
}
