/**
 * A square matrix labelled on both axes (a covariance, a correlation) with the verbs a researcher reaches for.
 */
import { InputError } from "./errors";
import type { LabelledMatrix } from "./frame";
import { DISPLAY_TABLE, INSPECT, inspectDisplayable, type Displayable, type DisplayTable } from "./self-display";
import type { TableValue } from "./table";
import type { Unit } from "./unit";
import { Vector } from "./vector";

/**
 * A labelled square matrix, row-major, carrying its unit; it is a `LabelledMatrix`, so every function taking a
 * covariance takes it. Immutable.
 *
 * @example
 * ```ts
 * const cov = matrix({ labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) });
 * cov.get("A", "B");                 // => 0.01
 * cov.diagonal().map(Math.sqrt).get("B"); // => 0.3 (a volatility)
 * ```
 */
export class Matrix implements LabelledMatrix, Displayable {
  readonly labels: readonly string[];
  readonly values: Float64Array;
  readonly unit: Unit;
  readonly kind?: "matrix";
  #index: Map<string, number>;

  /** Use {@link matrix}, which checks the shape. */
  constructor(source: LabelledMatrix, unit: Unit = "number") {
    this.labels = source.labels;
    this.values = source.values;
    this.unit = unit;
    this.#index = new Map(this.labels.map((l, i) => [l, i]));
  }

  #position(label: string): number {
    const i = this.#index.get(label);
    if (i === undefined) throw new InputError("UNKNOWN_LABEL", `Matrix: no label ${label}; it has ${this.labels.length} labels (${this.labels.slice(0, 6).join(", ")}…)`, { label });
    return i;
  }

  /** Number of rows (and columns). */
  get size(): number {
    return this.labels.length;
  }

  /** The entry in row `row`, column `column`. @throws InputError UNKNOWN_LABEL. */
  get(row: string, column: string): number {
    return this.values[this.#position(row) * this.size + this.#position(column)] as number;
  }

  /** The diagonal (variances of a covariance) as a {@link Vector}. */
  diagonal(options: { unit?: Unit; name?: string } = {}): Vector {
    const n = this.size;
    return new Vector(this.labels, Float64Array.from({ length: n }, (_, i) => this.values[i * n + i] as number), { unit: options.unit ?? this.unit, name: options.name ?? "diagonal" });
  }

  /** One row as a {@link Vector} labelled by column. */
  row(label: string): Vector {
    const i = this.#position(label);
    return new Vector(this.labels, this.values.subarray(i * this.size, (i + 1) * this.size), { unit: this.unit, name: label });
  }

  /** The sub-matrix of these labels, in this order. */
  pick(labels: readonly string[]): Matrix {
    const idx = labels.map((l) => this.#position(l));
    const n = this.size;
    const out = new Float64Array(idx.length * idx.length);
    idx.forEach((i, a) => idx.forEach((j, b) => (out[a * idx.length + b] = this.values[i * n + j] as number)));
    return new Matrix({ labels: [...labels], values: out }, this.unit);
  }

  /** Rows as plain objects `{ label, [column]: value }`. */
  toRows(): Record<string, TableValue>[] {
    return this.labels.map((l, i) => Object.fromEntries([["label", l], ...this.labels.map((c, j) => [c, this.values[i * this.size + j] as number])]));
  }

  /** The display table (every row; wide matrices are better drawn as a heatmap). */
  [DISPLAY_TABLE](): DisplayTable {
    const units = Object.fromEntries(this.labels.map((l) => [l, this.unit]));
    return { rows: this.toRows(), options: { units, headers: "keys", caption: `${this.size} × ${this.size}` } };
  }

  [INSPECT](depth: number): string {
    return inspectDisplayable(this, depth, `Matrix ${this.size} × ${this.size}`);
  }
}

/**
 * A {@link Matrix} from a labelled square matrix (a covariance from `riskModels`, a correlation).
 *
 * @throws InputError SHAPE_MISMATCH when `values` is not `labels.length²` long.
 * @example
 * ```ts
 * matrix(riskModels.sampleCovariance(prices)).diagonal();
 * ```
 */
export function matrix(source: LabelledMatrix, unit: Unit = "number"): Matrix {
  if (source instanceof Matrix && unit === source.unit) return source;
  const n = source.labels.length;
  if (source.values.length !== n * n) {
    throw new InputError("SHAPE_MISMATCH", `matrix: ${n} labels need ${n * n} values, got ${source.values.length}`, { labels: n, values: source.values.length });
  }
  return new Matrix(source, unit);
}
