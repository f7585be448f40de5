/**
 * A regime-aware strategy: at each rebalance, a Gaussian HMM refitted on the trailing window, a regime-conditioned
 * prior blended by that day's filtered regime probabilities, and any `(prior, options)` optimiser; and its
 * walk-forward comparison with the same optimiser on the static (sample) prior.
 */
import { InfeasibleError, type DateTable, type Table } from "../core/index";
import { AVERAGE_SIGNAL, prior as samplePrior, regimePrior, type Prior, type RegimePriorOptions } from "../moments/index";
import { portfolios, type Portfolio } from "../optimise/index";
import type { BacktestMetricsOptions } from "./backtest-metrics";
import { compareBacktests } from "./compare-backtests";
import { optimizerStrategy, type OptimizeContext } from "./optimizer-strategy";
import { runBacktests } from "./run-backtests";
import type { BacktestOptions } from "./run-backtest";
import type { Strategy } from "./strategy";

/** Trailing trading days a regime strategy fits its HMM on by default: three years. */
export const DEFAULT_REGIME_LOOKBACK_DAYS = 756;

/** Options of {@link regimeStrategy} (and of its static twin, {@link staticPriorStrategy}). */
export interface RegimeStrategyOptions {
  /** The strategy's name. Default "regime-aware". */
  readonly name?: string;
  /**
   * The optimiser: a prior in, a `Portfolio` out. Default `portfolios.maxSharpe(prior)`. When it finds no solution
   * (InfeasibleError: max Sharpe when no expected return beats the risk-free rate, as in a crisis regime), the
   * strategy takes the minimum-volatility portfolio of the same prior instead.
   */
  readonly optimise?: (prior: Prior, context: OptimizeContext) => Portfolio | Promise<Portfolio>;
  /** Number of regimes. Default 2. */
  readonly states?: number;
  /** The series the HMM reads (tickers, or "average": the equal-weighted average of the eligible tickers). Default ["average"]. */
  readonly signal?: readonly string[];
  /** Options of each refit (`starts` default 5 here, `seed` default 42, …). */
  readonly hmm?: RegimePriorOptions["hmm"];
  /** Blend with the regime probabilities this many days ahead (`p·A^ahead`). Default 0. */
  readonly ahead?: number;
  /** Trailing trading days of returns each refit uses. Default {@link DEFAULT_REGIME_LOOKBACK_DAYS} (756). */
  readonly lookbackDays?: number;
  /** Fewest prices a ticker needs in the window to be included; default 90 % of the window's rows. */
  readonly minObservations?: number;
  /** Settings recorded with the run. */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

const defaultOptimise = (p: Prior) => portfolios.maxSharpe(p);

async function optimiseOrMinVolatility(optimise: NonNullable<RegimeStrategyOptions["optimise"]>, p: Prior, context: OptimizeContext) {
  try {
    return (await optimise(p, context)).weights;
  } catch (e) {
    if (e instanceof InfeasibleError) return portfolios.minVolatility(p).weights;
    throw e;
  }
}

function settings(options: RegimeStrategyOptions) {
  const lookbackDays = options.lookbackDays ?? DEFAULT_REGIME_LOOKBACK_DAYS;
  return { lookbackDays, minObservations: options.minObservations ?? Math.ceil(0.9 * (lookbackDays + 1)), optimise: options.optimise ?? defaultOptimise };
}

/**
 * A regime-aware strategy. At each rebalance it takes the trailing `lookbackDays + 1` prices the backtester's view
 * holds (nothing after the rebalance date), keeps the tickers with a price on the date and on 90 % of the rows (by
 * default), refits a Gaussian HMM on the signal of that window, builds `regimePrior` (per-regime moments blended by
 * the last day's filtered probabilities), and returns the optimiser's weights (`optimizerStrategy` underneath: same
 * eligibility, fallbacks and notes). On a date when a named signal ticker is not eligible, it holds what it has
 * (noted). Deterministic: every refit uses the same seed.
 *
 * @param options `{ name, optimise = maxSharpe, states = 2, signal = ["average"], hmm = { starts: 5 }, ahead = 0, lookbackDays = 756, minObservations = 90 % of lookbackDays + 1, parameters }`.
 * @throws InputError as `optimizerStrategy` (BAD_WINDOW…); at a rebalance, TOO_MANY_STATES when the window cannot support the states.
 * @example
 * ```ts
 * const regime = regimeStrategy({ states: 2, signal: ["MKTIDX"], optimise: (p) => portfolios.maxSharpe(p, { bounds: [0, 0.3] }) });
 * const result = await runBacktest(prices, regime, { rebalance: calendarRebalance("monthly") });
 * ```
 */
export function regimeStrategy(options: RegimeStrategyOptions = {}): Strategy {
  const { lookbackDays, minObservations, optimise } = settings(options);
  const prior: RegimePriorOptions = {
    states: options.states ?? 2,
    hmm: { starts: 5, ...options.hmm },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.ahead === undefined ? {} : { ahead: options.ahead }),
  };
  return optimizerStrategy({
    name: options.name ?? "regime-aware",
    estimate: (prices: DateTable) => {
      const missing = (prior.signal ?? []).filter((t) => t !== AVERAGE_SIGNAL && !prices.tickers.includes(t));
      if (missing.length > 0) {
        throw new InfeasibleError("NO_SIGNAL", `the regime signal ${missing.join(", ")} has no price on this date or too few in the window, so no regime can be read`, { missing });
      }
      return regimePrior(prices, prior);
    },
    optimize: (p, context) => optimiseOrMinVolatility(optimise, p, context),
    lookbackDays,
    minObservations,
    parameters: { prior: "regimePrior", states: prior.states, signal: prior.signal ?? ["average"], hmm: prior.hmm, ahead: prior.ahead ?? 0, optimise, ...options.parameters },
  });
}

