/**
 * Mean absolute deviation of returns about a minimum acceptable return.
 */
import { checkReturns } from "./check-inputs";
import { targetOf, type TargetOptions } from "./target-return";

/**
 * Mean absolute deviation `mean(|rᵢ − τ|)` of per-period returns about τ, the minimum acceptable return (default: their
 * mean), per period, not annualised. As skfolio's `mean_absolute_deviation` (and Riskfolio-Lib's `MAD`).
 *
 * @param returns per-period simple returns, finite, at least one.
 * @param options `{ minimumAcceptableReturn }` τ per period; default the returns' mean.
 * @example
 * ```ts
 * meanAbsoluteDeviation([0.1, -0.5, -0.3, 0.8]); // => 0.425 (skfolio's test figure)
 * ```
 * @throws InputError for empty or non-finite returns, or a non-finite τ.
 */
export function meanAbsoluteDeviation(returns: ArrayLike<number>, options: TargetOptions = {}): number {
  const n = checkReturns(returns, "meanAbsoluteDeviation", "returns", 1);
  const tau = targetOf(returns, options, "meanAbsoluteDeviation");
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(returns[i]! - tau);
  return sum / n;
}

