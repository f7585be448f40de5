/**
 * Any estimator + optimiser pair of the allocation layer as a backtest strategy, refitted on a trailing window at
 * every rebalance.
 */
import { InfeasibleError, InputError, NumericalError } from "../core/index";
import type { DateTable, LabelledVector } from "../core/index";
import { selectColumns } from "../core/index";
import { holdCurrent } from "./hold-current";
import type { TaxLot } from "../optimise/index";
import type { BacktestView } from "./backtest-view";
import type { Strategy } from "./strategy";

/** Trailing rows of prices an optimiser strategy estimates from by default: one year of trading days. */
export const DEFAULT_LOOKBACK_DAYS = 252;
/** Fewest prices a ticker needs in the window to be included, by default. */
export const DEFAULT_MIN_OBSERVATIONS = 60;

/** What an optimiser is told besides its estimate. */
export interface OptimizeContext {
  /** The rebalance date. */
  readonly date: string;
  /** Current weights of the tickers being optimised (same order as the estimate's labels), e.g. for a turnover limit. */
  readonly current: LabelledVector;
  /** Portfolio value before the rebalance (money): the weights are fractions of it. */
  readonly value?: number;
  /** Tax lots of the tickers being optimised (`view.taxLots` without the others), for a tax-aware optimiser. */
  readonly taxLots?: readonly TaxLot[];
}

/** Options of {@link optimizerStrategy}. */
export interface OptimizerStrategyOptions<E> {
  readonly name: string;
  /**
   * Estimates from trailing prices (`lookbackDays + 1` rows, columns of the eligible tickers, `NaN` = missing):
   * e.g. `riskModels.sampleCovariance`, or a function returning `{ mu, cov }`.
   */
  readonly estimate: (prices: DateTable) => E;
  /** Weights from the estimate, labelled by ticker: e.g. `(cov) => minVolatility(cov)`. May be async. */
  readonly optimize: (estimate: E, context: OptimizeContext) => LabelledVector | Promise<LabelledVector>;
  /** Trailing trading days of returns to estimate from. Default {@link DEFAULT_LOOKBACK_DAYS} (252). */
  readonly lookbackDays?: number;
  /** A ticker needs a price on the date and at least this many prices in the window. Default {@link DEFAULT_MIN_OBSERVATIONS} (60), or the whole window when shorter. */
  readonly minObservations?: number;
  /**
   * Used when the optimiser throws an InfeasibleError or NumericalError on a date (noted in the result), or fewer
   * than 2 tickers are eligible. Default `holdCurrent()` (no trade).
   */
  readonly fallback?: Strategy;
  /** Extra settings to record (bounds, risk-free rate…), merged into the strategy's parameters. */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/**
 * A strategy that, at each rebalance, takes the last `lookbackDays + 1` rows of prices the view holds, keeps the
 * tickers with a price on the date and at least `minObservations` prices in that window, runs
 * `optimize(estimate(window))`, and returns the weights (round-off below 0 clipped). It starts, by default,
 * `lookbackDays` rows into the table (its `warmUpDays`).
 *
 * When the optimiser finds the problem infeasible or fails numerically (e.g. max Sharpe when no asset's expected
 * return beats the risk-free rate), the `fallback` strategy answers instead and a note records why; other errors
 * (malformed input) are thrown.
 *
 * @param options `{ name, estimate, optimize, lookbackDays = 252, minObservations = 60, fallback = holdCurrent(), parameters }`.
 * @throws InputError BAD_WINDOW for a lookback below 2 or minObservations outside [2, lookbackDays + 1].
 * @example
 * ```ts
 * const minVol = optimizerStrategy({ name: "min volatility", estimate: (p) => riskModels.sampleCovariance(p), optimize: (cov) => minVolatility(cov) });
 * const result = await runBacktest(prices, minVol, { rebalance: calendarRebalance("monthly") });
 * ```
 */
export function optimizerStrategy<E>(options: OptimizerStrategyOptions<E>): Strategy {
  const lookback = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const minObservations = options.minObservations ?? Math.min(DEFAULT_MIN_OBSERVATIONS, lookback + 1);
  const name = options.name;
  if (typeof name !== "string" || name === "") throw new InputError("BAD_STRATEGY", "optimizerStrategy: give the strategy a name, e.g. \"min volatility\"");
  if (typeof options.estimate !== "function" || typeof options.optimize !== "function") {
    throw new InputError("BAD_STRATEGY", `optimizerStrategy ${name}: estimate and optimize must be functions, e.g. estimate: riskModels.sampleCovariance, optimize: (cov) => minVolatility(cov)`);
  }
  if (!Number.isSafeInteger(lookback) || lookback < 2) throw new InputError("BAD_WINDOW", `optimizerStrategy ${name}: lookbackDays ${String(lookback)} must be a whole number ≥ 2`, { lookback });
  if (!Number.isSafeInteger(minObservations) || minObservations < 2 || minObservations > lookback + 1) {
    throw new InputError("BAD_WINDOW", `optimizerStrategy ${name}: minObservations ${String(minObservations)} must be a whole number between 2 and lookbackDays + 1 (${lookback + 1})`, { minObservations });
  }
  const fallback = options.fallback ?? holdCurrent();
  const fallBack = (view: BacktestView, why: string) => {
    view.note(`${why}; fell back to "${fallback.name}"`);
    return fallback.targetWeights(view);
  };
  return {
    name,
    parameters: { ...(options.parameters ?? {}), estimate: options.estimate, optimize: options.optimize, lookbackDays: lookback, minObservations, fallback: fallback.name },
    warmUpDays: lookback,
    async targetWeights(view) {
      const window = view.history(lookback + 1);
      const m = window.tickers.length;
      const n = window.dates.length;
      const tradable = new Set(view.tradable);
      const eligible: string[] = [];
      for (let j = 0; j < m; j++) {
        if (!tradable.has(window.tickers[j]!)) continue;
        let count = 0;
        for (let i = 0; i < n; i++) if (!Number.isNaN(window.values[i * m + j]!)) count++;
        if (count >= minObservations) eligible.push(window.tickers[j]!);
      }
      if (eligible.length < 2) return fallBack(view, `${eligible.length} ticker${eligible.length === 1 ? "" : "s"} with ${minObservations} prices in the last ${n} rows`);
      const prices = selectColumns(window, eligible);
      const index = new Map(view.tickers.map((t, j) => [t, j]));
      const current: LabelledVector = { labels: eligible, values: Float64Array.from(eligible, (t) => view.weights.values[index.get(t)!]!) };
      const eligibleSet = new Set(eligible);
      let weights: LabelledVector;
      try {
        const lots = view.taxLots;
        const context: OptimizeContext = { date: view.date, current, value: view.value, ...(lots === undefined ? {} : { taxLots: lots.filter((l) => eligibleSet.has(l.ticker)) }) };
        weights = await options.optimize(options.estimate(prices), context);
      } catch (e) {
        if (e instanceof InfeasibleError || e instanceof NumericalError) return fallBack(view, `${name} failed (${e.message})`);
        throw e;
      }
      const values = Float64Array.from(weights.values, (w) => (w < 0 && w > -1e-9 ? 0 : w));
      return { labels: weights.labels, values };
    },
  };
}
