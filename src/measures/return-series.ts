/**
 * A dated series of per-period returns: one column of a `DateTable`, or a portfolio's returns.
 */
import { InputError } from "../core/index";
import type { DateTable } from "../core/index";

/**
 * Per-period simple returns (fractions; `0.01` = +1 %) dated by the close they end on, e.g. a column of
 * `returnsFromPrices(prices)` or the output of {@link portfolioReturns}. Wealth is 1 before `dates[0]`
 * and grows by `(1 + r)` on each date.
 *
 * @example
 * ```ts
 * const series: ReturnSeries = { dates: ["2024-01-03", "2024-01-04"], values: Float64Array.of(0.01, -0.02) };
 * ```
 */
export interface ReturnSeries {
  /** ISO dates `YYYY-MM-DD`, strictly increasing, one per return. */
  readonly dates: readonly string[];
  /** Simple returns, same length as `dates`. */
  readonly values: Float64Array;
}

/**
 * One column of a returns table as a {@link ReturnSeries}, keeping only the dates where it is observed
 * (non-`NaN`): a single asset or a benchmark.
 *
 * @param table per-period returns, `nDates × nTickers` (e.g. from `returnsFromPrices`).
 * @param ticker the column.
 * @returns a new series; the table is not changed.
 * @throws InputError UNKNOWN_TICKER when the ticker is not a column.
 *
 * @example
 * ```ts
 * seriesOf({ dates: ["d1", "d2"], tickers: ["A"], values: Float64Array.of(NaN, 0.02) }, "A");
 * // => { dates: ["d2"], values: Float64Array [0.02] }
 * ```
 */
export function seriesOf(table: DateTable, ticker: string): ReturnSeries {
  const j = table.tickers.indexOf(ticker);
  if (j < 0) {
    throw new InputError(
      "UNKNOWN_TICKER",
      `seriesOf: ticker ${ticker} is not a column of the returns (columns: ${table.tickers.slice(0, 10).join(", ")}${table.tickers.length > 10 ? ", …" : ""}); check the spelling`,
      { ticker },
    );
  }
  const m = table.tickers.length;
  const dates: string[] = [];
  const values: number[] = [];
  for (let i = 0; i < table.dates.length; i++) {
    const r = table.values[i * m + j]!;
    if (Number.isNaN(r)) continue;
    dates.push(table.dates[i]!);
    values.push(r);
  }
  return { dates, values: Float64Array.from(values) };
}
