/**
 * The strategies a sweep can run, by name, with the parameters each accepts.
 */
import {
  calendarRebalance,
  driftRebalance,
  isStrategyName,
  namedStrategy,
  neverRebalance,
  STRATEGY_NAMES,
  STRATEGY_PARAMETERS,
  type NamedStrategyOptions,
  type RebalanceRule,
  type Strategy,
  type StrategyName,
} from "../backtest/index";
import { InputError } from "../core/index";
import type { ParameterValue } from "./sweep-spec";

/** How a parameter is checked: a whole number of days ≥ 2, a fraction, a rate, a ticker, a positive number, a tax rate. */
type ParameterKind = "days" | "fraction" | "rate" | "ticker" | "positive" | "taxRate";

/** The check of each parameter a named strategy reads (the catalogue is the backtest layer's `namedStrategy`). */
const KINDS: Readonly<Record<keyof NamedStrategyOptions, ParameterKind>> = {
  lookbackDays: "days",
  minObservations: "days",
  maxWeight: "fraction",
  riskFreeRate: "rate",
  equity: "ticker",
  bond: "ticker",
  equityWeight: "fraction",
  riskAversion: "positive",
  taxRate: "taxRate",
};

/** The strategies a sweep accepts, by name, each with the names of its parameters. */
export const SWEEP_STRATEGIES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(STRATEGY_NAMES.map((k) => [k, [...STRATEGY_PARAMETERS[k]]]));

function checkValue(strategy: string, name: string, kind: ParameterKind, value: ParameterValue): void {
  const ok =
    kind === "ticker"
      ? typeof value === "string" && value !== ""
      : typeof value === "number" &&
        Number.isFinite(value) &&
        (kind === "days"
          ? Number.isInteger(value) && value >= 2
          : kind === "fraction"
            ? value > 0 && value <= 1
            : kind === "positive"
              ? value > 0
              : kind === "taxRate"
                ? value >= 0 && value < 1
                : value > -1 && value < 1);
  if (!ok) {
    const what = {
      days: "a whole number of trading days ≥ 2",
      fraction: "a fraction in (0, 1]",
      rate: "an annual rate as a fraction, e.g. 0.02",
      ticker: "a ticker",
      positive: "a number > 0, e.g. 4",
      taxRate: "a tax rate as a fraction in [0, 1), e.g. 0.15",
    }[kind];
    throw new InputError("BAD_PARAMETER", `sweep: ${strategy} parameter ${name} takes ${what}, got ${JSON.stringify(value)}`, { strategy, parameter: name, value });
  }
}

/**
 * Checks a strategy name and its parameters, before any job starts.
 *
 * @throws InputError UNKNOWN_STRATEGY (naming the strategies), UNKNOWN_PARAMETER (naming the strategy's
 *   parameters), BAD_PARAMETER (naming what the value should be).
 * @example
 * ```ts
 * checkStrategy("min-volatility", { lookbackDays: 126, maxWeight: 0.3 }); // => undefined (no throw)
 * ```
 */
export function checkStrategy(strategy: string, parameters: Readonly<Record<string, ParameterValue>>): void {
  if (!isStrategyName(strategy)) {
    throw new InputError("UNKNOWN_STRATEGY", `sweep: unknown strategy "${strategy}"; choose one of ${STRATEGY_NAMES.join(", ")}`, { strategy });
  }
  const known: readonly string[] = STRATEGY_PARAMETERS[strategy];
  for (const [name, value] of Object.entries(parameters)) {
    if (!known.includes(name)) {
      throw new InputError(
        "UNKNOWN_PARAMETER",
        `sweep: strategy ${strategy} has no parameter "${name}"; ${known.length === 0 ? "it takes none" : `its parameters are ${known.join(", ")}`}`,
        { strategy, parameter: name },
      );
    }
    checkValue(strategy, name, KINDS[name as keyof NamedStrategyOptions], value);
  }
  const lookback = parameters.lookbackDays === undefined ? 252 : Number(parameters.lookbackDays);
  if (parameters.minObservations !== undefined && Number(parameters.minObservations) > lookback + 1) {
    throw new InputError("BAD_PARAMETER", `sweep: ${strategy} minObservations ${String(parameters.minObservations)} is above lookbackDays + 1 (${lookback + 1})`, { strategy });
  }
}

/**
 * The backtest strategy object for a sweep's strategy name and parameters.
 *
 * @throws InputError as {@link checkStrategy}.
 * @example
 * ```ts
 * strategyOf("hrp", { lookbackDays: 126 }).name; // => "HRP"
 * ```
 */
export function strategyOf(strategy: string, parameters: Readonly<Record<string, ParameterValue>>): Strategy {
  checkStrategy(strategy, parameters);
  return namedStrategy(strategy as StrategyName, parameters as NamedStrategyOptions);
}

/**
 * A rebalancing rule from its sweep name: `weekly`, `monthly`, `quarterly`, `never`, or `drift:THRESHOLD`.
 *
 * @throws InputError BAD_REBALANCE naming the accepted values.
 * @example
 * ```ts
 * rebalanceOf("drift:0.05").name; // => "drift > 5 %"
 * ```
 */
export function rebalanceOf(rule: string): RebalanceRule {
  if (rule === "weekly" || rule === "monthly" || rule === "quarterly") return calendarRebalance(rule);
  if (rule === "never") return neverRebalance();
  const drift = /^drift:(.+)$/.exec(rule);
  const threshold = drift ? Number(drift[1]) : Number.NaN;
  if (threshold > 0 && threshold < 1) return driftRebalance(threshold);
  throw new InputError("BAD_REBALANCE", `sweep: rebalance takes monthly, weekly, quarterly, never or drift:THRESHOLD (e.g. drift:0.05), got "${rule}"`, { rebalance: rule });
}
