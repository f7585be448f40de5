/**
 * The one hand-off from estimates to portfolios: a prior holds the expected returns, the covariance, the returns
 * behind them and their frequency, built once from prices with estimators passed in.
 */
import { frame, InputError, matrix, TRADING_DAYS_PER_YEAR, vector, type DateTable, type ExpectedReturns, type Frame, type LabelledMatrix, type Matrix, type Vector } from "../core/index";
import type { ExpectedReturnsEstimator } from "./expected-returns/expected-returns-estimator";
import { meanHistoricalReturn } from "./expected-returns/mean-historical-return";
import type { RiskModel } from "./risk-models/risk-model";
import { sampleCovariance } from "./risk-models/sample-covariance";

/**
 * Expected returns, covariance and the returns behind them: what every `(prior, options)` optimiser reads.
 * Annual figures (fractions per year) at `frequency` periods per year.
 */
export interface Prior {
  /** Expected returns μ, fractions per year (unit `"fraction"`). */
  readonly expectedReturns: Vector & ExpectedReturns;
  /** Covariance Σ of returns, annual. */
  readonly covariance: Matrix;
  /** Annual volatilities `√diag Σ` (unit `"fraction"`). */
  readonly volatilities: Vector;
  /** Periodic returns over the window (fractions per period), for scenario measures (CVaR, CDaR) and HRP. */
  readonly returns: Frame;
  /** The prices the estimates came from (the window), when built from prices. */
  readonly prices: Frame | undefined;
  /** Periods per year (252 for business days). */
  readonly frequency: number;
  /** The shrinkage intensity δ when the risk model reports one (Ledoit-Wolf, OAS). */
  readonly shrinkage: number | undefined;
  /** In words: the estimators and the window, e.g. "meanHistoricalReturn and ledoitWolfConstantVariance over 2019-01-02 … 2023-12-29". */
  readonly description: string;
}

/** Options of {@link prior}. */
export interface PriorOptions {
  /** Use the last `lookback` returns (the last `lookback + 1` prices). Default: every date. */
  readonly lookback?: number;
  /** Expected-returns estimator, a function of prices (default `meanHistoricalReturn`, PyPortfolioOpt's default). */
  readonly expectedReturns?: ExpectedReturnsEstimator;
  /** Risk model, a function of prices (default `sampleCovariance`). */
  readonly covariance?: RiskModel;
  /** Periods per year the estimators annualise with (default 252); recorded on the prior. */
  readonly frequency?: number;
}

function nameOf(f: (...args: never[]) => unknown, fallback: string): string {
  return f.name && f.name !== "anonymous" ? f.name : fallback;
}

/**
 * A {@link Prior} from prices: the last `lookback` returns, expected returns and covariance from the estimators
 * passed in (functions of prices, e.g. `expectedReturns.capmReturn`, `riskModels.ledoitWolfConstantVariance`).
 *
 * @param prices prices, dates × tickers (a `Frame` or any `DateTable`); `NaN` marks a missing price.
 * @example
 * ```ts
 * const p = prior(prices, { lookback: 1260, covariance: riskModels.ledoitWolfConstantVariance });
 * p.expectedReturns.top(3);          // displays the three highest expected returns, in percent
 * portfolios.maxSharpe(p, { bounds: [0, 0.25] });
 * ```
 * @throws InputError BAD_LOOKBACK when `lookback` is not a whole number ≥ 2; and whatever the estimators throw.
 */
export function prior(prices: DateTable, options: PriorOptions = {}): Prior {
  const all = frame(prices);
  const lookback = options.lookback;
  if (lookback !== undefined && (!Number.isSafeInteger(lookback) || lookback < 2)) {
    throw new InputError("BAD_LOOKBACK", `prior: lookback ${String(lookback)} must be a whole number of periods ≥ 2`, { lookback });
  }
  const window = lookback === undefined ? all : all.tail(lookback + 1);
  const frequency = options.frequency ?? TRADING_DAYS_PER_YEAR;
  const estimateMu = options.expectedReturns ?? ((p: DateTable) => meanHistoricalReturn(p, { frequency }));
  const estimateCov = options.covariance ?? ((p: DateTable) => sampleCovariance(p, { frequency }));
  const mu = estimateMu(window);
  const cov = estimateCov(window);
  const muName = options.expectedReturns ? nameOf(options.expectedReturns, "expected returns") : "meanHistoricalReturn";
  const covName = options.covariance ? nameOf(options.covariance, "risk model") : "sampleCovariance";
  return priorOf({
    expectedReturns: mu,
    covariance: cov,
    returns: window.returns(),
    prices: window,
    frequency,
    description: `${muName} and ${covName} over ${window.span}`,
  });
}

/** What {@link priorOf} builds a prior from. */
export interface PriorParts {
  readonly expectedReturns: ExpectedReturns;
  readonly covariance: LabelledMatrix & { readonly shrinkage?: number };
  /** Periodic returns (fractions per period), dates × the same tickers. */
  readonly returns: DateTable;
  readonly prices?: DateTable;
  readonly frequency?: number;
  readonly description?: string;
}

/**
 * A {@link Prior} from estimates made elsewhere (a Black-Litterman posterior, a model's forecasts), checked: μ, Σ
 * and the returns must name the same tickers in the same order.
 *
 * @example
 * ```ts
 * const posterior = priorOf({ ...p, expectedReturns: bl.posteriorReturns, description: "Black-Litterman posterior" });
 * ```
 * @throws InputError LABEL_MISMATCH naming the first difference.
 */
export function priorOf(parts: PriorParts): Prior {
  const labels = parts.covariance.labels;
  const check = (what: string, other: readonly string[]) => {
    const i = labels.findIndex((l, k) => other[k] !== l);
    if (other.length !== labels.length || i >= 0) {
      throw new InputError("LABEL_MISMATCH", `priorOf: ${what} name ${other.length} tickers, the covariance ${labels.length}; first difference at position ${i < 0 ? Math.min(other.length, labels.length) : i} (${String(other[i])} vs ${String(labels[i])}); estimate both from the same prices`, { what });
    }
  };
  check("expected returns", parts.expectedReturns.labels);
  check("returns", parts.returns.tickers);
  const covariance = matrix(parts.covariance);
  return {
    expectedReturns: vector(parts.expectedReturns, { unit: "fraction", name: "expected return" }),
    covariance,
    volatilities: covariance.diagonal({ unit: "fraction", name: "volatility" }).map(Math.sqrt),
    returns: frame(parts.returns, { unit: "fraction" }),
    prices: parts.prices === undefined ? undefined : frame(parts.prices),
    frequency: parts.frequency ?? TRADING_DAYS_PER_YEAR,
    shrinkage: parts.covariance.shrinkage,
    description: parts.description ?? "estimates passed in",
  };
}
