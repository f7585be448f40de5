/**
 * Feature rows as tables a notebook shows: the catalogue, the rows left out, one row in full, one company's
 * history.
 */
import { formatInUnit, InputError, Panel, panel, table, tableOfRows, type Table, type Unit } from "../core/index";
import type { FeatureDefinition } from "./feature-definition";
import type { FeatureFrame } from "./feature-frame";

/**
 * The catalogue of a store: one row per feature, with the input it reads, the daily prices it needs before its
 * first value (a count) and what it measures, under a caption with the number of companies.
 *
 * @example
 * ```ts
 * catalogueTable(new FeatureStore({ prices, fundamentals, benchmark: "MKTIDX" }));
 * // feature          input   history  description
 * // return_1d        prices        1  last daily simple return (fraction) …
 * ```
 */
export function catalogueTable(store: { readonly catalogue: readonly FeatureDefinition[]; readonly universe: readonly string[] }): Table {
  const rows = store.catalogue.map((f) => ({ feature: f.name, input: f.source, history: f.lookback, description: f.description }));
  return tableOfRows(rows, { units: { history: "count" }, caption: `${store.universe.length} companies`, maxRows: 100 });
}

/**
 * The rows the store left out, by the first feature that was missing (a count), under a caption with the rows and
 * features kept.
 *
 * @example
 * ```ts
 * droppedRows(store.build()); // first missing feature → rows left out; "9,711 rows × 27 features kept"
 * ```
 */
export function droppedRows(frame: FeatureFrame): Table {
  const dropped = frame.dropped ?? {};
  const caption = `${frame.dates.length.toLocaleString("en-US")} rows × ${frame.names.length} features kept`;
  return table({ "rows left out": dropped }, { labelName: "first missing feature", units: { "rows left out": "count" }, caption });
}

/** The units of a frame's features: a panel's, else none (every value a plain number). */
function unitsOf(frame: FeatureFrame): Readonly<Record<string, Unit>> {
  return frame instanceof Panel ? frame.units : {};
}

/**
 * One row of a frame in full, one line per feature: its value printed in its unit (a fraction as a percentage, a
 * count as a whole number), under a caption naming the ticker and the as-of date.
 *
 * @param frame feature rows; a `Panel` (e.g. `panel(store.build(), store.units)`) gives each value its unit.
 * @param position the row, from 0.
 * @example
 * ```ts
 * featureRow(rows, rows.length - 1); // "VLRX as of 2025-12-31": momentum_252d −15.43 %, beta_252d 0.51, …
 * ```
 * @throws InputError BAD_INDEX when the position is outside the frame.
 */
export function featureRow(frame: FeatureFrame, position: number): Table {
  const n = frame.dates.length;
  if (!Number.isInteger(position) || position < 0 || position >= n) {
    throw new InputError("BAD_INDEX", `featureRow: row ${position} is outside the frame of ${n} rows; pass 0 … ${n - 1}`, { row: position });
  }
  const units = unitsOf(frame);
  const values = Object.fromEntries(frame.names.map((name, j) => [name, formatInUnit(frame.columns[j]?.[position], units[name])]));
  return table({ value: values }, { labels: frame.names, labelName: "feature", caption: `${frame.tickers[position]} as of ${frame.dates[position]}` });
}

/** Options of {@link historyTable}. */
export interface HistoryTableOptions {
  /** Keep rows dated on or after this ISO date. */
  readonly from?: string;
  /** Keep rows dated on or before this ISO date. */
  readonly to?: string;
}

/**
 * One company's feature values over time: one row per as-of date, one column per feature, each in its unit.
 *
 * @param frame feature rows; a `Panel` gives the columns their units.
 * @param ticker the company.
 * @param features the features to show, in this order.
 * @example
 * ```ts
 * historyTable(rows, "VLRX", ["revenue_growth", "days_since_filing"], { from: "2021-12-31" }).head(14);
 * ```
 * @throws InputError UNKNOWN_TICKER when the frame has no row of the ticker in the range; UNKNOWN_COLUMN for a
 *   feature the frame lacks.
 */
export function historyTable(frame: FeatureFrame, ticker: string, features: readonly string[], options: HistoryTableOptions = {}): Table {
  const from = options.from ?? "";
  const to = options.to ?? "9999-12-31";
  const rows = panel(frame, unitsOf(frame)).where((r) => r.ticker === ticker && r.date >= from && r.date <= to);
  if (rows.length === 0) {
    throw new InputError("UNKNOWN_TICKER", `historyTable: no row of ${ticker} from ${options.from ?? "the start"} to ${options.to ?? "the end"}; check the ticker and the dates`, { ticker });
  }
  const columns = Object.fromEntries(features.map((f) => [f, { labels: rows.dates, values: rows.values(f) }]));
  const units = Object.fromEntries(features.map((f) => [f, rows.units[f] ?? "number"]));
  return table(columns, { labels: rows.dates, labelName: "as of", units, caption: ticker });
}
