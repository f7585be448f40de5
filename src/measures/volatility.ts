/**
 * Volatility: the standard deviation of returns, annualised.
 */
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import { checkPeriodsPerYear } from "./check-inputs";
import { returnMoments } from "./return-moments";

/** Options of {@link volatility}, {@link downsideDeviation} and {@link trackingError}. */
export interface AnnualisationOptions {
  /** Periods per year used to annualise (× √frequency). Default {@link TRADING_DAYS_PER_YEAR} (252); pass 1 for the per-period figure. */
  readonly frequency?: number;
}

/**
 * Annualised volatility σ = sd(r) · √frequency, with the sample standard deviation (ddof 1).
 *
 * Sign: non-negative. Units: a fraction per year when `frequency` is the number of periods per year
 * (0.15 = 15 % a year). It treats gains and losses alike; see {@link downsideDeviation} for losses only.
 *
 * @param returns per-period simple returns (fractions), at least 2, all finite; not changed.
 * @param options `{ frequency = 252 }`.
 * @throws InputError when fewer than 2 returns are given, a return is not finite, or the frequency is not positive.
 *
 * @example
 * ```ts
 * volatility([0.01, -0.01, 0.01, -0.01]); // => ≈ 0.18330 (daily sd 0.011547 × √252)
 * volatility([0.01, -0.01, 0.01, -0.01], { frequency: 1 }); // => ≈ 0.011547
 * ```
 */
export function volatility(returns: ArrayLike<number>, options: AnnualisationOptions = {}): number {
  const frequency = checkPeriodsPerYear(options.frequency ?? TRADING_DAYS_PER_YEAR, "volatility");
  return returnMoments(returns).standardDeviation * Math.sqrt(frequency);
}
