/**
 * Feature definitions computed from daily prices (and the benchmark's), annualised with 252
 * trading days where they are rates. Windows count trading days.
 */
import { InputError } from "../core/index";
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import type { FeatureDefinition } from "./feature-definition";
import { meanReversionZScore } from "./mean-reversion-z-score";
import { momentum } from "./momentum";
import { rollingCapm } from "./rolling-capm";
import { rollingCorrelation } from "./rolling-correlation";
import { rollingMean } from "./rolling-mean";
import { rollingVolatility } from "./rolling-volatility";
import type { TickerHistory } from "./ticker-history";

function checkWindow(caller: string, window: number, min: number): void {
  if (!Number.isInteger(window) || window < min) {
    throw new InputError("BAD_WINDOW", `${caller}: window ${window} must be an integer ≥ ${min} (trading days)`, { window });
  }
}

function pickAt(series: Float64Array, at: Int32Array): Float64Array {
  const out = new Float64Array(at.length);
  for (let k = 0; k < at.length; k++) out[k] = series[at[k]!]!;
  return out;
}

function market(history: TickerHistory, name: string): Float64Array {
  if (history.marketReturns === null) {
    throw new InputError("MISSING_INPUT", `feature ${name}: no benchmark was given; pass FeatureStoreInputs.benchmark (e.g. "MKTIDX")`, { feature: name });
  }
  return history.marketReturns;
}

/**
 * The last daily simple return, `p[t] / p[t−1] − 1` (fraction, not annualised). Name `return_1d`.
 *
 * @example
 * ```ts
 * dailyReturnFeature().name; // => "return_1d"
 * ```
 */
export function dailyReturnFeature(): FeatureDefinition {
  return {
    name: "return_1d",
    description: "last daily simple return (fraction)",
    source: "prices",
    lookback: 1,
    unit: "fraction",
    compute: (h, at) => pickAt(h.returns, at),
  };
}

/**
 * The last daily log return, `ln(p[t] / p[t−1])`. Name `log_return_1d`.
 *
 * @example
 * ```ts
 * dailyLogReturnFeature().name; // => "log_return_1d"
 * ```
 */
export function dailyLogReturnFeature(): FeatureDefinition {
  return {
    name: "log_return_1d",
    description: "last daily log return",
    source: "prices",
    lookback: 1,
    unit: "fraction",
    compute: (h, at) => pickAt(h.logReturns, at),
  };
}

/**
 * Mean daily simple return over the last `window` days, × 252 (annualised). Name `mean_return_<window>d`.
 *
 * @throws InputError BAD_WINDOW unless `window` is an integer ≥ 1.
 * @example
 * ```ts
 * meanReturnFeature(63).name; // => "mean_return_63d"
 * ```
 */
export function meanReturnFeature(window: number): FeatureDefinition {
  checkWindow("meanReturnFeature", window, 1);
  return {
    name: `mean_return_${window}d`,
    description: `mean daily return over ${window} trading days, annualised (× 252)`,
    source: "prices",
    lookback: window,
    unit: "fraction",
    compute: (h, at) => rollingMean(h.returns, window, at).map((v) => v * TRADING_DAYS_PER_YEAR),
  };
}

/**
 * Volatility: sample sd (ddof 1) of daily returns over `window` days × √252. Name `volatility_<window>d`.
 *
 * @throws InputError BAD_WINDOW unless `window` is an integer ≥ 2.
 * @example
 * ```ts
 * volatilityFeature(21).name; // => "volatility_21d"
 * ```
 */
export function volatilityFeature(window: number): FeatureDefinition {
  checkWindow("volatilityFeature", window, 2);
  return {
    name: `volatility_${window}d`,
    description: `sd of daily returns over ${window} trading days, annualised (× √252)`,
    source: "prices",
    lookback: window,
    unit: "fraction",
    compute: (h, at) => rollingVolatility(h.returns, window, at).map((v) => v * Math.sqrt(TRADING_DAYS_PER_YEAR)),
  };
}

/**
 * Momentum: simple return over the last `horizon` trading days. Name `momentum_<horizon>d`.
 *
 * @throws InputError BAD_WINDOW unless `horizon` is an integer ≥ 1.
 * @example
 * ```ts
 * momentumFeature(252).name; // => "momentum_252d"
 * ```
 */
export function momentumFeature(horizon: number): FeatureDefinition {
  checkWindow("momentumFeature", horizon, 1);
  return {
    name: `momentum_${horizon}d`,
    description: `simple return over the last ${horizon} trading days (fraction)`,
    source: "prices",
    lookback: horizon,
    unit: "fraction",
    compute: (h, at) => momentum(h.prices, horizon, at),
  };
}

/**
 * Mean-reversion z-score of the log price over `window` days. Name `zscore_<window>d`.
 *
 * @throws InputError BAD_WINDOW unless `window` is an integer ≥ 2.
 * @example
 * ```ts
 * zScoreFeature(21).name; // => "zscore_21d"
 * ```
 */
export function zScoreFeature(window: number): FeatureDefinition {
  checkWindow("zScoreFeature", window, 2);
  return {
    name: `zscore_${window}d`,
    description: `(log price − its ${window}-day mean) / its ${window}-day sd`,
    source: "prices",
    lookback: window - 1,
    unit: "ratio",
    compute: (h, at) => meanReversionZScore(h.prices, window, at),
  };
}

/**
 * Correlation of daily returns with the benchmark's over `window` days. Name `market_correlation_<window>d`.
 *
 * @throws InputError BAD_WINDOW unless `window` is an integer ≥ 3.
 * @example
 * ```ts
 * marketCorrelationFeature(63).name; // => "market_correlation_63d"
 * ```
 */
export function marketCorrelationFeature(window: number): FeatureDefinition {
  checkWindow("marketCorrelationFeature", window, 3);
  const name = `market_correlation_${window}d`;
  return {
    name,
    description: `correlation of daily returns with the benchmark over ${window} trading days`,
    source: "benchmark",
    lookback: window,
    unit: "ratio",
    compute: (h, at) => rollingCorrelation(h.returns, market(h, name), window, at),
  };
}

/**
 * CAPM beta against the benchmark over `window` days. Name `beta_<window>d`.
 *
 * @throws InputError BAD_WINDOW unless `window` is an integer ≥ 3.
 * @example
 * ```ts
 * betaFeature(252).name; // => "beta_252d"
 * ```
 */
export function betaFeature(window: number): FeatureDefinition {
  checkWindow("betaFeature", window, 3);
  const name = `beta_${window}d`;
  return {
    name,
    description: `CAPM beta of daily returns against the benchmark over ${window} trading days`,
    source: "benchmark",
    lookback: window,
    unit: "ratio",
    compute: (h, at) => rollingCapm(h.returns, market(h, name), window, at).beta,
  };
}

/**
 * CAPM alpha against the benchmark over `window` days, annualised (× 252), risk-free rate 0.
 * Name `alpha_<window>d`.
 *
 * @throws InputError BAD_WINDOW unless `window` is an integer ≥ 3.
 * @example
 * ```ts
 * alphaFeature(252).name; // => "alpha_252d"
 * ```
 */
export function alphaFeature(window: number): FeatureDefinition {
  checkWindow("alphaFeature", window, 3);
  const name = `alpha_${window}d`;
  return {
    name,
    description: `CAPM alpha against the benchmark over ${window} trading days, annualised (× 252)`,
    source: "benchmark",
    lookback: window,
    unit: "fraction",
    compute: (h, at) => rollingCapm(h.returns, market(h, name), window, at).alpha.map((v) => v * TRADING_DAYS_PER_YEAR),
  };
}
