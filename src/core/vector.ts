/**
 * A labelled vector with the verbs a researcher reaches for: look a label up, sort, take the top, sum by group.
 */
import { InputError } from "./errors";
import type { LabelledVector } from "./frame";
import { DISPLAY_TABLE, INSPECT, inspectDisplayable, type Displayable, type DisplayTable } from "./self-display";
import type { TableValue } from "./table";
import type { Unit } from "./unit";

/** How a {@link Vector} prints: its unit, the name of its values and of its labels. */
export interface VectorOptions {
  /** Unit of the values (default `"number"`): `"fraction"` prints 0.25 as "25.00 %". */
  readonly unit?: Unit;
  /** Name of the values, the header of their column (default `"value"`). */
  readonly name?: string;
  /** Name of the labels, the header of their column (default `"ticker"`). */
  readonly labelName?: string;
}

/** Sum, maximum or mean of the values that fall in one group ({@link Vector.groupBy}). */
export type GroupReducer = "sum" | "mean" | "max" | "min" | "count";

/** A grouping of labels: a record label → group, or a function. */
export type GroupOf = Readonly<Record<string, string | null | undefined>> | ((label: string) => string | null | undefined);

function groupOfFunction(groupOf: GroupOf): (label: string) => string {
  if (typeof groupOf === "function") return (label) => groupOf(label) ?? "(none)";
  return (label) => groupOf[label] ?? "(none)";
}

function knownLabels(labels: readonly string[]): string {
  const shown = labels.slice(0, 8).join(", ");
  return labels.length > 8 ? `${shown}, … (${labels.length} labels)` : shown;
}

/**
 * A vector labelled by ticker (or by group, method, date…), carrying its unit, so that it prints itself as a table
 * and is accepted wherever a `LabelledVector` (weights, expected returns, prices) is. Immutable: every verb returns
 * a new vector.
 *
 * @example
 * ```ts
 * const w = vector({ A: 0.5, B: 0.3, C: 0.2 }, { unit: "fraction", name: "weight" });
 * w.get("B");                                   // => 0.3
 * w.top(2).labels;                              // => ["A", "B"]
 * w.groupBy({ A: "equity", B: "bond", C: "equity" }).get("equity"); // => 0.7
 * ```
 */
export class Vector implements LabelledVector, Displayable {
  readonly labels: readonly string[];
  readonly values: Float64Array;
  readonly unit: Unit;
  readonly name: string;
  readonly labelName: string;
  #index: Map<string, number> | undefined;

  /**
   * @param labels labels, unique.
   * @param values one value per label (copied).
   * @throws InputError LENGTH_MISMATCH when the lengths differ; DUPLICATE_LABEL when a label repeats.
   */
  constructor(labels: readonly string[], values: ArrayLike<number>, options: VectorOptions = {}) {
    if (labels.length !== values.length) {
      throw new InputError("LENGTH_MISMATCH", `Vector: ${labels.length} labels but ${values.length} values; give one value per label`);
    }
    this.labels = [...labels];
    this.values = Float64Array.from(values);
    this.unit = options.unit ?? "number";
    this.name = options.name ?? "value";
    this.labelName = options.labelName ?? "ticker";
    if (new Set(this.labels).size !== this.labels.length) {
      const seen = new Set<string>();
      const twice = this.labels.find((l) => (seen.has(l) ? true : (seen.add(l), false)));
      throw new InputError("DUPLICATE_LABEL", `Vector: label ${String(twice)} appears twice; labels must be unique`, { label: twice });
    }
  }

