/**
 * Tracking error: the volatility of the difference between a portfolio and its benchmark.
 */
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import { checkPeriodsPerYear, checkReturns, checkSameLength } from "./check-inputs";
import { returnMoments } from "./return-moments";
import type { AnnualisationOptions } from "./volatility";

/**
 * Annualised tracking error TE = sd(rₜ − bₜ) · √frequency, with the sample standard deviation (ddof 1) of
 * the active returns.
 *
 * Sign: non-negative. Units: a fraction per year (0.03 = the portfolio typically strays 3 % a year from
 * the benchmark). 0 for a portfolio that holds the benchmark.
 *
 * @param returns per-period returns of the portfolio, at least 2, finite; not changed.
 * @param benchmark per-period returns of the benchmark on the same dates, same length; not changed.
 * @param options `{ frequency = 252 }`.
 * @throws InputError on different lengths, fewer than 2 returns, a non-finite value, or a bad frequency.
 *
 * @example
 * ```ts
 * trackingError([0.02, -0.01, 0.03], [0.01, -0.01, 0.02], { frequency: 1 }); // => sd(0.01, 0, 0.01) ≈ 0.0057735
 * ```
 */
export function trackingError(returns: ArrayLike<number>, benchmark: ArrayLike<number>, options: AnnualisationOptions = {}): number {
  const caller = "trackingError";
  const n = checkSameLength(returns, benchmark, caller, "returns", "benchmark");
  checkReturns(returns, caller, "returns", 2);
  checkReturns(benchmark, caller, "benchmark", 2);
  const frequency = checkPeriodsPerYear(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const active = new Float64Array(n);
  for (let i = 0; i < n; i++) active[i] = returns[i]! - benchmark[i]!;
  return returnMoments(active).standardDeviation * Math.sqrt(frequency);
}
