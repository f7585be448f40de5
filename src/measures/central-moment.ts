/**
 * Central moments of returns, skewness and kurtosis (population moments, as skfolio and scipy's defaults).
 */
import { InputError } from "../core/index";
import { checkReturns } from "./check-inputs";
import { meanOf } from "./target-return";

/**
 * The k-th central moment `mean((rᵢ − r̄)ᵏ)` of per-period returns (population: divided by n).
 *
 * @example
 * ```ts
 * centralMoment([0.1, -0.5, -0.3, 0.8], 3); // => ≈ 0.07171875  (skfolio's test figure)
 * centralMoment([0.1, -0.5, -0.3, 0.8], 4); // => ≈ 0.11197695312 (skfolio's test figure)
 * ```
 * @throws InputError for empty or non-finite returns, or an order that is not a whole number ≥ 1.
 */
export function centralMoment(returns: ArrayLike<number>, order: number): number {
  const n = checkReturns(returns, "centralMoment", "returns", 1);
  if (!Number.isInteger(order) || order < 1) throw new InputError("BAD_ORDER", `centralMoment: order ${order} must be a whole number ≥ 1`, { order });
  const m = meanOf(returns);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (returns[i]! - m) ** order;
  return sum / n;
}

/** A sample with no spread has no skewness or kurtosis: said by name rather than returned as NaN. */
function spreadOf(returns: ArrayLike<number>, caller: string): number {
  const m2 = centralMoment(returns, 2);
  if (!(m2 > 0)) throw new InputError("NO_DISPERSION", `${caller}: the returns do not vary (variance 0), so the ratio is undefined`, {});
  return m2;
}

/**
 * Skewness `m₃ / m₂^{3/2}` (population moments, not bias-corrected): skfolio's `skew`, scipy's `skew(bias=True)`.
 *
 * @example
 * ```ts
 * skewness([0.1, -0.5, -0.3, 0.8]); // => ≈ 0.58467838959 (skfolio's test figure)
 * ```
 * @throws InputError as {@link centralMoment}, or `NO_DISPERSION` for constant returns.
 */
export function skewness(returns: ArrayLike<number>): number {
  const m2 = spreadOf(returns, "skewness");
  return centralMoment(returns, 3) / m2 ** 1.5;
}

/**
 * Kurtosis `m₄ / m₂²` (3 for a normal distribution): skfolio's `kurtosis`; `{ excess: true }` subtracts 3, as
 * scipy's `kurtosis(fisher=True, bias=True)` and pandas' (bias aside).
 *
 * @example
 * ```ts
 * kurtosis([0.1, -0.5, -0.3, 0.8]); // => ≈ 1.83727607755 (skfolio's test figure)
 * kurtosis([0.1, -0.5, -0.3, 0.8], { excess: true }); // => ≈ −1.16272392245
 * ```
 * @throws InputError as {@link skewness}.
 */
export function kurtosis(returns: ArrayLike<number>, options: { readonly excess?: boolean } = {}): number {
  const m2 = spreadOf(returns, "kurtosis");
  return centralMoment(returns, 4) / (m2 * m2) - (options.excess ? 3 : 0);
}