  /** The options of this vector, with some replaced. */
  #options(options: VectorOptions = {}): VectorOptions {
    return { unit: options.unit ?? this.unit, name: options.name ?? this.name, labelName: options.labelName ?? this.labelName };
  }

  /** Number of labels. */
  get length(): number {
    return this.labels.length;
  }

  /** Position of a label, or -1. */
  indexOfLabel(label: string): number {
    this.#index ??= new Map(this.labels.map((l, i) => [l, i]));
    return this.#index.get(label) ?? -1;
  }

  /** Whether the vector has this label. */
  has(label: string): boolean {
    return this.indexOfLabel(label) >= 0;
  }

  /**
   * The value of one label.
   *
   * @throws InputError UNKNOWN_LABEL naming the label and the known ones.
   * @example
   * ```ts
   * vector({ A: 1, B: 2 }).get("B"); // => 2
   * ```
   */
  get(label: string): number {
    const i = this.indexOfLabel(label);
    if (i < 0) throw new InputError("UNKNOWN_LABEL", `Vector${this.name === "value" ? "" : ` ${this.name}`}: no label ${label}; known labels: ${knownLabels(this.labels)}`, { label });
    return this.values[i] as number;
  }

  /** The value of one label, or `fallback` (default 0) when it is absent. */
  getOr(label: string, fallback = 0): number {
    const i = this.indexOfLabel(label);
    return i < 0 ? fallback : (this.values[i] as number);
  }

  /** `[label, value]` pairs, in order. */
  entries(): [string, number][] {
    return this.labels.map((l, i) => [l, this.values[i] as number]);
  }

  /** A plain record label → value. */
  toObject(): Record<string, number> {
    return Object.fromEntries(this.entries());
  }

  /** The same values with another unit, name or label name. */
  as(options: VectorOptions): Vector {
    return new Vector(this.labels, this.values, this.#options(options));
  }

  /** A new vector of `f(value, label, position)`, in the same unit unless `options` says otherwise. */
  map(f: (value: number, label: string, position: number) => number, options: VectorOptions = {}): Vector {
    return new Vector(this.labels, this.labels.map((l, i) => f(this.values[i] as number, l, i)), this.#options(options));
  }

  /** The labels for which `keep(value, label)` holds, in order. */
  filter(keep: (value: number, label: string) => boolean): Vector {
    const kept = this.labels.map((l, i) => [l, this.values[i] as number] as const).filter(([l, v]) => keep(v, l));
    return new Vector(kept.map(([l]) => l), kept.map(([, v]) => v), this.#options());
  }

  /** The labels whose value is larger than `tolerance` in absolute value (default 1e-4: a hundredth of a percent). */
  nonZero(tolerance = 1e-4): Vector {
    return this.filter((v) => Math.abs(v) > tolerance);
  }

  /** These labels, in this order. @throws InputError UNKNOWN_LABEL for a label the vector lacks. */
  pick(labels: readonly string[]): Vector {
    return new Vector(labels, labels.map((l) => this.get(l)), this.#options());
  }

  /** Sorted by value, largest first unless `"ascending"`; missing values last. */
  sort(order: "descending" | "ascending" = "descending"): Vector {
    const sign = order === "descending" ? -1 : 1;
    const pairs = this.entries().sort((a, b) => (Number.isNaN(a[1]) ? 1 : Number.isNaN(b[1]) ? -1 : sign * (a[1] - b[1])));
    return new Vector(pairs.map(([l]) => l), pairs.map(([, v]) => v), this.#options());
  }

  /** The `n` largest values, largest first. */
  top(n: number): Vector {
    const sorted = this.sort("descending");
    return new Vector(sorted.labels.slice(0, n), sorted.values.slice(0, n), this.#options());
  }

  /** The `n` smallest values, smallest first. */
  bottom(n: number): Vector {
    const sorted = this.sort("ascending");
    return new Vector(sorted.labels.slice(0, n), sorted.values.slice(0, n), this.#options());
  }

  /**
   * Values combined by group (sum by default), groups in order of first appearance; labels without a group fall in
   * `"(none)"`.
   *
   * @example
   * ```ts
   * vector({ A: 0.5, B: 0.3, C: 0.2 }).groupBy({ A: "x", B: "y", C: "x" }).toObject(); // => { x: 0.7, y: 0.3 }
   * ```
   */
  groupBy(groupOf: GroupOf, reducer: GroupReducer = "sum", options: VectorOptions = {}): Vector {
    const group = groupOfFunction(groupOf);
    const members = new Map<string, number[]>();
    this.labels.forEach((l, i) => {
      const g = group(l);
      const list = members.get(g) ?? [];
      list.push(this.values[i] as number);
      members.set(g, list);
    });
    const reduce = (xs: number[]): number => {
      switch (reducer) {
        case "mean":
          return xs.reduce((s, x) => s + x, 0) / xs.length;
        case "max":
          return Math.max(...xs);
        case "min":
          return Math.min(...xs);
        case "count":
          return xs.length;
        default:
          return xs.reduce((s, x) => s + x, 0);
      }
    };
    const unit = reducer === "count" ? "count" : this.unit;
    return new Vector([...members.keys()], [...members.values()].map(reduce), this.#options({ unit, labelName: "group", ...options }));
  }

  /** Sum of the values (`NaN` if any is missing). */
  sum(): number {
    return this.values.reduce((s, x) => s + x, 0);
  }

  /** Largest value. */
  max(): number {
    return this.values.reduce((m, x) => Math.max(m, x), -Infinity);
  }

  /** Smallest value. */
  min(): number {
    return this.values.reduce((m, x) => Math.min(m, x), Infinity);
  }

  /** Mean of the values. */
  mean(): number {
    return this.sum() / this.length;
  }

  /** The label of the largest value. */
  argmax(): string {
    return this.sort("descending").labels[0] ?? "";
  }

  /** Rows `{ [labelName]: label, [name]: value }`, for a table or a chart. */
  toRows(): Record<string, TableValue>[] {
    return this.labels.map((l, i) => ({ [this.labelName]: l, [this.name]: this.values[i] as number }));
  }

  /** The display table: one row per label, the values in their unit. */
  [DISPLAY_TABLE](): DisplayTable {
    return { rows: this.toRows(), options: { units: { [this.name]: this.unit }, maxRows: 50, headers: {} } };
  }

  [INSPECT](depth: number): string {
    return inspectDisplayable(this, depth, `Vector ${this.name} (${this.length} labels)`);
  }
}

/**
 * A {@link Vector} from a record, a `LabelledVector` or labels and values.
 *
 * @example
 * ```ts
 * vector({ A: 0.6, B: 0.4 }, { unit: "fraction", name: "weight" });
 * vector(weights, { unit: "fraction" }); // an optimiser's weights, with verbs
 * ```
 */
export function vector(source: LabelledVector | Readonly<Record<string, number>>, options: VectorOptions = {}): Vector {
  if (source instanceof Vector) return source.as(options);
  if (isLabelledVector(source)) {
    return new Vector(source.labels, source.values, options);
  }
  const record = source as Readonly<Record<string, number>>;
  return new Vector(Object.keys(record), Object.values(record), options);
}

/**
 * Whether a value is a labelled vector (`labels` an array, `values` a `Float64Array`) rather than a plain record.
 *
 * @example
 * ```ts
 * isLabelledVector({ labels: ["A"], values: Float64Array.of(1) }); // => true
 * isLabelledVector({ A: 1 });                                      // => false
 * ```
 */
export function isLabelledVector(x: unknown): x is LabelledVector {
  return typeof x === "object" && x !== null && Array.isArray((x as LabelledVector).labels) && (x as LabelledVector).values instanceof Float64Array;
}
