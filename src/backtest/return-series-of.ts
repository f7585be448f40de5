/**
 * A backtest's daily returns as a dated series, for the risk measures.
 */
import type { ReturnSeries } from "../measures/index";
import type { BacktestResult } from "./backtest-result";

/**
 * The daily returns of a backtest as a {@link ReturnSeries} (the first against the starting capital, so it holds
 * the initial costs), ready for `risk.maxDrawdown`, `risk.drawdowns`, {@link rollingSharpe}…
 *
 * @example
 * ```ts
 * returnSeriesOf(result).dates; // => result.dates
 * ```
 */
export function returnSeriesOf(result: BacktestResult): ReturnSeries {
  return { dates: result.dates, values: result.returns };
}
