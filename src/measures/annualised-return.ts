/**
 * Annualised (compound annual growth) return.
 */
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import { InputError } from "../core/index";
import { cumulativeReturn } from "./cumulative-return";

/** Options of the annualised measures. */
export interface FrequencyOptions {
  /** Periods per year. Default {@link TRADING_DAYS_PER_YEAR} (252). */
  readonly frequency?: number;
}

/**
 * The compound annual growth rate: `(1 + cumulative)^(frequency / n) − 1` for `n` periods. A 10 % gain over two
 * years of daily returns (504) is ≈ 4.88 % a year.
 *
 * @param returns per-period simple returns, at least 1, finite; not changed.
 * @param options `{ frequency = 252 }`.
 * @throws InputError EMPTY_INPUT, NON_FINITE_RETURN, BAD_FREQUENCY.
 * @example
 * ```ts
 * annualisedReturn([0.1], { frequency: 1 }); // => 0.1
 * annualisedReturn([0.21], { frequency: 0.5 }); // => ≈ 0.1 (21 % over two years)
 * ```
 */
export function annualisedReturn(returns: ArrayLike<number>, options: FrequencyOptions = {}): number {
  const frequency = options.frequency ?? TRADING_DAYS_PER_YEAR;
  if (!(frequency > 0) || !Number.isFinite(frequency)) throw new InputError("BAD_FREQUENCY", `annualisedReturn: frequency ${String(frequency)} must be a positive number of periods per year`, { frequency });
  if (returns.length === 0) throw new InputError("EMPTY_INPUT", "annualisedReturn: no returns; pass at least one period");
  const growth = 1 + cumulativeReturn(returns);
  return Math.pow(growth, frequency / returns.length) - 1;
}
