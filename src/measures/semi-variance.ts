/**
 * Semi-variance and semi-deviation: the dispersion of the returns below a minimum acceptable return.
 */
import { checkReturns } from "./check-inputs";
import type { DdofOptions } from "./dispersion";
import { checkDdof, targetOf, type TargetOptions } from "./target-return";

/** Options of {@link semiVariance} and {@link semiDeviation}. */
export interface SemiVarianceOptions extends TargetOptions, DdofOptions {}

/**
 * Semi-variance `Σ max(τ − rᵢ, 0)² / (n − ddof)`, per period: every observation counts in n (the upside as zero),
 * as skfolio's `semi_variance` (ddof 1 is its `biased=False`: the population figure times n/(n − 1)). τ defaults to
 * the mean; `downsideDeviation` is the annualised form about τ = 0 with ddof 0.
 *
 * @example
 * ```ts
 * semiVariance([0.1, -0.5, -0.3, 0.8], { ddof: 0 }); // => 0.0953125 (skfolio's test figure)
 * ```
 * @throws InputError for non-finite returns, a bad τ or ddof, or n ≤ ddof.
 */
export function semiVariance(returns: ArrayLike<number>, options: SemiVarianceOptions = {}): number {
  const n = checkReturns(returns, "semiVariance", "returns", 1);
  const ddof = checkDdof(options.ddof, n, "semiVariance");
  const tau = targetOf(returns, options, "semiVariance");
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const shortfall = tau - returns[i]!;
    if (shortfall > 0) sum += shortfall * shortfall;
  }
  return sum / (n - ddof);
}

/**
 * Semi-deviation `√semiVariance`, per period.
 *
 * @example
 * ```ts
 * semiDeviation([0.1, -0.5, -0.3, 0.8], { ddof: 0 }); // => ≈ 0.308727225 (skfolio's test figure)
 * ```
 * @throws InputError as {@link semiVariance}.
 */
export function semiDeviation(returns: ArrayLike<number>, options: SemiVarianceOptions = {}): number {
  return Math.sqrt(semiVariance(returns, options));
}
