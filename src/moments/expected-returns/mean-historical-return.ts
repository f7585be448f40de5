/**
 * Annualised mean historical return, as PyPortfolioOpt's `expected_returns.mean_historical_return`.
 */
import { TRADING_DAYS_PER_YEAR } from "../../core/index";
import { InputError, NumericalError } from "../../core/index";
import type { DateTable, ExpectedReturns } from "../../core/index";
import { returnsFromPrices } from "../../core/index";
import { checkFrequency } from "../../core/index";

/** Options of {@link meanHistoricalReturn}. */
export interface MeanHistoricalReturnOptions {
  /** Geometric mean (CAGR) when `true` (default), arithmetic mean × frequency when `false`. */
  readonly compounding?: boolean;
  /** Periods per year used to annualise. Default {@link TRADING_DAYS_PER_YEAR} (252). */
  readonly frequency?: number;
  /** Compute from log returns `ln(p_t / p_{t-1})`. Default `false`. See the note on compounding below. */
  readonly logReturns?: boolean;
}

/**
 * Annualised mean historical return per ticker (a fraction per year), from prices.
 *
 * Returns come from {@link returnsFromPrices} (no padding across gaps). Each column uses **its own**
 * non-`NaN` returns, so a stock that listed late is averaged over its shorter history; with `n` of them:
 * - `compounding: true` (default): `(∏(1 + rₜ))^(frequency / n) − 1`;
 * - `compounding: false`: `mean(rₜ) × frequency`.
 *
 * This is PyPortfolioOpt's formula exactly, including its quirk with `logReturns: true, compounding: true`:
 * the log returns are compounded as if they were simple returns. For the usual continuously compounded
 * figure use `{ logReturns: true, compounding: false }` (mean log return × frequency).
 *
 * @param prices prices (e.g. adjusted closes), shape `nDates × nTickers`; `NaN` = missing.
 * @param options `{ compounding = true, frequency = 252, logReturns = false }`.
 * @returns annualised expected returns labelled by ticker (same order as `prices.tickers`), length `nTickers`.
 * @throws InputError for bad prices (see {@link returnsFromPrices}), a bad frequency, or a column with fewer
 *   than 2 returns (the message names the ticker).
 * @throws NumericalError when a geometric mean is not finite (only possible with `logReturns` and a log return below −1).
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3"], tickers: ["A"], values: Float64Array.from([100, 110, 121]) };
 * meanHistoricalReturn(prices, { frequency: 2 }).values;                      // => ≈ Float64Array [0.21]
 * meanHistoricalReturn(prices, { frequency: 2, compounding: false }).values; // => ≈ Float64Array [0.2]
 * ```
 */
export function meanHistoricalReturn(prices: DateTable, options: MeanHistoricalReturnOptions = {}): ExpectedReturns {
  const caller = "meanHistoricalReturn";
  const compounding = options.compounding ?? true;
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const returns = returnsFromPrices(prices, { logReturns: options.logReturns ?? false });
  const m = returns.tickers.length;
  const t = returns.dates.length;
  const out = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let count = 0;
    let product = 1;
    let sum = 0;
    for (let i = 0; i < t; i++) {
      const r = returns.values[i * m + j]!;
      if (Number.isNaN(r)) continue;
      count++;
      product *= 1 + r;
      sum += r;
    }
    if (count < 2) {
      throw new InputError(
        "TOO_FEW_OBSERVATIONS",
        `${caller}: column ${returns.tickers[j]} has ${count} return observation${count === 1 ? "" : "s"}; pass at least 2 (a longer window) or drop the column`,
        { ticker: returns.tickers[j], count },
      );
    }
    const value = compounding ? Math.pow(product, frequency / count) - 1 : (sum / count) * frequency;
    if (!Number.isFinite(value)) {
      throw new NumericalError(
        "NON_FINITE_MEAN",
        `${caller}: the ${compounding ? "geometric" : "arithmetic"} mean of ${returns.tickers[j]} is ${value}; with logReturns, use compounding: false`,
        { ticker: returns.tickers[j], value },
      );
    }
    out[j] = value;
  }
  return { labels: [...returns.tickers], values: out };
}
