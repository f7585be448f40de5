/**
 * Overlapping multi-period returns compounded from per-period returns.
 */
import { checkHorizon, checkReturns } from "./check-inputs";

/**
 * Overlapping `horizon`-period compounded returns `∏(1 + rₛ) − 1` over every run of `horizon` consecutive
 * periods: `n − horizon + 1` values (a copy of the input when `horizon = 1`).
 *
 * Overlapping windows share days, so they are not independent: a historical 10-day VaR from them rests
 * on about n / 10 independent observations, not n − 9.
 *
 * @param returns per-period simple returns (fractions), at least `horizon`, all finite; not changed.
 * @param horizon periods per window, a whole number ≥ 1.
 * @throws InputError when the series is shorter than the horizon, a return is not finite, or the horizon is not a whole number ≥ 1.
 *
 * @example
 * ```ts
 * horizonReturns([0.1, -0.1, 0.2], 2); // => ≈ Float64Array [-0.01, 0.08]
 * ```
 */
export function horizonReturns(returns: ArrayLike<number>, horizon: number): Float64Array {
  const caller = "horizonReturns";
  checkHorizon(horizon, caller);
  const n = checkReturns(returns, caller, "returns", horizon);
  const out = new Float64Array(n - horizon + 1);
  for (let start = 0; start < out.length; start++) {
    let growth = 1;
    for (let s = start; s < start + horizon; s++) growth *= 1 + returns[s]!;
    out[start] = growth - 1;
  }
  return out;
}
