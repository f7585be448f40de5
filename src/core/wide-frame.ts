/**
 * The wide table of the workbook: dates × columns (prices, returns, weights over time, equity curves), with the
 * verbs a researcher reaches for. A `Frame` is a `DateTable`, so every function that takes one takes a frame.
 */
import { checkDateTable } from "./check-date-table";
import { InputError } from "./errors";
import type { DateTable } from "./frame";
import { returnsFromPrices, type ReturnsFromPricesOptions } from "./returns-from-prices";
import { DISPLAY_TABLE, INSPECT, inspectDisplayable, type Displayable, type DisplayTable } from "./self-display";
import type { TableValue } from "./table";
import type { Unit } from "./unit";
import { Vector } from "./vector";

/** Options of {@link frame}. */
export interface FrameOptions {
  /** Unit of the values (default `"number"`; `returns()` gives `"fraction"`). */
  readonly unit?: Unit;
  /** Rows shown when the frame displays itself (default 10, the last ones). */
  readonly shownRows?: number;
}

/**
 * A wide table: one row per date, one column per ticker (or strategy, series). Row-major `Float64Array` values,
 * `NaN` for a missing value. Immutable: every verb returns a new frame.
 *
 * @example
 * ```ts
 * const prices = frame({ dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B"], values: Float64Array.from([10, 20, 11, 19]) });
 * prices.last().get("A");           // => 11
 * prices.returns().at("2024-01-03").get("B"); // => -0.05
 * prices.tail(1).dates;             // => ["2024-01-03"]
 * ```
 */
export class Frame implements DateTable, Displayable {
  readonly dates: readonly string[];
  readonly tickers: readonly string[];
  readonly values: Float64Array;
  readonly unit: Unit;
  readonly shownRows: number;

  /** Use {@link frame}, which checks the table. */
  constructor(table: DateTable, options: FrameOptions = {}) {
    this.dates = table.dates;
    this.tickers = table.tickers;
    this.values = table.values;
    this.unit = options.unit ?? "number";
    this.shownRows = options.shownRows ?? 10;
  }

