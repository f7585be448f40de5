/**
 * Expected returns from the Capital Asset Pricing Model, as PyPortfolioOpt's `expected_returns.capm_return`.
 */
import { COVARIANCE_DDOF, DEFAULT_RISK_FREE_RATE, TRADING_DAYS_PER_YEAR } from "../../core/index";
import { InputError, NumericalError } from "../../core/index";
import type { DateTable, ExpectedReturns } from "../../core/index";
import { returnsFromPrices } from "../../core/index";
import { checkFrequency } from "../../core/index";
import { returnColumns } from "./return-columns";

/** Options of {@link capmReturn}. */
export interface CapmReturnOptions {
  /**
   * Prices of the market (benchmark) portfolio, e.g. SPY: a table with **one** column, dated like `prices`.
   * Default: none, and the market is the equal-weighted mean of the assets' returns on each date.
   */
  readonly marketPrices?: DateTable;
  /** Annual risk-free rate (a fraction, the same period as the output). Default {@link DEFAULT_RISK_FREE_RATE} (0). */
  readonly riskFreeRate?: number;
  /** Annualise the market's mean return geometrically (CAGR, default) when `true`, arithmetically when `false`. */
  readonly compounding?: boolean;
  /** Periods per year used to annualise. Default {@link TRADING_DAYS_PER_YEAR} (252). */
  readonly frequency?: number;
  /** Compute from log returns `ln(p_t / p_{t-1})`. Default `false`. */
  readonly logReturns?: boolean;
}

/**
 * CAPM expected return per ticker (a fraction per year): `Rᵢ = R_f + βᵢ (E(R_m) − R_f)`.
 *
 * As PyPortfolioOpt:
 * - asset returns from `returnsFromPrices` (no padding across gaps, all-missing rows dropped);
 * - the market return on each of those dates is either the mean of the assets' observed returns that day
 *   (no `marketPrices`) or, with `marketPrices`, the market's own return (from its own consecutive prices)
 *   **left-joined on the asset dates**: an asset date the market lacks has no market return, and market dates
 *   the assets lack are dropped;
 * - `βᵢ = cov(rᵢ, r_m) / var(r_m)`, each covariance over the dates where both are observed (pandas
 *   `DataFrame.cov()`, pairwise-complete, ddof 1), the variance over the market's observed dates;
 * - `E(R_m)` = `(∏(1 + r_m))^(frequency / n_m) − 1` with `compounding` (default), else `mean(r_m) × frequency`.
 *
 * @param prices asset prices, shape `nDates × nTickers`; `NaN` = missing.
 * @param options `{ marketPrices?, riskFreeRate = 0, compounding = true, frequency = 252, logReturns = false }`.
 * @returns annualised expected returns labelled by ticker (same order as `prices.tickers`), length `nTickers`.
 * @throws InputError for bad prices or market prices (see `returnsFromPrices`), market prices with other than one
 *   column, a bad frequency or risk-free rate, a column with fewer than 2 returns, fewer than 2 market returns on
 *   the asset dates, or an asset observed together with the market on fewer than 2 dates (each names the ticker).
 * @throws NumericalError when the market return has zero variance (β undefined) or its mean is not finite.
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3", "d4"], tickers: ["A", "B"],
 *   values: Float64Array.from([100, 100, 110, 105, 99, 99.75, 108.9, 104.7375]) };
 * // A moves 10 %, −10 %, 10 %; B half as much: the equal-weighted market moves 7.5 %, −7.5 %, 7.5 %.
 * const mu = capmReturn(prices, { frequency: 3, compounding: false });
 * mu.values; // => ≈ Float64Array [0.1, 0.05]  (β 4/3 and 2/3; E(R_m) = mean 0.025 × 3 = 0.075)
 * ```
 */
