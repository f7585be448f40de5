/**
 * Rows of a sparse linear program, built one at a time: the portfolio LPs (CVaR, CDaR) share it.
 */
import type { ConstraintSystem } from "./constraints/constraint-system";
import type { SparseLinearProgram, SparseRows } from "../optim/index";

/** A sparse LP under construction: rows pushed as `(column, coefficient)` entries with their bounds. */
export class LpRows {
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];

  /**
   * Adds the row `lo ≤ Σ coefficient · x[column] ≤ hi` (entries in any order, one per column).
   *
   * @example
   * ```ts
   * new LpRows().push([[0, 1], [1, 1]], 1, 1); // x₀ + x₁ = 1
   * ```
   */
  push(entries: [number, number][], lo: number, hi: number): void {
    entries.sort((a, b) => a[0] - b[0]);
    for (const [j, v] of entries) {
      this.indices.push(j);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lo);
    this.rowUpper.push(hi);
  }

  /**
   * Adds the linear rows of a portfolio constraint system (its variables are the LP's first columns), merging
   * repeated columns of a row.
   *
   * @example
   * ```ts
   * rows.addSystem(setup.system);
   * ```
   */
  addSystem(system: ConstraintSystem): void {
    for (const row of system.rows) {
      const merged = new Map<number, number>();
      row.indices.forEach((j, k) => merged.set(j, (merged.get(j) ?? 0) + row.values[k]!));
      this.push([...merged.entries()], row.lower, row.upper);
    }
  }

  /** Number of rows so far. */
  get count(): number {
    return this.rowLower.length;
  }

  /**
   * The rows from `from` on, as CSR with their bounds (to add to an open LP: `LinearProgramSession.addRows`).
   *
   * @example
   * ```ts
   * const before = rows.count;
   * rows.push([[0, 1]], 0, 1);
   * rows.since(before); // => { rows: { starts: [0, 1], indices: [0], values: [1] }, rowLower: [0], rowUpper: [1] }
   * ```
   */
  since(from: number): { readonly rows: SparseRows; readonly rowLower: Float64Array; readonly rowUpper: Float64Array } {
    const offset = this.starts[from] as number;
    return {
      rows: {
        starts: Int32Array.from(this.starts.slice(from), (v) => v - offset),
        indices: Int32Array.from(this.indices.slice(offset)),
        values: Float64Array.from(this.values.slice(offset)),
      },
      rowLower: Float64Array.from(this.rowLower.slice(from)),
      rowUpper: Float64Array.from(this.rowUpper.slice(from)),
    };
  }

  /**
   * The finished LP: minimise `cᵀx` subject to the rows and `lower ≤ x ≤ upper`.
   *
   * @example
   * ```ts
   * const lp = rows.build(c, colLower, colUpper); // => a SparseLinearProgram for solveLinearProgramWithHighs
   * ```
   */
  build(c: Float64Array, lower: Float64Array, upper: Float64Array): SparseLinearProgram {
    return {
      c,
      lower,
      upper,
      rows: { starts: Int32Array.from(this.starts), indices: Int32Array.from(this.indices), values: Float64Array.from(this.values) },
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
    };
  }
}

/**
 * The entries `(asset j, rₜⱼ)` of scenario t's non-zero returns: the weights' part of a scenario row.
 *
 * @param scenarios row-major `T × n` returns.
 * @example
 * ```ts
 * scenarioEntries(Float64Array.of(0.01, 0, -0.02, 0.03), 0, 2); // => [[0, 0.01]]
 * ```
 */
export function scenarioEntries(scenarios: Float64Array, t: number, n: number): [number, number][] {
  const entries: [number, number][] = [];
  for (let j = 0; j < n; j++) {
    const r = scenarios[t * n + j]!;
    if (r !== 0) entries.push([j, r]);
  }
  return entries;
}

/**
 * The rows of a Charnes–Cooper ratio programme over `x = k·w` (the LP's first `n` columns, `k` the scale column):
 * the excess return fixed, `Σⱼ (μⱼ − rf)·xⱼ = target`; the budget `Σⱼ xⱼ = k`; and each finite weight bound
 * scaled, `xⱼ ≤ k·hiⱼ`, `xⱼ ≥ k·loⱼ` (a zero lower bound is the column's own bound).
 *
 * @param excess `μⱼ − rf` per asset, per period.
 * @param bounds the weights' bounds (`lower`, `upper` of the constraint system, first `n` entries used).
 * @example
 * ```ts
 * pushCharnesCooperRows(rows, excess, 1, setup.system, k); // then maximise by minimising the risk of x
 * ```
 */
export function pushCharnesCooperRows(
  rows: LpRows,
  excess: ArrayLike<number>,
  target: number,
  bounds: { readonly lower: ArrayLike<number>; readonly upper: ArrayLike<number> },
  k: number,
): void {
  const n = excess.length;
  rows.push(Array.from({ length: n }, (_, j): [number, number] => [j, excess[j] as number]), target, target);
  rows.push([...Array.from({ length: n }, (_, j): [number, number] => [j, 1]), [k, -1]], 0, 0);
  for (let j = 0; j < n; j++) {
    const hi = bounds.upper[j] as number;
    const lo = bounds.lower[j] as number;
    if (Number.isFinite(hi)) rows.push([[j, 1], [k, -hi]], -Infinity, 0);
    if (Number.isFinite(lo) && lo !== 0) rows.push([[j, 1], [k, -lo]], 0, Infinity);
  }
}
