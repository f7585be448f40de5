/**
 * Trailing means and standard deviations of many columns, updated one row at a time.
 */
import { InputError } from "../core/index";

/**
 * Rolling mean and sample standard deviation (ddof 1) of `columns` series over the last `window` rows pushed,
 * each updated in O(1) per row by adding the new value and dropping the one that left the window (and summed
 * afresh every `window` rows, so round-off cannot accumulate). `NaN` values are skipped (absent, not zero).
 *
 * @example
 * ```ts
 * const rolling = new RollingMoments(1, 2);
 * rolling.push(Float64Array.of(1)); rolling.push(Float64Array.of(3)); rolling.push(Float64Array.of(5));
 * rolling.mean(0);               // => 4 (the last two: 3 and 5)
 * rolling.standardDeviation(0);  // => ≈ 1.4142
 * ```
 */
export class RollingMoments {
  private readonly ring: Float64Array;
  private readonly sum: Float64Array;
  private readonly sumSquares: Float64Array;
  private readonly count: Int32Array;
  private pushed = 0;

  /**
   * @param columns number of series.
   * @param window rows in the window, ≥ 1.
   * @throws InputError BAD_WINDOW.
   */
  constructor(
    readonly columns: number,
    readonly window: number,
  ) {
    if (!Number.isSafeInteger(window) || window < 1 || !Number.isSafeInteger(columns) || columns < 0) {
      throw new InputError("BAD_WINDOW", `RollingMoments: window ${window} must be a whole number ≥ 1 (and columns ${columns} ≥ 0)`, { window });
    }
    this.ring = new Float64Array(window * columns).fill(Number.NaN);
    this.sum = new Float64Array(columns);
    this.sumSquares = new Float64Array(columns);
    this.count = new Int32Array(columns);
  }

  /** Adds one row (length `columns`; `NaN` = absent), dropping the row that leaves the window. */
  push(row: ArrayLike<number>): void {
    const m = this.columns;
    const offset = (this.pushed % this.window) * m;
    for (let j = 0; j < m; j++) {
      const old = this.ring[offset + j]!;
      if (old === old) {
        this.sum[j] = this.sum[j]! - old;
        this.sumSquares[j] = this.sumSquares[j]! - old * old;
        this.count[j] = this.count[j]! - 1;
      }
      const v = row[j]!;
      this.ring[offset + j] = v;
      if (v === v) {
        this.sum[j] = this.sum[j]! + v;
        this.sumSquares[j] = this.sumSquares[j]! + v * v;
        this.count[j] = this.count[j]! + 1;
      }
    }
    this.pushed++;
    if (this.pushed % this.window === 0) this.resum();
  }

  /** Recomputes the sums from the window, so round-off of the running updates cannot accumulate (every `window` rows: O(columns) per row). */
  private resum(): void {
    const m = this.columns;
    this.sum.fill(0);
    this.sumSquares.fill(0);
    this.count.fill(0);
    for (let k = 0; k < this.window; k++) {
      for (let j = 0; j < m; j++) {
        const v = this.ring[k * m + j]!;
        if (v === v) {
          this.sum[j] = this.sum[j]! + v;
          this.sumSquares[j] = this.sumSquares[j]! + v * v;
          this.count[j] = this.count[j]! + 1;
        }
      }
    }
  }

  /** Values present in the window of column `j`. */
  observations(j: number): number {
    return this.count[j]!;
  }

  /** Mean of column `j` over the window, `NaN` when it holds no value. */
  mean(j: number): number {
    const n = this.count[j]!;
    return n === 0 ? Number.NaN : this.sum[j]! / n;
  }

  /** Sample standard deviation (ddof 1) of column `j` over the window, `NaN` with fewer than 2 values. */
  standardDeviation(j: number): number {
    const n = this.count[j]!;
    if (n < 2) return Number.NaN;
    const mean = this.sum[j]! / n;
    // Running sums lose precision by cancellation; clamp the round-off below zero.
    return Math.sqrt(Math.max(0, (this.sumSquares[j]! - n * mean * mean) / (n - 1)));
  }
}
