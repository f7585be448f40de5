/**
 * Check of the annualisation frequency option shared by the estimators.
 */
import { InputError } from "./errors";

/**
 * Checks that an annualisation frequency (periods per year, e.g. 252 for daily data) is a finite positive number.
 *
 * @param frequency periods per year.
 * @param caller the public function name used to prefix error messages.
 * @returns the frequency, unchanged.
 * @throws InputError when the frequency is not finite and positive.
 *
 * @example
 * ```ts
 * checkFrequency(252, "meanHistoricalReturn"); // => 252
 * checkFrequency(0, "meanHistoricalReturn");   // => throws InputError BAD_FREQUENCY
 * ```
 */
export function checkFrequency(frequency: number, caller: string): number {
  if (!Number.isFinite(frequency) || frequency <= 0) {
    throw new InputError(
      "BAD_FREQUENCY",
      `${caller}: frequency ${frequency} is not a positive number of periods per year; pass e.g. 252 for daily, 52 for weekly or 12 for monthly data`,
      { frequency },
    );
  }
  return frequency;
}
