/**
 * The efficient portfolio for a target return (Markowitz), as PyPortfolioOpt's `EfficientFrontier.efficient_return()`.
 */
import { InfeasibleError, InputError, type ExpectedReturns, type Weights } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { formatNumber, formatRounded } from "../core/index";
import { maxReturnOver } from "./max-return";
import { budgetOf } from "./max-quadratic-utility";
import {
  offLowerBounds,
  returnRow,
  setupMeanVariance,
  solveMeanVariance,
  type MeanVarianceOptions,
  type MeanVarianceSetup,
} from "./mean-variance-options";

/** Options of {@link efficientReturn}. */
export interface EfficientReturnOptions extends MeanVarianceOptions {
  /** Weights sum to 0 instead of 1; bounds default to `[-1, 1]`. Default `false`. */
  readonly marketNeutral?: boolean;
}

/** Relative slack allowed above the maximum achievable return (round-off), before calling a target infeasible. */
const TARGET_SLACK = 1e-9;

/**
 * Weights of the portfolio with the lowest variance `wᵀΣw` (plus any extra objective terms) whose expected
 * return is at least `targetReturn`, within the bounds and constraints — PyPortfolioOpt's
 * `efficient_return(target_return, market_neutral=…)` (an inequality, so a target below the minimum-volatility
 * portfolio's return gives that portfolio). Solved exactly with quadprog.
 *
 * Before solving, the target is checked against the maximum achievable return (an LP over the same constraints).
 *
 * @param mu annualised expected returns, labelled, length `n`.
 * @param cov annualised covariance, `n × n`, same labels and order.
 * @param targetReturn the required annual expected return (a fraction).
 * @param options `{ marketNeutral = false, bounds, constraints, objectives, ridge, cutoff }`.
 * @returns weights labelled like `cov` (summing to 1, or 0 when market neutral).
 * @throws InputError for malformed inputs or a target that is not finite.
 * @throws InfeasibleError when the target is above the maximum achievable return ("efficientReturn: target return
 *   0.4 is above the maximum achievable 0.31 with these bounds; use a target ≤ 0.31"), or the constraints admit no portfolio.
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * efficientReturn({ labels, values: Float64Array.of(0.1, 0.2) },
 *   { labels, values: Float64Array.of(0.04, 0, 0, 0.09) }, 0.16).values;
 * // => ≈ Float64Array [0.4, 0.6]   (the return constraint binds: 0.1·0.4 + 0.2·0.6 = 0.16)
 * ```
 */
export function efficientReturn(mu: ExpectedReturns, cov: LabelledMatrix, targetReturn: number, options: EfficientReturnOptions = {}): Weights {
  const caller = "efficientReturn";
  if (typeof targetReturn !== "number" || !Number.isFinite(targetReturn)) {
    throw new InputError("BAD_TARGET", `${caller}: targetReturn ${targetReturn} must be a finite annual return, e.g. 0.15`, { targetReturn });
  }
  const setup = setupMeanVariance(caller, cov, mu, options, budgetOf(options.marketNeutral, options.bounds, caller));
  const highest = checkTargetReturn(setup, targetReturn);
  const include = offLowerBounds(setup, maxReturnOver(setup.system, setup.mu).x);
  return solveMeanVariance(setup, 1, 0, [returnRow(setup, reachableTarget(targetReturn, highest))], undefined, include).weights;
}

/**
 * The target, moved just inside the maximum achievable return when it is at (or within round-off above) it, so
 * that the return row `μᵀw ≥ target` keeps a non-empty interior for the solver.
 *
 * @example
 * ```ts
 * reachableTarget(0.31, 0.31); // => 0.31 − 1.31e-12
 * ```
 */
export function reachableTarget(targetReturn: number, highest: number): number {
  return Math.min(targetReturn, highest - 1e-12 * (1 + Math.abs(highest)));
}

/**
 * Throws when `targetReturn` is above the maximum achievable return over the setup's constraints; returns that maximum.
 *
 * @throws InfeasibleError naming the maximum and a feasible target.
 *
 * @example
 * ```ts
 * checkTargetReturn(setup, 0.4); // => throws "efficientReturn: target return 0.4 is above the maximum achievable 0.31 …"
 * ```
 */
export function checkTargetReturn(setup: MeanVarianceSetup, targetReturn: number): number {
  const highest = maxReturnOver(setup.system, setup.mu).value;
  if (targetReturn > highest + TARGET_SLACK * (1 + Math.abs(highest))) {
    throw new InfeasibleError(
      "TARGET_RETURN_TOO_HIGH",
      `${setup.caller}: target return ${targetReturn} is above the maximum achievable ${formatNumber(highest)} with these ${setup.system.isBoxAndBudget ? "bounds" : "bounds and constraints"}; use a target ≤ ${formatRounded(highest, "down")}`,
      { targetReturn, maxReturn: highest },
    );
  }
  return highest;
}