  #like(table: DateTable, options: FrameOptions = {}): Frame {
    return new Frame(table, { unit: options.unit ?? this.unit, shownRows: options.shownRows ?? this.shownRows });
  }

  /** Column labels (the tickers). */
  get columns(): readonly string[] {
    return this.tickers;
  }

  /** Number of dates (rows). */
  get length(): number {
    return this.dates.length;
  }

  /** First and last date, e.g. `"2019-01-02 … 2023-12-29"`. */
  get span(): string {
    return this.dates.length === 0 ? "(no dates)" : `${this.dates[0]} … ${this.dates[this.dates.length - 1]}`;
  }

  #rows(from: number, to: number): Frame {
    const m = this.tickers.length;
    return this.#like({ dates: this.dates.slice(from, to), tickers: this.tickers, values: this.values.slice(from * m, to * m) });
  }

  /** The first `n` dates. */
  head(n: number): Frame {
    return this.#rows(0, Math.min(Math.max(n, 0), this.length));
  }

  /** The last `n` dates (all of them when there are fewer). */
  tail(n: number): Frame {
    return this.#rows(Math.max(this.length - Math.max(n, 0), 0), this.length);
  }

  /**
   * The dates from `from` to `to`, both included (ISO dates; either may be omitted).
   *
   * @throws InputError EMPTY_RANGE when no date falls in the range.
   */
  between(from?: string, to?: string): Frame {
    let i = 0;
    while (i < this.length && from !== undefined && (this.dates[i] as string) < from) i++;
    let j = i;
    while (j < this.length && (to === undefined || (this.dates[j] as string) <= to)) j++;
    if (j === i) throw new InputError("EMPTY_RANGE", `Frame.between: no date in ${from ?? "start"} … ${to ?? "end"}; the frame spans ${this.span}`, { from, to });
    return this.#rows(i, j);
  }

  #columnIndex(name: string): number {
    const j = this.tickers.indexOf(name);
    if (j < 0) {
      const some = this.tickers.slice(0, 8).join(", ");
      throw new InputError("UNKNOWN_COLUMN", `Frame: no column ${name}; columns: ${some}${this.tickers.length > 8 ? `, … (${this.tickers.length})` : ""}`, { column: name });
    }
    return j;
  }

  /** These columns, in this order. @throws InputError UNKNOWN_COLUMN. */
  select(columns: readonly string[]): Frame {
    const idx = columns.map((c) => this.#columnIndex(c));
    const n = this.length;
    const m = this.tickers.length;
    const out = new Float64Array(n * idx.length);
    for (let i = 0; i < n; i++) for (let k = 0; k < idx.length; k++) out[i * idx.length + k] = this.values[i * m + (idx[k] as number)] as number;
    return this.#like({ dates: this.dates, tickers: [...columns], values: out });
  }

  /**
   * The columns with a value on the first and the last date: tickers listed throughout the frame, neither listed
   * late nor delisted, as estimators that need one common window (a regime model, a covariance without pairwise
   * deletion) want. A missing day in between stays missing.
   *
   * @example
   * ```ts
   * frame({ dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: new Float64Array([1, NaN, NaN, 2, 3, 4]) }).listedThroughout().columns; // => ["A"]
   * ```
   */
  listedThroughout(): Frame {
    const n = this.length;
    return this.select(this.tickers.filter((c) => n > 0 && Number.isFinite(this.at(this.dates[0] as string).get(c)) && Number.isFinite(this.at(this.dates[n - 1] as string).get(c))));
  }

  /** The values of one column, one per date (a copy). @throws InputError UNKNOWN_COLUMN. */
  column(name: string): Float64Array {
    const j = this.#columnIndex(name);
    const m = this.tickers.length;
    return Float64Array.from({ length: this.length }, (_, i) => this.values[i * m + j] as number);
  }

  /** One column as a {@link Vector} labelled by date. */
  series(name: string): Vector {
    return new Vector(this.dates, this.column(name), { unit: this.unit, name, labelName: "date" });
  }

  #row(i: number): Vector {
    const m = this.tickers.length;
    return new Vector(this.tickers, this.values.subarray(i * m, (i + 1) * m), { unit: this.unit, name: this.dates[i] as string });
  }

  /**
   * The row of one date as a {@link Vector} labelled by column.
   *
   * @throws InputError UNKNOWN_DATE naming the frame's span.
   */
  at(date: string): Vector {
    const i = this.dates.indexOf(date);
    if (i < 0) throw new InputError("UNKNOWN_DATE", `Frame.at: no row dated ${date}; the frame spans ${this.span} (asOf(date) takes the last row on or before it)`, { date });
    return this.#row(i);
  }

  /** The row of the last date on or before `date`. @throws InputError BEFORE_START when every date is later. */
  asOf(date: string): Vector {
    let i = this.length - 1;
    while (i >= 0 && (this.dates[i] as string) > date) i--;
    if (i < 0) throw new InputError("BEFORE_START", `Frame.asOf: ${date} is before the first date ${this.dates[0]}`, { date });
    return this.#row(i);
  }

  /** The last row, labelled by column. @throws InputError EMPTY_RANGE on an empty frame. */
  last(): Vector {
    if (this.length === 0) throw new InputError("EMPTY_RANGE", "Frame.last: the frame has no rows");
    return this.#row(this.length - 1);
  }

  /**
   * Per-period simple returns (or log returns) of a price frame, as `returnsFromPrices` (PyPortfolioOpt's
   * `returns_from_prices`): a fraction per period, dated by the later price, rows where every return is missing
   * dropped.
   */
  returns(options: ReturnsFromPricesOptions = {}): Frame {
    return this.#like(returnsFromPrices(this, options), { unit: "fraction" });
  }

  /** A new frame of `f(value, date, column)`, in the same unit unless `unit` says otherwise. */
  map(f: (value: number, date: string, column: string) => number, unit?: Unit): Frame {
    const m = this.tickers.length;
    const out = this.values.map((v, k) => f(v, this.dates[Math.floor(k / m)] as string, this.tickers[k % m] as string));
    return this.#like({ dates: this.dates, tickers: this.tickers, values: out }, { unit });
  }

  /** The same values in another unit. */
  as(unit: Unit): Frame {
    return this.#like(this, { unit });
  }

  /** Rows as plain objects `{ date, [column]: value, … }`. */
  toRows(): Record<string, TableValue>[] {
    const m = this.tickers.length;
    return this.dates.map((d, i) => Object.fromEntries([["date", d], ...this.tickers.map((t, j) => [t, this.values[i * m + j] as number])]));
  }

  /** The display table: the last `shownRows` dates, every value in the frame's unit. */
  [DISPLAY_TABLE](): DisplayTable {
    const shown = this.tail(this.shownRows);
    const units = Object.fromEntries(this.tickers.map((t) => [t, this.unit]));
    const more = this.length > shown.length ? `last ${shown.length} of ${this.length} dates` : `${this.length} dates`;
    return { rows: shown.toRows(), options: { units, headers: "keys", caption: `${more} × ${this.tickers.length} columns, ${this.span}` } };
  }

  [INSPECT](depth: number): string {
    return inspectDisplayable(this, depth, `Frame ${this.length} dates × ${this.tickers.length} columns`);
  }
}

/**
 * A {@link Frame} from a date table (prices, returns, any wide table), checked: dates strictly increasing, tickers
 * unique, one value per cell.
 *
 * @example
 * ```ts
 * const prices = frame(await loadPrices(db)); // then prices.tail(252).returns()
 * ```
 * @throws InputError when the table is malformed (the message names what).
 */
export function frame(table: DateTable, options: FrameOptions = {}): Frame {
  if (table instanceof Frame && options.unit === undefined && options.shownRows === undefined) return table;
  checkDateTable(table, "frame", "table");
  return new Frame(table, options);
}
