/**
 * The strategies a user can name on the command line or in a sweep's grid: one catalogue for both.
 */
import type { Strategy } from "./strategy";
import { equalWeight } from "./equal-weight";
import { sixtyForty } from "./sixty-forty";
import { minVolatilityStrategy } from "./min-volatility-strategy";
import { maxSharpeStrategy } from "./max-sharpe-strategy";
import { hrpStrategy } from "./hrp-strategy";
import { riskParityStrategy } from "./risk-parity-strategy";
import { taxAwareStrategy } from "./cost-aware-strategy";

/** The strategies that can be named, in the order of `--help`. */
export const STRATEGY_NAMES = ["equal-weight", "sixty-forty", "min-volatility", "max-sharpe", "hrp", "risk-parity", "tax-aware"] as const;

/**
 * tax-aware's default tax rate on realised gains: 15 %, the US long-term capital-gains rate of the middle brackets.
 *
 * @example
 * ```ts
 * DEFAULT_TAX_RATE; // => 0.15
 * ```
 */
export const DEFAULT_TAX_RATE = 0.15;

/** A strategy's name: one of {@link STRATEGY_NAMES}. */
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** Options of {@link namedStrategy}; each strategy reads the ones it has (see its entry). */
export interface NamedStrategyOptions {
  /** Trailing window of the optimisers, in trading days. Default 252. */
  readonly lookbackDays?: number;
  /** Fewest prices a ticker needs in the window. Default `min(60, lookbackDays + 1)`. */
  readonly minObservations?: number;
  /** Largest weight of one asset (min-volatility, max-sharpe), a fraction in (0, 1]. Default none (long only, ≤ 1). */
  readonly maxWeight?: number;
  /** Annual risk-free rate of max-sharpe, a fraction. Default 0. */
  readonly riskFreeRate?: number;
  /** sixty-forty's equity fund. Default `"MKTIDX"`. */
  readonly equity?: string;
  /** sixty-forty's bond fund. Default `"LTBX"`. */
  readonly bond?: string;
  /** sixty-forty's equity weight, a fraction. Default 0.6. */
  readonly equityWeight?: number;
  /** tax-aware's risk aversion γ of `μᵀw − γ/2·wᵀΣw` (annual), > 0. Default 1. */
  readonly riskAversion?: number;
  /** tax-aware's tax rate on realised gains, a fraction in [0, 1). Default {@link DEFAULT_TAX_RATE} (0.15). */
  readonly taxRate?: number;
}

/**
 * The parameters each named strategy reads (the others are ignored by it): what a sweep's grid may vary.
 *
 * @example
 * ```ts
 * STRATEGY_PARAMETERS["max-sharpe"]; // => ["lookbackDays", "minObservations", "maxWeight", "riskFreeRate"]
 * STRATEGY_PARAMETERS["tax-aware"];  // => ["lookbackDays", "minObservations", "maxWeight", "riskAversion", "taxRate"]
 * ```
 */
export const STRATEGY_PARAMETERS: Readonly<Record<StrategyName, readonly (keyof NamedStrategyOptions)[]>> = {
  "equal-weight": [],
  "sixty-forty": ["equity", "bond", "equityWeight"],
  "min-volatility": ["lookbackDays", "minObservations", "maxWeight"],
  "max-sharpe": ["lookbackDays", "minObservations", "maxWeight", "riskFreeRate"],
  hrp: ["lookbackDays", "minObservations"],
  "risk-parity": ["lookbackDays", "minObservations"],
  "tax-aware": ["lookbackDays", "minObservations", "maxWeight", "riskAversion", "taxRate"],
};

/**
 * Whether `name` is one of {@link STRATEGY_NAMES}.
 *
 * @example
 * ```ts
 * isStrategyName("hrp"); // => true
 * isStrategyName("momentum"); // => false
 * ```
 */
export function isStrategyName(name: string): name is StrategyName {
  return (STRATEGY_NAMES as readonly string[]).includes(name);
}

/**
 * The strategy called `name`, with its options: `npx workbook backtest --strategy NAME` and a sweep's
 * `"strategy": NAME` both build theirs here. Checking the options' values is the caller's (each says what was wrong
 * in its own words); the strategies check their windows themselves (`BAD_WINDOW`).
 *
 * @param name one of {@link STRATEGY_NAMES}.
 * tax-aware is `taxAwareStrategy`: the cost-aware optimiser handed the backtest's tax lots, weighing `taxRate` on
 * the gains each lot sold realises (charge the same rate in the backtest, with `highestCostLots`, to pay what it
 * weighs).
 *
 * @param options `{ lookbackDays = 252, minObservations = min(60, lookbackDays + 1), maxWeight, riskFreeRate = 0,
 *   equity = "MKTIDX", bond = "LTBX", equityWeight = 0.6, riskAversion = 1, taxRate = 0.15 }`; each strategy reads
 *   its {@link STRATEGY_PARAMETERS}.
 * @returns the strategy object for `runBacktest`.
 *
 * @example
 * ```ts
 * namedStrategy("min-volatility", { lookbackDays: 126, maxWeight: 0.3 }).name; // => "min volatility"
 * namedStrategy("tax-aware", { taxRate: 0.25 }).parameters.taxRate;           // => 0.25
 * ```
 */
export function namedStrategy(name: StrategyName, options: NamedStrategyOptions = {}): Strategy {
  const lookbackDays = options.lookbackDays ?? 252;
  const window = { lookbackDays, minObservations: options.minObservations ?? Math.min(60, lookbackDays + 1) };
  const bounds = options.maxWeight === undefined ? {} : { bounds: [0, options.maxWeight] as [number, number] };
  switch (name) {
    case "equal-weight":
      return equalWeight();
    case "sixty-forty":
      return sixtyForty({ equity: options.equity ?? "MKTIDX", bond: options.bond ?? "LTBX", ...(options.equityWeight === undefined ? {} : { equityWeight: options.equityWeight }) });
    case "min-volatility":
      return minVolatilityStrategy({ ...window, ...bounds });
    case "max-sharpe":
      return maxSharpeStrategy({ ...window, ...bounds, riskFreeRate: options.riskFreeRate ?? 0 });
    case "hrp":
      return hrpStrategy(window);
    case "risk-parity":
      return riskParityStrategy(window);
    case "tax-aware":
      return taxAwareStrategy({ ...window, ...bounds, riskAversion: options.riskAversion ?? 1, taxRate: options.taxRate ?? DEFAULT_TAX_RATE });
  }
}
