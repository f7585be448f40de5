/**
 * The market's price of risk, as PyPortfolioOpt's `black_litterman.market_implied_risk_aversion`.
 */
import { DEFAULT_RISK_FREE_RATE, TRADING_DAYS_PER_YEAR } from "../../core/index";
import { InputError, NumericalError } from "../../core/index";
import type { DateTable } from "../../core/index";
import { returnsFromPrices } from "../../core/index";
import { checkFrequency } from "../../core/index";

/** Options of {@link marketImpliedRiskAversion}. */
export interface MarketImpliedRiskAversionOptions {
  /** Periods per year used to annualise. Default {@link TRADING_DAYS_PER_YEAR} (252). */
  readonly frequency?: number;
  /** Annual risk-free rate (a fraction). Default {@link DEFAULT_RISK_FREE_RATE} (0). */
  readonly riskFreeRate?: number;
}

/**
 * Market-implied risk aversion `δ = (R − R_f) / σ²`, with `R = mean(r)·frequency` and `σ² = var(r)·frequency`
 * (ddof 1) of the market's simple returns: e.g. 10 % excess return a year with variance 5 % gives δ = 2.
 *
 * Returns come from `returnsFromPrices`, and missing returns are dropped (PyPortfolioOpt's `pct_change().dropna()`).
 * One difference with a gap **inside** the series: pandas < 3 pads the missing price (a 0 return that day, then the
 * two-day return), while here, as everywhere in this library (and in pandas ≥ 3), the returns on both sides of the gap
 * are missing. Without gaps the numbers are identical. δ is negative when the market beat the risk-free rate by less
 * than nothing over the window; it is returned as it is, but `marketImpliedPriorReturns` and `blackLitterman` reject it.
 *
 * @param marketPrices prices of the market portfolio (e.g. SPY): a table with **one** column; `NaN` = missing.
 * @param options `{ frequency = 252, riskFreeRate = 0 }`.
 * @returns δ (per unit of annual variance).
 * @throws InputError for bad prices (see `returnsFromPrices`), a table with other than one column, a bad frequency or
 *   risk-free rate, or fewer than 2 returns.
 * @throws NumericalError when the returns have zero variance.
 *
 * @example
 * ```ts
 * const spy = { dates: ["d1", "d2", "d3", "d4"], tickers: ["SPY"], values: Float64Array.from([100, 102, 100.98, 102.9996]) };
 * marketImpliedRiskAversion(spy, { frequency: 1 }); // => ≈ 33.33  (returns 0.02, −0.01, 0.02: mean 0.01 / variance 0.0003)
 * ```
 */
export function marketImpliedRiskAversion(marketPrices: DateTable, options: MarketImpliedRiskAversionOptions = {}): number {
  const caller = "marketImpliedRiskAversion";
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  if (!Number.isFinite(riskFreeRate)) {
    throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${riskFreeRate} is not finite; pass an annual rate such as 0.02`, {
      riskFreeRate,
    });
  }
  if (marketPrices.tickers.length !== 1) {
    throw new InputError(
      "NOT_ONE_MARKET_COLUMN",
      `${caller}: marketPrices has ${marketPrices.tickers.length} columns (${marketPrices.tickers.slice(0, 5).join(", ")}); pass a table with the market index alone, e.g. SPY`,
      { nColumns: marketPrices.tickers.length },
    );
  }
  const returns = returnsFromPrices(marketPrices).values.filter((r) => !Number.isNaN(r));
  const count = returns.length;
  if (count < 2) {
    throw new InputError(
      "TOO_FEW_OBSERVATIONS",
      `${caller}: the market has ${count} return${count === 1 ? "" : "s"}; pass at least 3 prices`,
      { count },
    );
  }
  let mean = 0;
  for (const r of returns) mean += r;
  mean /= count;
  let squares = 0;
  for (const r of returns) squares += (r - mean) * (r - mean);
  const variance = (squares / (count - 1)) * frequency;
  if (!(variance > 0)) {
    throw new NumericalError("ZERO_MARKET_VARIANCE", `${caller}: the market returns have variance ${variance}; check the market prices (a constant series?)`, {
      variance,
    });
  }
  return (mean * frequency - riskFreeRate) / variance;
}
