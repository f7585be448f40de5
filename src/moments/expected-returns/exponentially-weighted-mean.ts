/**
 * The last value of pandas' `Series.ewm(span=span).mean()`, which PyPortfolioOpt's `ema_historical_return`
 * and `exp_cov` read with `.iloc[-1]`.
 */
import { InputError } from "../../core/index";

/**
 * Checks an exponential-weighting span and returns its per-period decay factor `1 − α`, with
 * `α = 1 / (1 + com)` and `com = (span − 1) / 2` computed as pandas does (so `α = 2 / (span + 1)` to the last bit).
 *
 * @param span the span in periods (pandas requires `span ≥ 1`; PyPortfolioOpt recommends ≥ 10 for covariances).
 * @param caller the public function name used to prefix error messages.
 * @returns the decay factor `1 − α` in `[0, 1)`.
 * @throws InputError when `span` is not a finite number ≥ 1.
 *
 * @example
 * ```ts
 * spanDecay(3, "example"); // => 0.5
 * ```
 */
export function spanDecay(span: number, caller: string): number {
  if (!Number.isFinite(span) || span < 1) {
    throw new InputError(
      "BAD_SPAN",
      `${caller}: span ${span} is not a number of periods ≥ 1; pass e.g. 500 for expected returns or 180 for a covariance (daily data)`,
      { span },
    );
  }
  const com = (span - 1) / 2;
  const alpha = 1 / (1 + com);
  return 1 - alpha;
}

/**
 * Exponentially weighted mean of a series as of its last element, exactly as pandas'
 * `ewm(span, adjust=True, ignore_na=False, min_periods=0).mean().iloc[-1]` (the recursion of
 * `pandas._libs.window.aggregations.ewm`, ported step for step so the rounding matches).
 *
 * Weights are by position: the observation `k` periods before the last row weighs `(1 − α)^k`, and a missing
 * value (`NaN`) still ages the older ones (`ignore_na=False`). Leading `NaN`s are skipped; trailing `NaN`s leave
 * the mean at its last observed value. Equivalent to `Σ wₜ xₜ / Σ wₜ` over the observed `xₜ`.
 *
 * @param values the series read at `values[offset + i * stride]`, `i = 0 … length − 1`; `NaN` = missing.
 * @param decay the per-period decay factor `1 − α` (see {@link spanDecay}).
 * @param length number of elements.
 * @param offset index of the first element. Default 0.
 * @param stride distance between consecutive elements. Default 1.
 * @returns the weighted mean, or `NaN` when no element is observed.
 *
 * @example
 * ```ts
 * exponentiallyWeightedMean(Float64Array.from([1, NaN, 3]), spanDecay(3, "example"), 3);
 * // => 2.6  (weights 0.25 and 1: (0.25·1 + 3) / 1.25)
 * ```
 */
export function exponentiallyWeightedMean(values: ArrayLike<number>, decay: number, length: number, offset = 0, stride = 1): number {
  if (length === 0) return NaN;
  let weighted = values[offset]!;
  let oldWeight = 1;
  for (let i = 1; i < length; i++) {
    const current = values[offset + i * stride]!;
    const observed = current === current;
    if (weighted === weighted) {
      oldWeight *= decay;
      if (observed) {
        // pandas skips the update when it would not change the value ("avoid numerical errors on constant series").
        if (weighted !== current) weighted = (oldWeight * weighted + current) / (oldWeight + 1);
        oldWeight += 1;
      }
    } else if (observed) {
      weighted = current;
    }
  }
  return weighted;
}
