/**
 * Variance and standard deviation of returns per period, with the degrees of freedom stated.
 */
import { checkReturns } from "./check-inputs";
import { checkDdof, meanOf } from "./target-return";

/** Options of {@link variance} and {@link standardDeviation}. */
export interface DdofOptions {
  /** 1 (sample, default: PyPortfolioOpt, pandas, skfolio's `biased=False`) or 0 (population: skfolio's `biased=True`, numpy's default). */
  readonly ddof?: 0 | 1;
}

/**
 * Variance `Σ(rᵢ − r̄)² / (n − ddof)` of per-period returns, per period (multiply by 252 to annualise).
 *
 * @example
 * ```ts
 * variance([0.1, -0.5, -0.3, 0.8], { ddof: 0 }); // => 0.246875 (skfolio's test figure, biased)
 * ```
 * @throws InputError for non-finite returns, a bad ddof, or n ≤ ddof.
 */
export function variance(returns: ArrayLike<number>, options: DdofOptions = {}): number {
  const n = checkReturns(returns, "variance", "returns", 1);
  const ddof = checkDdof(options.ddof, n, "variance");
  const m = meanOf(returns);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (returns[i]! - m) ** 2;
  return sum / (n - ddof);
}

/**
 * Standard deviation `√variance` of per-period returns, per period (`volatility` annualises it).
 *
 * @example
 * ```ts
 * standardDeviation([0.1, -0.5, -0.3, 0.8], { ddof: 0 }); // => ≈ 0.4968651728 (skfolio's test figure)
 * ```
 * @throws InputError as {@link variance}.
 */
export function standardDeviation(returns: ArrayLike<number>, options: DdofOptions = {}): number {
  return Math.sqrt(variance(returns, options));
}
