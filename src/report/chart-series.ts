/**
 * Chart series from the table model: one line per column of a frame, one bar series per column of a table.
 */
import { column, InputError, type DateTable, type Table } from "../core/index";
import type { LineSeries } from "./line-chart";
import type { BarSeries } from "./stacked-bar-chart";

/**
 * One {@link LineSeries} per column of a frame (or any date table), named after the column, one value per date: the
 * `series` of `lineChart`, `equityCurveChart` and `drawdownChart` (whose `dates` are the frame's dates).
 *
 * @param frame dates × columns, e.g. `equityCurves(results)`; `columns` picks and orders them (default all).
 * @throws InputError UNKNOWN_COLUMN for a column the frame lacks.
 * @example
 * ```ts
 * const equity = equityCurves(results);
 * show(equityCurveChart({ title: "Growth of 100", dates: equity.dates, series: lineSeries(equity) }));
 * lineSeries(equity, ["min volatility"]).length; // => 1
 * ```
 */
export function lineSeries(frame: DateTable, columns: readonly string[] = frame.tickers): LineSeries[] {
  return columns.map((name) => {
    if (!frame.tickers.includes(name)) {
      throw new InputError("UNKNOWN_COLUMN", `lineSeries: no column ${name}; columns: ${frame.tickers.join(", ")}`, { column: name });
    }
    return { name, values: column(frame, name) };
  });
}

/**
 * One {@link BarSeries} per numeric column of a table (or the `columns` named), over the table's rows: the `series`
 * of `stackedBarChart` (whose `labels` are the table's labels).
 *
 * @throws InputError UNKNOWN_COLUMN, TEXT_COLUMN as `Table.column`.
 * @example
 * ```ts
 * const costs = costsByComponent(results);
 * stackedBarChart({ title: "Costs", labels: costs.labels, series: barSeries(costs, ["commission", "half-spread"]) });
 * ```
 */
export function barSeries(table: Table, columns: readonly string[] = table.columns): BarSeries[] {
  return columns.map((name) => ({ name, values: table.column(name).values }));
}
