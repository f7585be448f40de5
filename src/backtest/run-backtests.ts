/**
 * Several strategies side by side on the same prices, dates and costs.
 */
import { InputError } from "../core/index";
import type { DateTable } from "../core/index";
import type { BacktestResult } from "./backtest-result";
import type { RebalanceRule } from "./rebalance-rule";
import { runBacktest, type BacktestOptions } from "./run-backtest";
import type { Strategy } from "./strategy";
import type { TaxOptions } from "./tax-lots";
import type { TransactionCosts } from "./transaction-costs";

/**
 * One run of {@link runBacktests}: a strategy, and what it does differently from the shared options.
 *
 * @example
 * ```ts
 * const run: BacktestRun = { strategy: sixtyForty(), rebalance: neverRebalance(), label: "60/40 buy and hold" };
 * ```
 */
export interface BacktestRun {
  readonly strategy: Strategy;
  readonly rebalance?: RebalanceRule;
  readonly costs?: TransactionCosts;
  readonly tax?: TaxOptions;
  /** Name of this run in the results (default the strategy's name): set it when one strategy runs twice. */
  readonly label?: string;
}

/**
 * Runs several strategies on the same prices, one after the other, from a common first day (the given `start`, or
 * the latest warm-up any strategy needs) to a common last day, with shared options (capital, costs, shares,
 * progress…) that each run may override (rebalancing rule, costs, tax).
 *
 * @param prices closes, `nDates × nTickers`; not changed.
 * @param runs strategies, or `{ strategy, rebalance, costs, tax, label }`.
 * @param options shared {@link BacktestOptions}.
 * @returns one result per run, in order, all on the same dates.
 * @throws InputError NO_RUNS for an empty list; DUPLICATE_LABEL for two runs of one name; as {@link runBacktest}.
 * @example
 * ```ts
 * const results = await runBacktests(prices, [equalWeight(), { strategy: sixtyForty(), rebalance: neverRebalance(), label: "60/40 buy and hold" }, minVolatilityStrategy()],
 *   { costs: { commissionBps: 2, spreadBps: 5 }, rebalance: calendarRebalance("monthly") });
 * results.map((r) => r.strategy); // => ["equal weight", "60/40 buy and hold", "min volatility"]
 * ```
 */
export async function runBacktests(prices: DateTable, runs: readonly (Strategy | BacktestRun)[], options: BacktestOptions = {}): Promise<BacktestResult[]> {
  if (!Array.isArray(runs) || runs.length === 0) throw new InputError("NO_RUNS", "runBacktests: pass at least one strategy");
  const specs: BacktestRun[] = runs.map((r) => ("strategy" in r && typeof (r as BacktestRun).strategy === "object" ? (r as BacktestRun) : { strategy: r as Strategy }));
  const names = specs.map((s) => s.label ?? s.strategy.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new InputError("DUPLICATE_LABEL", `runBacktests: two runs are named "${duplicate}"; give one a label`, { label: duplicate });
  const warmUp = Math.max(...specs.map((s) => s.strategy.warmUpDays ?? 0));
  const start = options.start ?? prices.dates[Math.min(warmUp, prices.dates.length - 1)];
  const results: BacktestResult[] = [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const strategy: Strategy = spec.label === undefined ? spec.strategy : { ...spec.strategy, name: spec.label, targetWeights: (view) => spec.strategy.targetWeights(view) };
    results.push(
      await runBacktest(prices, strategy, {
        ...options,
        start,
        ...(spec.rebalance !== undefined ? { rebalance: spec.rebalance } : {}),
        ...(spec.costs !== undefined ? { costs: spec.costs } : {}),
        ...(spec.tax !== undefined ? { tax: spec.tax } : {}),
      }),
    );
  }
  return results;
}
