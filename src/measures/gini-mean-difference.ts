/**
 * Gini mean difference: the mean absolute difference between two returns of the sample.
 */
import { checkReturns } from "./check-inputs";

/**
 * Gini mean difference `Σᵢ Σⱼ |rᵢ − rⱼ| / (n(n − 1))`, per period, computed in O(n log n) as the ordered weighted
 * average `Σ wₖ r₍ₖ₎` with `wₖ = (4k − 2(n + 1)) / (n(n − 1))` of the sorted returns: skfolio's `gini_mean_difference`
 * (Riskfolio-Lib's `GMD`, Cajas' OWA formulation).
 *
 * @example
 * ```ts
 * giniMeanDifference([0.1, -0.5, -0.3, 0.8]); // => ≈ 0.7166667 (skfolio's test figure)
 * ```
 * @throws InputError for fewer than two returns or a non-finite one.
 */
export function giniMeanDifference(returns: ArrayLike<number>): number {
  const n = checkReturns(returns, "giniMeanDifference", "returns", 2);
  const sorted = Float64Array.from(returns).sort();
  let sum = 0;
  for (let k = 1; k <= n; k++) sum += (4 * k - 2 * (n + 1)) * sorted[k - 1]!;
  return sum / (n * (n - 1));
}
