/**
 * The long table of the workbook: one row per (date, ticker), one column per feature, target or model output.
 * Features are built on it, models train on it, and walk-forward outputs join it as columns.
 */
import { InputError } from "./errors";
import { Table, table } from "./labelled-table";
import { DISPLAY_TABLE, INSPECT, inspectDisplayable, type Displayable, type DisplayTable } from "./self-display";
import type { TableValue } from "./table";
import type { Unit } from "./unit";
import { Vector } from "./vector";

/** The fields of a long table: the shape of the features layer's `FeatureFrame`, which a {@link Panel} is. */
export interface PanelFields {
  /** Column names, unique. */
  readonly names: readonly string[];
  /** Column `j` holds `names[j]` for every row. */
  readonly columns: readonly Float64Array[];
  /** As-of date (ISO) of each row, ascending. */
  readonly dates: readonly string[];
  /** Ticker of each row. */
  readonly tickers: readonly string[];
  /** Rows left out while it was built, by reason. */
  readonly dropped?: Readonly<Record<string, number>>;
}

/**
 * A long table: rows are (date, ticker) pairs, columns are features and model outputs (`Float64Array`s, `NaN`
 * for missing). A panel is a `FeatureFrame`, so every model takes it. Immutable: every verb returns a new panel.
 *
 * @example
 * ```ts
 * const p = panel({ names: ["momentum"], columns: [Float64Array.from([0.1, 0.2, 0.3])],
 *   dates: ["2024-03-29", "2024-03-29", "2024-06-28"], tickers: ["A", "B", "A"] });
 * p.latest().tickers;                        // => ["A"]
 * p.with("forecast", [1, 2, 3]).names;       // => ["momentum", "forecast"]
 * p.on("2024-03-29").column("momentum").get("B"); // => 0.2
 * ```
 */
export class Panel implements PanelFields, Displayable {
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly dates: readonly string[];
  readonly tickers: readonly string[];
  readonly dropped?: Readonly<Record<string, number>>;
  /** Units by column name (columns not named are `"number"`). */
  readonly units: Readonly<Record<string, Unit>>;

  /** Use {@link panel}, which checks the fields. */
  constructor(fields: PanelFields, units: Readonly<Record<string, Unit>> = {}) {
    this.names = fields.names;
    this.columns = fields.columns;
    this.dates = fields.dates;
    this.tickers = fields.tickers;
    if (fields.dropped !== undefined) this.dropped = fields.dropped;
    this.units = units;
  }

  /** Number of rows. */
  get length(): number {
    return this.dates.length;
  }

  /** The distinct dates, ascending. */
  get asOfDates(): readonly string[] {
    return [...new Set(this.dates)].sort();
  }

