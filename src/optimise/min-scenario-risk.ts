/**
 * Minimum risk under a deviation, lower-partial-moment or drawdown measure (MAD, semi-deviation, FLPM, SLPM, maximum,
 * average and conditional drawdown, Ulcer index): one LP, or one QP for the sums of squares, on HiGHS.
 */
import { InputError, type DateTable, type Weights } from "../core/index";
import { scenarioReturns } from "../measures/index";
import { cleanLpWeights, setupCvar, type CvarOptions } from "./cvar-problem";
import { addMeasure, DEVIATION_MEASURES, isDeviationMeasure, objectiveScale, scaledProblem, scenarioMeasure, ScenarioProgramme, type DeviationMeasure } from "./scenario-risk-programme";

/** Options of {@link minScenarioRisk}: those of the CVaR optimisers, the measure and the partial moments' threshold. */
export interface MinScenarioRiskOptions extends CvarOptions {
  /** The measure (see `DeviationMeasure`). */
  readonly measure: DeviationMeasure;
  /** τ of the lower partial moments, a return per period. Default 0 (Riskfolio-Lib's `rf = 0`). */
  readonly minimumAcceptableReturn?: number;
}

/** A minimum-risk portfolio of a deviation or drawdown measure. */
export interface ScenarioRiskPortfolio {
  /** Weights labelled by ticker (summing to 1, or 0 when market neutral). */
  readonly weights: Weights;
  readonly measure: DeviationMeasure;
  /** The measure of the weights' scenario returns, a positive fraction per period (not annualised). */
  readonly risk: number;
  /** Number of scenarios used (rows of `returns` without a missing value), in date order. */
  readonly nScenarios: number;
}

/**
 * The portfolio of least risk under a deviation or drawdown measure, as Riskfolio-Lib's
 * `optimization(obj="MinRisk", rm=…)`: MAD, semi-deviation (about the mean, ddof 1), first and second lower
 * partial moments below τ, and the maximum, average and conditional drawdown and the Ulcer index of the
 * **uncompounded** cumulative return. MAD, FLPM, MDD, ADD and CDaR are linear programmes; semi-deviation, SLPM and
 * the Ulcer index minimise their square, a convex QP (HiGHS' QP solver; quadprog when it fails). Same bounds and constraints as the CVaR
 * optimisers; scenarios with a missing return are dropped. Reproduces Riskfolio-Lib's asserted weights (see the tests).
 *
 * @param returns per-period simple returns, dates in order × tickers.
 * @example
 * ```ts
 * (await minScenarioRisk(returns, { measure: "ulcerIndex", bounds: [0, 0.3] })).risk; // a daily fraction
 * ```
 * @throws InputError UNKNOWN_MEASURE, BAD_TARGET, UNSUPPORTED_CONSTRAINT (maxHoldings); those of `setupCvar` (BAD_BETA,
 *   TOO_FEW_SCENARIOS…). InfeasibleError SCENARIO_INFEASIBLE when no portfolio meets the bounds and constraints.
 */
export async function minScenarioRisk(returns: DateTable, options: MinScenarioRiskOptions): Promise<ScenarioRiskPortfolio> {
  const caller = "minScenarioRisk";
  const { measure } = options;
  checkMeasure(measure, caller);
  const tau = checkThreshold(options.minimumAcceptableReturn ?? 0, caller);
  const setup = setupCvar(caller, returns, options);
  if (setup.system.maxHoldings !== undefined) {
    throw new InputError("UNSUPPORTED_CONSTRAINT", `${caller}: a maxHoldings constraint is not supported here yet; use minCvar or drop it`, {});
  }
  const { system } = setup;
  const programme = new ScenarioProgramme();
  for (let j = 0; j < system.nVariables; j++) programme.addColumns(1, system.lower[j] as number, system.upper[j] as number);
  programme.rows.addSystem(system);
  const settings = { beta: setup.beta, minimumAcceptableReturn: tau };
  const scaled = scaledProblem(setup, settings);
  addMeasure(programme, measure, { ...scaled, weight: objectiveScale(measure, scaled.setup, scaled.settings) });
  const x = await programme.solve(caller, "SCENARIO_INFEASIBLE");
  const weights = cleanLpWeights(setup, x.subarray(0, setup.n));
  return { weights, measure, risk: scenarioMeasure(measure, scenarioReturns(setup.scenarios, setup.n, weights.values), settings), nScenarios: setup.T };
}

/**
 * Checks that a measure is a deviation or drawdown measure.
 *
 * @example
 * ```ts
 * checkMeasure("averageDrawdown", "minScenarioRisk"); // passes
 * ```
 * @throws InputError UNKNOWN_MEASURE naming the measures there are.
 */
export function checkMeasure(measure: unknown, caller: string): asserts measure is DeviationMeasure {
  if (!isDeviationMeasure(measure)) {
    throw new InputError("UNKNOWN_MEASURE", `${caller}: unknown measure ${String(measure)}; choose one of ${[...DEVIATION_MEASURES, "cdar"].join(", ")}`, { measure });
  }
}

/**
 * Checks a threshold τ of the lower partial moments (a finite return per period).
 *
 * @example
 * ```ts
 * checkThreshold(0, "minScenarioRisk"); // => 0
 * ```
 * @throws InputError BAD_TARGET.
 */
export function checkThreshold(tau: number, caller: string): number {
  if (typeof tau !== "number" || !Number.isFinite(tau)) {
    throw new InputError("BAD_TARGET", `${caller}: minimumAcceptableReturn ${String(tau)} must be a finite return per period, e.g. 0`, { minimumAcceptableReturn: tau });
  }
  return tau;
}
