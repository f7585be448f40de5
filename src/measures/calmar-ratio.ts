/**
 * The Calmar ratio: annual return per unit of maximum drawdown.
 */
import { maxDrawdown, type ReturnSeries } from "./index";
import { annualisedReturn, type FrequencyOptions } from "./annualised-return";

/**
 * The Calmar ratio: annualised (compound) return / maximum drawdown (a positive loss fraction), over the whole
 * series. 0.5 means the portfolio earned half its worst peak-to-trough loss per year.
 *
 * @param returns a dated per-period return series; not changed.
 * @param options `{ frequency = 252 }`.
 * @returns the ratio, or `null` when the series never falls (no drawdown).
 * @throws InputError as `risk.maxDrawdown` and {@link annualisedReturn}.
 * @example
 * ```ts
 * calmarRatio({ dates: ["d1", "d2", "d3"], values: Float64Array.of(0.1, -0.1, 0.2) }, { frequency: 3 }); // => ≈ 1.88 (18.8 % a year / 10 %)
 * ```
 */
export function calmarRatio(returns: ReturnSeries, options: FrequencyOptions = {}): number | null {
  const drawdown = maxDrawdown(returns).maxDrawdown;
  if (drawdown === 0) return null;
  return annualisedReturn(returns.values, options) / drawdown;
}
