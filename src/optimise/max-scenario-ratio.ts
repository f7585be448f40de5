/**
 * The highest expected excess return per unit of a deviation, lower-partial-moment or drawdown measure: one LP, or one
 * QP for the sums of squares (Charnes–Cooper), on HiGHS.
 */
import { NumericalError, type DateTable, type Weights } from "../core/index";
import { scenarioReturns } from "../measures/index";
import { cleanLpWeights, setupCvar, type CvarOptions } from "./cvar-problem";
import { pushCharnesCooperRows } from "./lp-rows";
import { checkMeasure, checkThreshold } from "./min-scenario-risk";
import { ratioInputs } from "./ratio-inputs";
import { addMeasure, objectiveScale, scaledProblem, scenarioMeasure, ScenarioProgramme, type DeviationMeasure } from "./scenario-risk-programme";

/** Options of {@link maxScenarioRatio}. */
export interface MaxScenarioRatioOptions extends Omit<CvarOptions, "constraints" | "marketNeutral"> {
  /** The measure (see `DeviationMeasure`). */
  readonly measure: DeviationMeasure;
  /** Expected returns per period, one per column (default: the scenarios' mean). */
  readonly mu?: ArrayLike<number>;
  /** Risk-free return per period (default 0). */
  readonly riskFreeRate?: number;
  /** τ of the lower partial moments, per period. Default the risk-free rate (Riskfolio-Lib's Omega and Sortino ratios). */
  readonly minimumAcceptableReturn?: number;
}

/** The maximum-ratio portfolio of a deviation or drawdown measure. */
export interface ScenarioRatioPortfolio {
  readonly weights: Weights;
  readonly measure: DeviationMeasure;
  /** The measure of the weights' scenario returns, per period. */
  readonly risk: number;
  /** `μᵀw`, per period. */
  readonly expectedReturn: number;
  /** `(μᵀw − rf) / risk`. */
  readonly ratio: number;
  readonly nScenarios: number;
}

/**
 * The portfolio with the highest `(μᵀw − rf) / ρ(w)` for a deviation or drawdown measure ρ, as Riskfolio-Lib's
 * `optimization(obj="Sharpe", rm=…)`: every such ρ is positively homogeneous (the partial moments' threshold moving
 * with the scale), so with `x = k·w` the problem is: minimise `ρ(x)` (or `ρ(x)²`, a QP, for semi-deviation, SLPM and
 * the Ulcer index) subject to `(μ − rf)ᵀx = c`, `Σx = k`, `k·lo ≤ x ≤ k·hi` (Charnes–Cooper; c a positive constant
 * that keeps x near 1). Weight bounds only (no other constraints). With FLPM this is the Omega ratio, with SLPM the
 * Sortino ratio, with the maximum drawdown the Calmar ratio (uncompounded).
 *
 * @param returns per-period simple returns, dates in order × tickers; scenarios with a missing value are dropped.
 * @example
 * ```ts
 * (await maxScenarioRatio(returns, { measure: "firstLowerPartialMoment" })).ratio; // the Omega ratio − 1
 * ```
 * @throws InputError UNKNOWN_MEASURE, BAD_TARGET; those of `setupCvar` and `ratioInputs` (InfeasibleError
 *   NO_EXCESS_RETURN when no portfolio beats the risk-free rate); NumericalError SOLVER_FAILED.
 */
export async function maxScenarioRatio(returns: DateTable, options: MaxScenarioRatioOptions): Promise<ScenarioRatioPortfolio> {
  const caller = "maxScenarioRatio";
  const { measure } = options;
  checkMeasure(measure, caller);
  const setup = setupCvar(caller, returns, options);
  const { n, T, system } = setup;
  const { mu, rf } = ratioInputs(setup, options.mu, options.riskFreeRate, caller);
  const tau = checkThreshold(options.minimumAcceptableReturn ?? rf, caller);
  const settings = { beta: setup.beta, minimumAcceptableReturn: tau };
  const programme = new ScenarioProgramme();
  for (let j = 0; j < n; j++) programme.addColumns(1, (system.lower[j] as number) >= 0 ? 0 : -Infinity, Infinity);
  const k = programme.addColumns(1, 0, Infinity);
  const excess = Array.from(mu, (m) => m - rf);
  const target = Math.max(...excess);
  pushCharnesCooperRows(programme.rows, excess, target, system, k);
  const scaled = scaledProblem(setup, settings);
  addMeasure(programme, measure, { ...scaled, scale: k, weight: objectiveScale(measure, scaled.setup, scaled.settings) });
  const x = await programme.solve(caller, "SCENARIO_INFEASIBLE");
  const scale = x[k] as number;
  if (!(scale > 0)) throw new NumericalError("SOLVER_FAILED", `${caller}: the programme's scale k is ${scale}, not positive; check the bounds`, { k: scale });
  const weights = cleanLpWeights(setup, Float64Array.from(x.subarray(0, n), (v) => v / scale));
  const w = weights.values;
  const risk = scenarioMeasure(measure, scenarioReturns(setup.scenarios, n, w), settings);
  const expectedReturn = Array.from(w).reduce((s, v, j) => s + v * (mu[j] as number), 0);
  return { weights, measure, risk, expectedReturn, ratio: (expectedReturn - rf) / risk, nScenarios: T };
}
