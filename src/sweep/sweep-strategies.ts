/**
 * The strategies a sweep can run, by name, with the parameters each accepts.
 */
import {
  calendarRebalance,
  driftRebalance,
  equalWeight,
  hrpStrategy,
  maxSharpeStrategy,
  minVolatilityStrategy,
  neverRebalance,
  riskParityStrategy,
  sixtyForty,
  type RebalanceRule,
  type Strategy,
} from "../backtest/index";
import { InputError } from "../core/index";
import type { ParameterValue } from "./sweep-spec";

/** How a parameter is checked: a whole number of days ≥ 2, a fraction, a rate, a ticker. */
type ParameterKind = "days" | "fraction" | "rate" | "ticker";

interface StrategyEntry {
  readonly parameters: Readonly<Record<string, ParameterKind>>;
  readonly make: (p: Readonly<Record<string, ParameterValue>>) => Strategy;
}

const LOOKBACK = { lookbackDays: "days", minObservations: "days" } as const;

function num(p: Readonly<Record<string, ParameterValue>>, name: string): number | undefined {
  return p[name] === undefined ? undefined : Number(p[name]);
}

function window(p: Readonly<Record<string, ParameterValue>>): { lookbackDays?: number; minObservations?: number } {
  const lookbackDays = num(p, "lookbackDays") ?? 252;
  return { lookbackDays, minObservations: num(p, "minObservations") ?? Math.min(60, lookbackDays + 1) };
}

function bounds(p: Readonly<Record<string, ParameterValue>>): { bounds?: [number, number] } {
  const cap = num(p, "maxWeight");
  return cap === undefined ? {} : { bounds: [0, cap] };
}

const ENTRIES: Readonly<Record<string, StrategyEntry>> = {
  "equal-weight": { parameters: {}, make: () => equalWeight() },
  "sixty-forty": {
    parameters: { equity: "ticker", bond: "ticker", equityWeight: "fraction" },
    make: (p) => sixtyForty({ equity: (p.equity as string | undefined) ?? "MKTIDX", bond: (p.bond as string | undefined) ?? "LTBX", ...(p.equityWeight === undefined ? {} : { equityWeight: Number(p.equityWeight) }) }),
  },
  "min-volatility": { parameters: { ...LOOKBACK, maxWeight: "fraction" }, make: (p) => minVolatilityStrategy({ ...window(p), ...bounds(p) }) },
  "max-sharpe": {
    parameters: { ...LOOKBACK, maxWeight: "fraction", riskFreeRate: "rate" },
    make: (p) => maxSharpeStrategy({ ...window(p), ...bounds(p), riskFreeRate: num(p, "riskFreeRate") ?? 0 }),
  },
  hrp: { parameters: { ...LOOKBACK }, make: (p) => hrpStrategy(window(p)) },
  "risk-parity": { parameters: { ...LOOKBACK }, make: (p) => riskParityStrategy(window(p)) },
};

/** The strategies a sweep accepts, by name, each with the names of its parameters. */
export const SWEEP_STRATEGIES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(ENTRIES).map(([k, e]) => [k, Object.keys(e.parameters)]));

function checkValue(strategy: string, name: string, kind: ParameterKind, value: ParameterValue): void {
  const ok =
    kind === "ticker"
      ? typeof value === "string" && value !== ""
      : typeof value === "number" &&
        Number.isFinite(value) &&
        (kind === "days" ? Number.isInteger(value) && value >= 2 : kind === "fraction" ? value > 0 && value <= 1 : value > -1 && value < 1);
  if (!ok) {
    const what = { days: "a whole number of trading days ≥ 2", fraction: "a fraction in (0, 1]", rate: "an annual rate as a fraction, e.g. 0.02", ticker: "a ticker" }[kind];
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
  const entry = ENTRIES[strategy];
  if (entry === undefined) {
    throw new InputError("UNKNOWN_STRATEGY", `sweep: unknown strategy "${strategy}"; choose one of ${Object.keys(ENTRIES).join(", ")}`, { strategy });
  }
  for (const [name, value] of Object.entries(parameters)) {
    const kind = entry.parameters[name];
    if (kind === undefined) {
      const known = Object.keys(entry.parameters);
      throw new InputError(
        "UNKNOWN_PARAMETER",
        `sweep: strategy ${strategy} has no parameter "${name}"; ${known.length === 0 ? "it takes none" : `its parameters are ${known.join(", ")}`}`,
        { strategy, parameter: name },
      );
    }
    checkValue(strategy, name, kind, value);
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
  return ENTRIES[strategy]!.make(parameters);
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
