/**
 * Annualised exponentially weighted mean historical return, as PyPortfolioOpt's `expected_returns.ema_historical_return`.
 */
import { TRADING_DAYS_PER_YEAR } from "../../core/index";
import { NumericalError } from "../../core/index";
import type { DateTable, ExpectedReturns } from "../../core/index";
import { checkFrequency } from "../../core/index";
import { exponentiallyWeightedMean, spanDecay } from "./exponentially-weighted-mean";
import { returnColumns } from "./return-columns";

/** Options of {@link emaHistoricalReturn}. */
export interface EmaHistoricalReturnOptions {
  /** Span of the exponential weighting, in periods (`α = 2 / (span + 1)`). Default 500. */
  readonly span?: number;
  /** `(1 + ema)^frequency − 1` when `true` (default), `ema × frequency` when `false`. */
  readonly compounding?: boolean;
  /** Periods per year used to annualise. Default {@link TRADING_DAYS_PER_YEAR} (252). */
  readonly frequency?: number;
  /** Compute from log returns `ln(p_t / p_{t-1})`. Default `false`. See the note on compounding below. */
  readonly logReturns?: boolean;
}

/**
 * Annualised exponentially weighted mean return per ticker (a fraction per year), giving more weight to recent data.
 *
 * Per column, `ema` is pandas' `returns.ewm(span=span).mean().iloc[-1]` (adjusted weights, `ignore_na=False`):
 * the return `k` rows before the last row weighs `(1 − α)^k` with `α = 2 / (span + 1)`. Returns come from
 * `returnsFromPrices` (no padding across gaps); a missing return is skipped but still ages older ones; a stock that
 * stopped trading keeps the average as of its last return. Then
 * - `compounding: true` (default): `(1 + ema)^frequency − 1`;
 * - `compounding: false`: `ema × frequency`.
 *
 * This is PyPortfolioOpt's formula exactly, including its quirk with `logReturns: true, compounding: true`:
 * the mean log return is compounded as if it were a simple return. For the continuously compounded figure use
 * `{ logReturns: true, compounding: false }`.
 *
 * @param prices prices (e.g. adjusted closes), shape `nDates × nTickers`; `NaN` = missing.
 * @param options `{ span = 500, compounding = true, frequency = 252, logReturns = false }`.
 * @returns annualised expected returns labelled by ticker (same order as `prices.tickers`), length `nTickers`.
 * @throws InputError for bad prices (see `returnsFromPrices`), a bad span or frequency, or a column with fewer
 *   than 2 returns (the message names the ticker).
 * @throws NumericalError when a result is not finite (only possible with `logReturns` and extreme returns).
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3"], tickers: ["A"], values: Float64Array.from([100, 110, 99]) };
 * // returns 0.1 then −0.1; span 3 weighs them 0.5 and 1: ema = (0.05 − 0.1) / 1.5 = −1/30
 * emaHistoricalReturn(prices, { span: 3, frequency: 1 }).values;                      // => ≈ Float64Array [-0.03333]
 * emaHistoricalReturn(prices, { span: 3, frequency: 2, compounding: false }).values; // => ≈ Float64Array [-0.06667]
 * ```
 */
export function emaHistoricalReturn(prices: DateTable, options: EmaHistoricalReturnOptions = {}): ExpectedReturns {
  const caller = "emaHistoricalReturn";
  const compounding = options.compounding ?? true;
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const decay = spanDecay(options.span ?? 500, caller);
  const { returns, columns, nRows, nColumns } = returnColumns(prices, caller, { logReturns: options.logReturns ?? false });
  const out = new Float64Array(nColumns);
  for (let j = 0; j < nColumns; j++) {
    const ema = exponentiallyWeightedMean(columns, decay, nRows, j * nRows);
    const value = compounding ? Math.pow(1 + ema, frequency) - 1 : ema * frequency;
    if (!Number.isFinite(value)) {
      throw new NumericalError(
        "NON_FINITE_MEAN",
        `${caller}: the annualised exponentially weighted mean of ${returns.tickers[j]} is ${value}; with logReturns, use compounding: false`,
        { ticker: returns.tickers[j], value },
      );
    }
    out[j] = value;
  }
  return { labels: [...returns.tickers], values: out };
}
