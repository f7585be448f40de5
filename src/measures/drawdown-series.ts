/**
 * Drawdown paths of a return series, compounded or not, in the conventions of skfolio and Riskfolio-Lib.
 */
import { checkReturns } from "./check-inputs";

/** Options of {@link drawdownSeries}. */
export interface DrawdownSeriesOptions {
  /**
   * `true` (default): wealth compounds, `W = ∏(1 + r)`, and a drawdown is `W / peak − 1` (a fraction of value, as
   * `maxDrawdown`). `false`: cumulative returns add up, `C = Σ r`, and a drawdown is `C − peak` (Riskfolio-Lib's
   * default, skfolio's `compounded=False`).
   */
  readonly compounded?: boolean;
  /**
   * Whether the start (wealth 1, or cumulative return 0) counts as a peak. Default `true` (this library's
   * `drawdowns`, Riskfolio-Lib); `false` as skfolio's `get_drawdowns`, whose first peak is the first period's value
   * (they differ only when the first return is a loss).
   */
  readonly startIsPeak?: boolean;
}

/**
 * The drawdown after each period, ≤ 0 (0 at a new peak), one per return.
 *
 * @example
 * ```ts
 * drawdownSeries([0.1, -0.5, -0.3, 0.8], { compounded: false }); // => ≈ Float64Array [0, -0.5, -0.8, 0]   (skfolio's test)
 * drawdownSeries([0.1, -0.5, -0.3, 0.8]);                       // => ≈ Float64Array [0, -0.5, -0.65, -0.37] (skfolio's test)
 * ```
 * @throws InputError for empty or non-finite returns.
 */
export function drawdownSeries(returns: ArrayLike<number>, options: DrawdownSeriesOptions = {}): Float64Array {
  const n = checkReturns(returns, "drawdownSeries", "returns", 1);
  const compounded = options.compounded ?? true;
  const startIsPeak = options.startIsPeak ?? true;
  const out = new Float64Array(n);
  let level = compounded ? 1 : 0;
  let peak = startIsPeak ? level : -Infinity;
  for (let i = 0; i < n; i++) {
    level = compounded ? level * (1 + returns[i]!) : level + returns[i]!;
    if (level > peak) peak = level;
    out[i] = compounded ? level / peak - 1 : level - peak;
  }
  return out;
}