/**
 * The static twin of a {@link regimeStrategy}: the same optimiser, window, eligibility and fallback on the sample
 * prior of the window (`moments.prior`: mean historical return and sample covariance), so a comparison isolates
 * what the regimes add.
 *
 * @example
 * ```ts
 * const twin = staticPriorStrategy({ optimise: (p) => portfolios.maxSharpe(p, { bounds: [0, 0.3] }) });
 * ```
 */
export function staticPriorStrategy(options: RegimeStrategyOptions = {}): Strategy {
  const { lookbackDays, minObservations, optimise } = settings(options);
  return optimizerStrategy({
    name: "static",
    estimate: (prices: DateTable) => samplePrior(prices),
    optimize: (p, context) => optimiseOrMinVolatility(optimise, p, context),
    lookbackDays,
    minObservations,
    parameters: { prior: "sample prior", optimise, ...options.parameters },
  });
}

/** Options of {@link compareRegimeStrategy}. */
export interface RegimeComparisonOptions extends RegimeStrategyOptions {
  /** Backtest settings shared by both runs (rebalancing rule, costs, start, end…). Default monthly, free trading. */
  readonly backtest?: BacktestOptions;
  /** Scorecard settings (risk-free rate, benchmark). */
  readonly metrics?: BacktestMetricsOptions;
}

/**
 * Walk-forward comparison of a {@link regimeStrategy} with its {@link staticPriorStrategy} twin: both backtested
 * on the same prices, dates and costs, each refitting only on data up to each rebalance date; the scorecard of
 * `compareBacktests` (one row per strategy: return, volatility, Sharpe, Sortino, drawdown, Calmar, turnover, costs,
 * hit rate).
 *
 * @throws InputError as `runBacktests` and {@link regimeStrategy}.
 * @example
 * ```ts
 * await compareRegimeStrategy(prices, { signal: ["MKTIDX"], backtest: { rebalance: calendarRebalance("monthly") } });
 * // strategy       annualised return  volatility  Sharpe  …
 * // regime-aware             …
 * // static                   …
 * ```
 */
export async function compareRegimeStrategy(prices: DateTable, options: RegimeComparisonOptions = {}): Promise<Table> {
  const { backtest, metrics, ...strategy } = options;
  const results = await runBacktests(prices, [regimeStrategy(strategy), staticPriorStrategy(strategy)], backtest ?? {});
  const table = compareBacktests(results, metrics ?? {});
  return table.titled(`${table.caption ?? ""}; both refit on the last ${settings(strategy).lookbackDays} days at each rebalance, same optimiser`);
}