  #index(name: string): number {
    const j = this.names.indexOf(name);
    if (j < 0) throw new InputError("UNKNOWN_COLUMN", `Panel: no column ${name}; columns: ${this.names.join(", ")}`, { column: name });
    return j;
  }

  /** One column's values, one per row. @throws InputError UNKNOWN_COLUMN. */
  values(name: string): Float64Array {
    return this.columns[this.#index(name)] as Float64Array;
  }

  /**
   * One column as a {@link Vector} labelled by ticker, for a panel holding one date (after {@link on} or
   * {@link latest}).
   *
   * @throws InputError SEVERAL_DATES when the panel holds more than one date (a ticker would repeat).
   */
  column(name: string): Vector {
    if (new Set(this.dates).size > 1) {
      throw new InputError("SEVERAL_DATES", `Panel.column: the panel holds ${new Set(this.dates).size} dates, so a ticker repeats; take one date first with on(date) or latest()`);
    }
    return new Vector(this.tickers, this.values(name), { unit: this.units[name] ?? "number", name });
  }

  /**
   * This panel with one more column (or a replaced one), aligned row by row — how walk-forward outputs join the
   * features they were computed from.
   *
   * @throws InputError LENGTH_MISMATCH when the column's length is not the panel's.
   */
  with(name: string, values: ArrayLike<number>, unit?: Unit): Panel {
    if (values.length !== this.length) {
      throw new InputError("LENGTH_MISMATCH", `Panel.with: column ${name} has ${values.length} values for ${this.length} rows; give one per row`, { column: name });
    }
    const keep = this.names.map((n, j) => [n, this.columns[j] as Float64Array] as const).filter(([n]) => n !== name);
    const units = unit === undefined ? this.units : { ...this.units, [name]: unit };
    return new Panel({ names: [...keep.map(([n]) => n), name], columns: [...keep.map(([, c]) => c), Float64Array.from(values)], dates: this.dates, tickers: this.tickers }, units);
  }

  /** The rows at these positions. */
  rows(positions: readonly number[]): Panel {
    const pick = <T>(xs: readonly T[]) => positions.map((i) => xs[i] as T);
    return new Panel({ names: this.names, columns: this.columns.map((c) => Float64Array.from(positions, (i) => c[i] as number)), dates: pick(this.dates), tickers: pick(this.tickers) }, this.units);
  }

  /** The rows for which `keep(row, position)` holds; a row is `{ date, ticker, [column]: value }`. */
  where(keep: (row: Readonly<Record<string, number | string>>, position: number) => boolean): Panel {
    return this.#positions((i) => keep(this.#row(i), i));
  }

  /** The rows where a column is not missing (e.g. the rows a walk-forward tested). */
  wherePresent(name: string): Panel {
    const values = this.values(name);
    return this.#positions((i) => !Number.isNaN(values[i] as number));
  }

  /** The rows at the positions where `keep(position)` holds (no row objects built). */
  #positions(keep: (position: number) => boolean): Panel {
    const positions: number[] = [];
    for (let i = 0; i < this.length; i++) if (keep(i)) positions.push(i);
    return this.rows(positions);
  }

  /** The rows of one date. @throws InputError UNKNOWN_DATE. */
  on(date: string): Panel {
    const out = this.#positions((i) => this.dates[i] === date);
    if (out.length === 0) throw new InputError("UNKNOWN_DATE", `Panel.on: no row dated ${date}; dates run ${this.asOfDates[0]} … ${this.asOfDates[this.asOfDates.length - 1]}`, { date });
    return out;
  }

  /** The rows of the last date. */
  latest(): Panel {
    const dates = this.asOfDates;
    return this.on(dates[dates.length - 1] as string);
  }

  /** These columns, in this order. */
  select(names: readonly string[]): Panel {
    return new Panel({ names: [...names], columns: names.map((n) => this.values(n)), dates: this.dates, tickers: this.tickers }, this.units);
  }

  #row(i: number): Record<string, number | string> {
    return Object.fromEntries([["date", this.dates[i] as string], ["ticker", this.tickers[i] as string], ...this.names.map((n, j) => [n, (this.columns[j] as Float64Array)[i] as number])]);
  }

  /** Rows as plain objects `{ date, ticker, [column]: value, … }`. */
  toRows(): Record<string, TableValue>[] {
    return Array.from({ length: this.length }, (_, i) => this.#row(i));
  }

  /** One date's rows as a {@link Table} by ticker (the panel must hold one date). */
  toTable(): Table {
    return table(Object.fromEntries(this.names.map((n) => [n, this.column(n)])));
  }

  /** The display table: the last 10 rows. */
  [DISPLAY_TABLE](): DisplayTable {
    const start = Math.max(this.length - 10, 0);
    const rows = this.toRows().slice(start);
    const caption = `${this.length > rows.length ? `last ${rows.length} of ` : ""}${this.length} rows × ${this.names.length} columns, ${this.asOfDates.length} dates`;
    return { rows, options: { units: this.units, caption, headers: "keys" } };
  }

  [INSPECT](depth: number): string {
    return inspectDisplayable(this, depth, `Panel ${this.length} rows × ${this.names.length} columns`);
  }
}

/**
 * A {@link Panel} from a long table's fields (a `FeatureFrame`), checked.
 *
 * @example
 * ```ts
 * const quarterly = panel(store.build({ sampling: quarterEnds() }));
 * ```
 * @throws InputError LENGTH_MISMATCH when a column, the dates or the tickers differ in length; DUPLICATE_COLUMN.
 */
export function panel(fields: PanelFields, units: Readonly<Record<string, Unit>> = {}): Panel {
  if (fields instanceof Panel && Object.keys(units).length === 0) return fields;
  const n = fields.dates.length;
  if (fields.tickers.length !== n) throw new InputError("LENGTH_MISMATCH", `panel: ${n} dates but ${fields.tickers.length} tickers; give one of each per row`);
  if (fields.names.length !== fields.columns.length) throw new InputError("LENGTH_MISMATCH", `panel: ${fields.names.length} names but ${fields.columns.length} columns`);
  fields.columns.forEach((c, j) => {
    if (c.length !== n) throw new InputError("LENGTH_MISMATCH", `panel: column ${fields.names[j]} has ${c.length} values for ${n} rows`, { column: fields.names[j] });
  });
  if (new Set(fields.names).size !== fields.names.length) throw new InputError("DUPLICATE_COLUMN", `panel: a column name repeats (${fields.names.join(", ")})`);
  return new Panel(fields, units);
}
