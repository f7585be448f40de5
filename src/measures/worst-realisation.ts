/**
 * The worst realisation: the largest single-period loss of a sample.
 */
import { checkReturns } from "./check-inputs";

/**
 * Worst realisation `−min(rᵢ)`: the largest loss in one period, positive for a loss (skfolio's `worst_realization`,
 * Riskfolio-Lib's `WR`, the limit of VaR and CVaR as the confidence tends to 1).
 *
 * @example
 * ```ts
 * worstRealisation([0.1, -0.5, -0.3, 0.8]); // => 0.5
 * ```
 * @throws InputError for empty or non-finite returns.
 */
export function worstRealisation(returns: ArrayLike<number>): number {
  const n = checkReturns(returns, "worstRealisation", "returns", 1);
  let worst = Infinity;
  for (let i = 0; i < n; i++) worst = Math.min(worst, returns[i]!);
  return -worst;
}
