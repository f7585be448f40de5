/**
 * Downside deviation: the volatility of shortfalls below a minimum acceptable return (Sortino's risk).
 */
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import { InputError } from "../core/index";
import { checkPeriodsPerYear, checkReturns } from "./check-inputs";

/** Options of {@link downsideDeviation}. */
export interface DownsideDeviationOptions {
  /** Minimum acceptable return per period (a fraction, e.g. 0 or a daily risk-free rate). Default 0. */
  readonly minimumAcceptableReturn?: number;
  /** Periods per year used to annualise (× √frequency). Default 252; pass 1 for the per-period figure. */
  readonly frequency?: number;
}

/**
 * Annualised downside deviation √( Σₜ min(rₜ − MAR, 0)² / n ) · √frequency, over all `n` periods
 * (PerformanceAnalytics' `DownsideDeviation(method = "full")`, the denominator of the Sortino ratio).
 *
 * Sign: non-negative; 0 when no return falls below the MAR. Units: a fraction per year. Only returns
 * below the MAR count, so a series that swings up but rarely down has a small downside deviation.
 *
 * @param returns per-period simple returns (fractions), at least 1, all finite; not changed.
 * @param options `{ minimumAcceptableReturn = 0, frequency = 252 }`.
 * @throws InputError for an empty series, a non-finite return or MAR, or a bad frequency.
 *
 * @example
 * ```ts
 * downsideDeviation([0.02, -0.01, 0.03, -0.02], { frequency: 1 }); // => √((0.0001 + 0.0004) / 4) ≈ 0.011180
 * downsideDeviation([0.02, -0.01, 0.03, -0.02]); // => ≈ 0.17748 (× √252)
 * ```
 */
export function downsideDeviation(returns: ArrayLike<number>, options: DownsideDeviationOptions = {}): number {
  const caller = "downsideDeviation";
  const n = checkReturns(returns, caller, "returns", 1);
  const frequency = checkPeriodsPerYear(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const mar = options.minimumAcceptableReturn ?? 0;
  if (!Number.isFinite(mar)) {
    throw new InputError("BAD_MAR", `${caller}: minimumAcceptableReturn ${mar} must be a finite return per period, e.g. 0`, { mar });
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const shortfall = Math.min(returns[i]! - mar, 0);
    sum += shortfall * shortfall;
  }
  return Math.sqrt(sum / n) * Math.sqrt(frequency);
}
