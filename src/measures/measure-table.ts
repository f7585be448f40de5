/**
 * Several measures of several return series side by side: a table that displays itself.
 */
import { InputError, table } from "../core/index";
import type { Table, Unit } from "../core/index";
import type { ReturnSeries } from "./return-series";

/** A return series: a {@link ReturnSeries} (its values are read) or plain per-period returns. */
export type SeriesValues = ReturnSeries | ArrayLike<number>;

/** A measure of one series, e.g. `volatility` or `downsideDeviation`. */
export type SeriesMeasure = (returns: Float64Array) => number;

/** A measure of a series against a benchmark, e.g. `beta` or `trackingError`. */
export type RelativeMeasure = (returns: Float64Array, benchmark: Float64Array) => number;

/** Options of {@link measureTable}. */
export interface MeasureTableOptions {
  /** Unit of every measure column not named in `units` (default `"number"`). */
  readonly unit?: Unit;
  /** Unit by measure, e.g. `{ beta: "ratio", "tracking error": "fraction" }`. */
  readonly units?: Readonly<Record<string, Unit>>;
  /** Header of the column naming the series (default `"series"`). */
  readonly labelName?: string;
  readonly caption?: string;
}

/**
 * The returns of a series as a new `Float64Array` (the values of a {@link ReturnSeries}, or the array itself).
 *
 * @example
 * ```ts
 * valuesOfSeries({ dates: ["d1"], values: Float64Array.of(0.01) }); // => Float64Array [0.01]
 * ```
 */
export function valuesOfSeries(series: SeriesValues): Float64Array {
  if (typeof (series as ArrayLike<number>).length === "number") return Float64Array.from(series as ArrayLike<number>);
  return Float64Array.from((series as ReturnSeries).values);
}

/**
 * One row per series, one column per measure: `measures[name](returns)` of each series, each column in its unit.
 * With `benchmark`, each measure is computed against it: `measures[name](returns, benchmark)` (the series and the
 * benchmark must cover the same dates).
 *
 * @param series return series by name (e.g. `{ portfolio: series, MKTIDX: benchmarkSeries }`); not changed.
 * @param measures measures by column name, functions of the returns (and the benchmark's).
 * @example
 * ```ts
 * measureTable({ portfolio: [0.01, -0.02, 0.03] }, { volatility: volatility }, { unit: "fraction" })
 *   .column("volatility").get("portfolio"); // => ≈ 0.40 (annualised with √252)
 * measureTable({ portfolio: r }, { beta: beta }, { benchmark: market, units: { beta: "ratio" } });
 * ```
 * @throws InputError EMPTY_TABLE when no series or no measure is given; whatever a measure throws.
 */
export function measureTable(series: Readonly<Record<string, SeriesValues>>, measures: Readonly<Record<string, SeriesMeasure>>, options?: MeasureTableOptions): Table;
export function measureTable(
  series: Readonly<Record<string, SeriesValues>>,
  measures: Readonly<Record<string, RelativeMeasure>>,
  options: MeasureTableOptions & { readonly benchmark: SeriesValues },
): Table;
export function measureTable(
  series: Readonly<Record<string, SeriesValues>>,
  measures: Readonly<Record<string, RelativeMeasure>>,
  options: MeasureTableOptions & { readonly benchmark?: SeriesValues } = {},
): Table {
  const names = Object.keys(series);
  if (names.length === 0 || Object.keys(measures).length === 0) {
    throw new InputError("EMPTY_TABLE", `measureTable: ${names.length === 0 ? "no series" : "no measure"} given; pass at least one of each`);
  }
  const benchmark = options.benchmark === undefined ? undefined : valuesOfSeries(options.benchmark);
  const values = Object.fromEntries(names.map((n) => [n, valuesOfSeries(series[n] as SeriesValues)]));
  const columns = Object.fromEntries(
    Object.entries(measures).map(([measure, f]) => [
      measure,
      Object.fromEntries(names.map((n) => [n, benchmark === undefined ? (f as SeriesMeasure)(values[n] as Float64Array) : f(values[n] as Float64Array, benchmark)])),
    ]),
  );
  const units = Object.fromEntries(Object.keys(measures).map((m) => [m, options.units?.[m] ?? options.unit ?? "number"]));
  return table(columns, { labels: names, labelName: options.labelName ?? "series", units, caption: options.caption });
}