export function capmReturn(prices: DateTable, options: CapmReturnOptions = {}): ExpectedReturns {
  const caller = "capmReturn";
  const compounding = options.compounding ?? true;
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  if (!Number.isFinite(riskFreeRate)) {
    throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${riskFreeRate} is not finite; pass an annual rate such as 0.02`, {
      riskFreeRate,
    });
  }
  const logReturns = options.logReturns ?? false;
  const { returns, columns, nRows, nColumns } = returnColumns(prices, caller, { logReturns });

  const market = options.marketPrices === undefined
    ? equalWeightedMarket(returns)
    : joinedMarket(options.marketPrices, returns.dates, logReturns, caller);
  let marketCount = 0;
  let marketSum = 0;
  let marketProduct = 1;
  for (let i = 0; i < nRows; i++) {
    const m = market[i]!;
    if (Number.isNaN(m)) continue;
    marketCount++;
    marketSum += m;
    marketProduct *= 1 + m;
  }
  if (marketCount < 2) {
    throw new InputError(
      "TOO_FEW_MARKET_OBSERVATIONS",
      `${caller}: the market has ${marketCount} return${marketCount === 1 ? "" : "s"} on the dates of the asset returns; pass market prices covering at least 3 of the asset dates`,
      { count: marketCount },
    );
  }
  const marketVariance = pairCovariance(market, 0, market, 0, nRows);
  if (!(marketVariance > 0)) {
    throw new NumericalError(
      "ZERO_MARKET_VARIANCE",
      `${caller}: the market return has variance ${marketVariance}, so betas are undefined; check the market prices (a constant series?)`,
      { variance: marketVariance },
    );
  }
  const marketMean = compounding ? Math.pow(marketProduct, frequency / marketCount) - 1 : (marketSum / marketCount) * frequency;
  if (!Number.isFinite(marketMean)) {
    throw new NumericalError("NON_FINITE_MEAN", `${caller}: the annualised market return is ${marketMean}; with logReturns, use compounding: false`, {
      value: marketMean,
    });
  }

  const out = new Float64Array(nColumns);
  for (let j = 0; j < nColumns; j++) {
    const covariance = pairCovariance(columns, j * nRows, market, 0, nRows);
    if (Number.isNaN(covariance)) {
      throw new InputError(
        "TOO_FEW_OVERLAPPING_OBSERVATIONS",
        `${caller}: ${returns.tickers[j]} and the market are both observed on fewer than 2 dates, so its beta is undefined; drop it or use a window where both trade`,
        { ticker: returns.tickers[j] },
      );
    }
    out[j] = riskFreeRate + (covariance / marketVariance) * (marketMean - riskFreeRate);
  }
  return { labels: [...returns.tickers], values: out };
}

/** The mean of each row's observed returns (pandas `returns.mean(axis=1)`); every row has one, as all-missing rows were dropped. */
function equalWeightedMarket(returns: DateTable): Float64Array {
  const nRows = returns.dates.length;
  const m = returns.tickers.length;
  const market = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    let sum = 0;
    let count = 0;
    for (let j = 0; j < m; j++) {
      const r = returns.values[i * m + j]!;
      if (Number.isNaN(r)) continue;
      sum += r;
      count++;
    }
    market[i] = count > 0 ? sum / count : NaN;
  }
  return market;
}

/** Market returns from the market's own prices, left-joined on the asset-return dates (pandas `returns.join(market, how="left")`). */
function joinedMarket(marketPrices: DateTable, dates: readonly string[], logReturns: boolean, caller: string): Float64Array {
  if (marketPrices.tickers.length !== 1) {
    throw new InputError(
      "NOT_ONE_MARKET_COLUMN",
      `${caller}: marketPrices has ${marketPrices.tickers.length} columns (${marketPrices.tickers.slice(0, 5).join(", ")}); pass a table with the market index alone, e.g. SPY`,
      { nColumns: marketPrices.tickers.length },
    );
  }
  let marketReturns: DateTable;
  try {
    marketReturns = returnsFromPrices(marketPrices, { logReturns });
  } catch (error) {
    if (error instanceof InputError) {
      const message = error.message.replace(/^returnsFromPrices: prices/, `${caller}: marketPrices`).replace(/^returnsFromPrices:/, `${caller}: marketPrices:`);
      throw new InputError(error.code, message, { ...error.details }, { cause: error });
    }
    throw error;
  }
  const byDate = new Map<string, number>();
  marketReturns.dates.forEach((date, i) => byDate.set(date, marketReturns.values[i]!));
  return Float64Array.from(dates, (date) => byDate.get(date) ?? NaN);
}

/**
 * Sample covariance (ddof 1) of two series over the positions where both are observed, each centred on its mean over
 * those positions (pandas' pairwise-complete `cov`). `NaN` when they overlap on fewer than 2 positions.
 */
function pairCovariance(x: ArrayLike<number>, xOffset: number, y: ArrayLike<number>, yOffset: number, length: number): number {
  let n = 0;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < length; i++) {
    const a = x[xOffset + i]!;
    const b = y[yOffset + i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    meanX += a;
    meanY += b;
  }
  if (n < 2) return NaN;
  meanX /= n;
  meanY /= n;
  let s = 0;
  for (let i = 0; i < length; i++) {
    const a = x[xOffset + i]!;
    const b = y[yOffset + i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    s += (a - meanX) * (b - meanY);
  }
  return s / (n - COVARIANCE_DDOF);
}
