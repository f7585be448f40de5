/**
 * A cross-section: rows labelled by ticker (or method, group, profile), named columns each in its unit. What a
 * comparison of assets or portfolios is, and how it prints.
 */
import { InputError } from "./errors";
import type { LabelledVector } from "./frame";
import { DISPLAY_TABLE, INSPECT, inspectDisplayable, type Displayable, type DisplayTable } from "./self-display";
import type { TableValue } from "./table";
import type { Unit } from "./unit";
import { isLabelledVector, Vector } from "./vector";

/** One column of a {@link table}: a labelled vector (a `Vector` keeps its unit), or a record label → number or text. */
export type TableColumnSource = LabelledVector | Readonly<Record<string, TableValue>>;

/** Options of {@link table}. */
export interface LabelledTableOptions {
  /** The rows, in order (default: the labels of the first column). */
  readonly labels?: readonly string[];
  /** Header of the label column (default `"ticker"`). */
  readonly labelName?: string;
  /** Unit of every numeric column that is not a `Vector` and not named in `units` (default `"number"`). */
  readonly unit?: Unit;
  /** Units by column, for columns that are not `Vector`s (or to override one). Text columns need none. */
  readonly units?: Readonly<Record<string, Unit>>;
  /** A caption printed above the table. */
  readonly caption?: string;
  /** At most this many rows are shown (default 50). */
  readonly maxRows?: number;
}

interface Column {
  readonly name: string;
  readonly unit: Unit;
  readonly values: readonly TableValue[];
}

function lookup(source: TableColumnSource): (label: string) => TableValue {
  if (source instanceof Vector) return (l) => (source.has(l) ? source.get(l) : Number.NaN);
  if (isLabelledVector(source)) {
    const index = new Map(source.labels.map((l, i) => [l, i]));
    return (l) => {
      const i = index.get(l);
      return i === undefined ? Number.NaN : (source.values[i] as number);
    };
  }
  const record = source as Readonly<Record<string, TableValue>>;
  return (l) => record[l];
}

function firstLabels(source: TableColumnSource): readonly string[] {
  return isLabelledVector(source) ? source.labels : Object.keys(source);
}

/**
 * A table of named columns over labelled rows. Immutable: every verb returns a new table.
 *
 * @example
 * ```ts
 * const t = table({ weight: vector({ A: 0.6, B: 0.4 }, { unit: "fraction" }), sector: { A: "Energy", B: "Tech" } });
 * t.sortBy("weight", "ascending").labels; // => ["B", "A"]
 * t.column("weight").get("A");            // => 0.6
 * ```
 */
export class Table implements Displayable {
  readonly labels: readonly string[];
  readonly labelName: string;
  readonly caption: string | undefined;
  readonly maxRows: number;
  readonly #columns: readonly Column[];

  /** This table showing at most `rows` rows when it displays itself. */
  showing(rows: number): Table {
    return this.#with(this.labels, this.#columns, { maxRows: rows });
  }

  /** Use {@link table}. */
  constructor(labels: readonly string[], columns: readonly Column[], options: { labelName?: string; caption?: string; maxRows?: number } = {}) {
    this.labels = labels;
    this.#columns = columns;
    this.labelName = options.labelName ?? "ticker";
    this.caption = options.caption;
    this.maxRows = options.maxRows ?? 50;
  }

