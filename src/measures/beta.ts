/**
 * Beta: how much a portfolio moves with its benchmark.
 */
import { InputError } from "../core/index";
import { checkReturns, checkSameLength } from "./check-inputs";

/**
 * Beta β = cov(r, b) / var(b) of returns `r` against benchmark returns `b` (the slope of an ordinary
 * least-squares regression of r on b). The degrees-of-freedom correction cancels out.
 *
 * Units: none (β = 1 moves one-for-one with the benchmark; 0.5 half as much; negative against it).
 * Horizon: the period of the series (daily betas of daily returns); not annualised.
 *
 * @param returns per-period returns of the portfolio, at least 2, finite; not changed.
 * @param benchmark per-period returns of the benchmark on the same dates, same length; not changed.
 * @throws InputError on different lengths, fewer than 2 returns, a non-finite value, or a constant benchmark.
 *
 * @example
 * ```ts
 * beta([0.02, -0.01, 0.03], [0.01, -0.01, 0.02]); // => ≈ 1.3571 (Σ(r − r̄)(b − b̄) = 0.000633 over Σ(b − b̄)² = 0.000467)
 * beta([0.02, -0.02, 0.04], [0.01, -0.01, 0.02]); // => 2
 * ```
 */
export function beta(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const caller = "beta";
  checkSameLength(returns, benchmark, caller, "returns", "benchmark");
  const n = checkReturns(returns, caller, "returns", 2);
  checkReturns(benchmark, caller, "benchmark", 2);
  let meanR = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanR += returns[i]!;
    meanB += benchmark[i]!;
  }
  meanR /= n;
  meanB /= n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const db = benchmark[i]! - meanB;
    covariance += (returns[i]! - meanR) * db;
    variance += db * db;
  }
  if (!(variance > 0)) {
    throw new InputError("CONSTANT_BENCHMARK", `${caller}: the benchmark returns do not vary, so beta is undefined; check the benchmark series`, {});
  }
  return covariance / variance;
}
