/**
 * The moments of return series as a table that displays itself.
 */
import { InputError, tableOfRows } from "../core/index";
import type { Table } from "../core/index";
import { valuesOfSeries, type SeriesValues } from "./measure-table";
import { returnMoments } from "./return-moments";

/**
 * One row per series: its {@link returnMoments} (count; mean and standard deviation per period, in percent;
 * skewness and excess kurtosis as ratios, 0 for a normal distribution).
 *
 * @param series return series by name; not changed.
 * @example
 * ```ts
 * returnMomentsTable({ portfolio: [0.01, -0.02, 0.03, 0.0] }).column("mean").get("portfolio"); // => ≈ 0.005
 * ```
 * @throws InputError EMPTY_TABLE when no series is given; as {@link returnMoments} (fewer than 2 returns, a non-finite one).
 */
export function returnMomentsTable(series: Readonly<Record<string, SeriesValues>>): Table {
  const names = Object.keys(series);
  if (names.length === 0) throw new InputError("EMPTY_TABLE", "returnMomentsTable: no series given; pass at least one, e.g. { portfolio: series }");
  const rows = names.map((name) => ({ series: name, ...returnMoments(valuesOfSeries(series[name] as SeriesValues)) }));
  return tableOfRows(rows, { units: { count: "count", mean: "fraction", standardDeviation: "fraction", skewness: "ratio", excessKurtosis: "ratio" } });
}
