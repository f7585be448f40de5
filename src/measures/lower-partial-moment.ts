/**
 * Lower partial moments: the mean of the shortfalls below a minimum acceptable return, raised to a power.
 */
import { InputError } from "../core/index";
import { checkReturns } from "./check-inputs";
import { targetOf, type TargetOptions } from "./target-return";

/**
 * The lower partial moment of order k, `mean(max(τ − rᵢ, 0)ᵏ)`, per period, not annualised: k = 1 is the mean
 * shortfall (skfolio's `first_lower_partial_moment`, Riskfolio-Lib's `FLPM`), k = 2 the population semi-variance
 * (Riskfolio-Lib's `SLPM` is its square root), k = 4 skfolio's `fourth_lower_partial_moment`.
 *
 * @param returns per-period simple returns, finite, at least one.
 * @param order k, a whole number ≥ 1.
 * @param options `{ minimumAcceptableReturn }` τ; default the returns' mean (skfolio's default).
 * @example
 * ```ts
 * lowerPartialMoment([0.1, -0.5, -0.3, 0.8], 1); // => 0.2125    (skfolio's test figure)
 * lowerPartialMoment([0.1, -0.5, -0.3, 0.8], 4); // => ≈ 0.0217814 (skfolio's test figure)
 * ```
 * @throws InputError for empty or non-finite returns, a bad order or τ.
 */
export function lowerPartialMoment(returns: ArrayLike<number>, order: number, options: TargetOptions = {}): number {
  const caller = "lowerPartialMoment";
  const n = checkReturns(returns, caller, "returns", 1);
  if (!Number.isInteger(order) || order < 1) throw new InputError("BAD_ORDER", `${caller}: order ${order} must be a whole number ≥ 1 (1 = mean shortfall, 2 = semi-variance)`, { order });
  const tau = targetOf(returns, options, caller);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const shortfall = tau - returns[i]!;
    if (shortfall > 0) sum += shortfall ** order;
  }
  return sum / n;
}