  #with(labels: readonly string[], columns: readonly Column[], options: { caption?: string; maxRows?: number } = {}): Table {
    return new Table(labels, columns, { labelName: this.labelName, caption: options.caption ?? this.caption, maxRows: options.maxRows ?? this.maxRows });
  }

  /** Column names, in order. */
  get columns(): readonly string[] {
    return this.#columns.map((c) => c.name);
  }

  /** Number of rows. */
  get length(): number {
    return this.labels.length;
  }

  #column(name: string): Column {
    const c = this.#columns.find((x) => x.name === name);
    if (!c) throw new InputError("UNKNOWN_COLUMN", `Table: no column ${name}; its columns are ${this.columns.join(", ")}`, { column: name });
    return c;
  }

  /**
   * One numeric column as a {@link Vector} over the rows.
   *
   * @throws InputError UNKNOWN_COLUMN; TEXT_COLUMN when the column holds text.
   */
  column(name: string): Vector {
    const c = this.#column(name);
    if (c.values.some((v) => typeof v === "string")) {
      throw new InputError("TEXT_COLUMN", `Table: column ${name} holds text; column() returns numbers (use toRows() for text)`, { column: name });
    }
    return new Vector(this.labels, c.values.map((v) => (typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : Number.NaN)), { unit: c.unit, name, labelName: this.labelName });
  }

  /** The value in one row and column. */
  at(label: string, column: string): TableValue {
    const i = this.labels.indexOf(label);
    if (i < 0) throw new InputError("UNKNOWN_LABEL", `Table: no row ${label}`, { label });
    return this.#column(column).values[i];
  }

  #rowsAt(positions: readonly number[]): Table {
    return this.#with(
      positions.map((i) => this.labels[i] as string),
      this.#columns.map((c) => ({ ...c, values: positions.map((i) => c.values[i]) })),
    );
  }

  /** Rows sorted by a column, largest first unless `"ascending"`; missing values last. */
  sortBy(column: string, order: "descending" | "ascending" = "descending"): Table {
    const values = this.#column(column).values;
    const sign = order === "descending" ? -1 : 1;
    const key = (v: TableValue) => (typeof v === "number" && !Number.isNaN(v) ? v : undefined);
    const positions = this.labels.map((_, i) => i).sort((a, b) => {
      const x = key(values[a]);
      const y = key(values[b]);
      if (x === undefined) return y === undefined ? String(values[a]).localeCompare(String(values[b])) : 1;
      if (y === undefined) return -1;
      return sign * (x - y);
    });
    return this.#rowsAt(positions);
  }

  /** The first `n` rows. */
  head(n: number): Table {
    return this.#rowsAt(this.labels.slice(0, n).map((_, i) => i));
  }

  /** The `n` rows with the largest values of a column, largest first. */
  top(n: number, column: string): Table {
    return this.sortBy(column).head(n);
  }

  /** The rows for which `keep(row)` holds. */
  where(keep: (row: Readonly<Record<string, TableValue>>) => boolean): Table {
    const rows = this.toRows();
    return this.#rowsAt(rows.map((r, i) => (keep(r) ? i : -1)).filter((i) => i >= 0));
  }

  /**
   * The rows with at least one numeric value larger than `tolerance` in absolute value (default 1e-4): e.g. the
   * groups some portfolio holds. Text columns are ignored.
   */
  nonZero(tolerance = 1e-4): Table {
    const numeric = this.#columns.filter((c) => !c.values.some((v) => typeof v === "string"));
    const keep = this.labels.map((_, i) => i).filter((i) => numeric.some((c) => Math.abs(Number(c.values[i])) > tolerance));
    return this.#rowsAt(keep);
  }

  /** These columns, in this order. */
  select(columns: readonly string[]): Table {
    return this.#with(this.labels, columns.map((c) => this.#column(c)));
  }

  /** This table with one more (or a replaced) column. */
  with(name: string, source: TableColumnSource, unit?: Unit): Table {
    const column = columnOf(name, source, this.labels, unit);
    const others = this.#columns.filter((c) => c.name !== name);
    return this.#with(this.labels, [...others, column]);
  }

  /** This table with a caption. */
  titled(caption: string): Table {
    return this.#with(this.labels, this.#columns, { caption });
  }

  /** Rows as plain objects `{ [labelName]: label, column: value, … }`. */
  toRows(): Record<string, TableValue>[] {
    return this.labels.map((l, i) => Object.fromEntries([[this.labelName, l], ...this.#columns.map((c) => [c.name, c.values[i]])]));
  }

  /** The display table. */
  [DISPLAY_TABLE](): DisplayTable {
    const units = Object.fromEntries(this.#columns.map((c) => [c.name, c.unit]));
    return { rows: this.toRows(), options: { units, caption: this.caption, maxRows: this.maxRows } };
  }

  [INSPECT](depth: number): string {
    return inspectDisplayable(this, depth, `Table ${this.length} rows × ${this.#columns.length} columns`);
  }
}

function columnOf(name: string, source: TableColumnSource, labels: readonly string[], unit?: Unit): Column {
  const get = lookup(source);
  const values = labels.map(get);
  const own = source instanceof Vector ? source.unit : undefined;
  const isText = values.some((v) => typeof v === "string");
  return { name, unit: unit ?? own ?? (isText ? "text" : "number"), values };
}

/**
 * A {@link Table} from named columns sharing labels: vectors (each keeps its unit), records of numbers or text.
 *
 * @example
 * ```ts
 * table({ historical: mu, posterior: bl.posteriorReturns }, { unit: "fraction" })
 *   .sortBy("posterior"); // displays itself: a ticker column and two percent columns
 * ```
 * @throws InputError EMPTY_TABLE when no column is given.
 */
export function table(columns: Readonly<Record<string, TableColumnSource>>, options: LabelledTableOptions = {}): Table {
  const entries = Object.entries(columns);
  if (entries.length === 0 && options.labels === undefined) {
    throw new InputError("EMPTY_TABLE", "table: no columns given; pass at least one named vector or record");
  }
  const labels = options.labels ?? firstLabels(entries[0]![1]);
  const built = entries.map(([name, source]) => {
    const column = columnOf(name, source, labels, options.units?.[name]);
    const plain = options.units?.[name] === undefined && !(source instanceof Vector) && column.unit === "number";
    return plain && options.unit !== undefined ? { ...column, unit: options.unit } : column;
  });
  return new Table(labels, built, { labelName: options.labelName, caption: options.caption, maxRows: options.maxRows });
}

/**
 * A {@link Table} from rows (plain objects sharing keys), the first key labelling the rows.
 *
 * @example
 * ```ts
 * tableOfRows([{ method: "HRP", volatility: 0.1 }, { method: "max Sharpe", volatility: 0.15 }], { units: { volatility: "fraction" } });
 * ```
 * @throws InputError EMPTY_TABLE when there are no rows.
 */
export function tableOfRows<R extends { readonly [K in keyof R]: TableValue }>(rows: readonly R[], options: Omit<LabelledTableOptions, "labels" | "labelName"> = {}): Table {
  if (rows.length === 0) throw new InputError("EMPTY_TABLE", "tableOfRows: no rows; check the filter that produced them");
  const cells = rows as readonly Readonly<Record<string, TableValue>>[];
  const [labelName, ...names] = Object.keys(cells[0] as object);
  const labels = cells.map((r) => String(r[labelName as string]));
  const columns = names.map((n) => {
    const values = cells.map((r) => r[n]);
    const isText = values.some((v) => typeof v === "string");
    return { name: n, unit: options.units?.[n] ?? (isText ? "text" : "number"), values } as Column;
  });
  return new Table(labels, columns, { labelName, caption: options.caption, maxRows: options.maxRows });
}
