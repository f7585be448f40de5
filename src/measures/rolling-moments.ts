/**
 * Trailing means and standard deviations of many columns, fed one row at a time.
 */
import { InputError } from "../core/index";
import { windowMean, windowStandardDeviation } from "./window-moments";

/**
 * Rolling mean and sample standard deviation (ddof 1) of `columns` series over the last `window` rows pushed.
 * It holds the window (O(columns) per row pushed); each query is {@link windowMean} or
 * {@link windowStandardDeviation} over the column's window in date order (O(window)), so its numbers are
 * exactly those of the feature store's rolling features on the same values. `NaN` values are skipped
 * (absent, not zero).
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
  /**
   * Column j's last `window` values, each stored twice (at `slot` and `slot + window` of its `2·window` block), so
   * the window in date order is always the contiguous run starting at the oldest slot.
   */
  private readonly ring: Float64Array;
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
    this.ring = new Float64Array(2 * window * columns).fill(Number.NaN);
    this.count = new Int32Array(columns);
  }

  /** Adds one row (length `columns`; `NaN` = absent), dropping the row that leaves the window. */
  push(row: ArrayLike<number>): void {
    const w = this.window;
    const slot = this.pushed % w;
    for (let j = 0; j < this.columns; j++) {
      const at = 2 * w * j + slot;
      const old = this.ring[at]!;
      if (old === old) this.count[j] = this.count[j]! - 1;
      const v = row[j]!;
      this.ring[at] = v;
      this.ring[at + w] = v;
      if (v === v) this.count[j] = this.count[j]! + 1;
    }
    this.pushed++;
  }

  /** First index in `ring` of column `j`'s window, oldest row first. */
  private start(j: number): number {
    return 2 * this.window * j + (this.pushed % this.window);
  }

  /** Values present in the window of column `j`. */
  observations(j: number): number {
    return this.count[j]!;
  }

  /** Mean of column `j` over the window, `NaN` when it holds no value. */
  mean(j: number): number {
    const start = this.start(j);
    return windowMean(this.ring, start, start + this.window - 1);
  }

  /** Sample standard deviation (ddof 1) of column `j` over the window, `NaN` with fewer than 2 values. */
  standardDeviation(j: number): number {
    const start = this.start(j);
    return windowStandardDeviation(this.ring, start, start + this.window - 1);
  }
}
