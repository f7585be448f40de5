/**
 * Value at risk and conditional value at risk estimated several ways, over several horizons, side by side.
 */
import { InputError, tableOfRows } from "../core/index";
import type { Table } from "../core/index";
import type { MonteCarloTailRiskOptions } from "./monte-carlo-tail-risk";
import { DEFAULT_CONFIDENCE, type TailRisk } from "./tail-risk";

/** A tail-risk estimator: `historicalTailRisk`, `gaussianTailRisk`, `cornishFisherTailRisk`, `monteCarloTailRisk`. */
export type TailRiskEstimator = (returns: ArrayLike<number>, options: MonteCarloTailRiskOptions) => TailRisk;

/** Options of {@link tailRiskTable}. */
export interface TailRiskTableOptions {
  /** Confidence level c in (0, 1) (default 0.95): the tail is the worst 1 − c. */
  readonly confidence?: number;
  /** Horizons in periods of the series (trading days), one block of rows each (default `[1]`). */
  readonly horizons?: readonly number[];
  /** Money invested: adds the VaR and CVaR in money. */
  readonly capital?: number;
  /** Name of the capital's currency, in the headers (default `"USD"`). */
  readonly currency?: string;
  /** Seed of a Monte Carlo estimator (required by `monteCarloTailRisk`). */
  readonly seed?: number;
  /** Simulated horizons of a Monte Carlo estimator (its default otherwise). */
  readonly simulations?: number;
}

/**
 * One row per horizon and estimator (in that order): the method, the horizon in days, the VaR and the CVaR as
 * positive loss fractions and, with `capital`, in money. The estimators are passed in, as functions.
 *
 * @param returns per-period simple returns (fractions), e.g. a portfolio's daily returns; not changed.
 * @param estimators e.g. `[historicalTailRisk, gaussianTailRisk, cornishFisherTailRisk, monteCarloTailRisk]`.
 * @example
 * ```ts
 * tailRiskTable(series.values, [historicalTailRisk, gaussianTailRisk], { horizons: [1, 10], capital: 1e6 });
 * // 4 rows: historical and gaussian at 1 day, then at 10 days; VaR, CVaR, VaR (USD), CVaR (USD)
 * ```
 * @throws InputError EMPTY_TABLE when no estimator or no horizon is given; whatever an estimator throws (a bad
 *   confidence or horizon, too few returns, a Monte Carlo estimator without a seed).
 */
export function tailRiskTable(returns: ArrayLike<number>, estimators: readonly TailRiskEstimator[], options: TailRiskTableOptions = {}): Table {
  const horizons = options.horizons ?? [1];
  if (estimators.length === 0 || horizons.length === 0) {
    throw new InputError("EMPTY_TABLE", `tailRiskTable: no ${estimators.length === 0 ? "estimator" : "horizon"} given; pass at least one`);
  }
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const currency = options.currency ?? "USD";
  const capital = options.capital;
  const rows = horizons.flatMap((horizon) =>
    estimators.map((estimate) => {
      const t = estimate(returns, { confidence, horizon, seed: options.seed as number, simulations: options.simulations });
      const money = capital === undefined ? {} : { [`VaR (${currency})`]: t.valueAtRisk * capital, [`CVaR (${currency})`]: t.conditionalValueAtRisk * capital };
      return { method: t.method, days: t.horizon, VaR: t.valueAtRisk, CVaR: t.conditionalValueAtRisk, ...money };
    }),
  );
  const on = capital === undefined ? "" : ` on ${capital.toLocaleString("en-US")} ${currency}`;
  return tableOfRows(rows, {
    units: { days: "count", VaR: "fraction", CVaR: "fraction", [`VaR (${currency})`]: "money", [`CVaR (${currency})`]: "money" },
    caption: `${confidence * 100} % confidence${on}`,
  });
}
