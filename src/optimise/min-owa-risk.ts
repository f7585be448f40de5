/**
 * Minimum risk for every measure written as an ordered weighted average of the portfolio's returns (CVaR, worst
 * realisation, Gini mean difference, tail Gini, range, CVaR range, tail-Gini range): one linear programme on HiGHS.
 */
import { InfeasibleError, InputError, NumericalError, type DateTable, type Weights } from "../core/index";
import { OWA_MEASURES, owaValue, owaWeights, scenarioReturns, type OwaMeasure } from "../measures/index";
import { solveLinearProgramWithHighs, type LinearProgramAlgorithm } from "../optim/index";
import { cleanLpWeights, setupCvar, type CvarOptions, type CvarSetup } from "./cvar-problem";
import { LpRows, scenarioEntries } from "./lp-rows";

/** Options of {@link minOwaRisk}: those of the CVaR optimisers, the measure and its tail settings. */
export interface MinOwaRiskOptions extends CvarOptions {
  /** The risk measure (see `owaWeights`). */
  readonly measure: OwaMeasure;
  /** Confidence of the gains' tail of `cvarRange` and `tailGiniRange` (default `beta`). */
  readonly gainsBeta?: number;
  /** CVaRs in the tail Gini's approximation (default 100, Riskfolio-Lib's `a_sim`). */
  readonly steps?: number;
}

/** A minimum-risk portfolio of an ordered-weighted-average measure. */
export interface OwaRiskPortfolio {
  /** Weights labelled by ticker (summing to 1, or 0 when market neutral). */
  readonly weights: Weights;
  /** The measure. */
  readonly measure: OwaMeasure;
  /** The measure of the weights' scenario returns (a positive fraction per period for a loss measure). */
  readonly risk: number;
  /** Number of scenarios used (rows of `returns` without a missing value). */
  readonly nScenarios: number;
}

/**
 * The portfolio of least risk under an ordered-weighted-average measure, Cajas' formulation (Riskfolio-Lib's
 * `owa_optimization`): with `y = R·w` the scenario returns and `ω` the measure's ascending weights,
 * `Σₖ ωₖ·y₍ₖ₎ = max over orderings = min Σᵢ aᵢ + Σₜ bₜ subject to aᵢ + bₜ ≥ ωᵢ·yₜ for every i, t` (the assignment
 * LP's dual), so minimising the measure over `w` is one LP: `T` rows define `y`, and one row per pair `(i, t)` with
 * `ωᵢ ≠ 0` (the rows of a zero weight collapse to `aᵢ ≥ −min bₜ`). Same bounds and constraints as the CVaR
 * optimisers; scenarios with a missing return are dropped. Reproduces Riskfolio-Lib's asserted minimum-risk weights
 * for GMD, CVaR, TG, WR, RG, CVRG and TGRG (see the tests).
 *
 * @param returns per-period simple returns, dates × tickers.
 * @example
 * ```ts
 * (await minOwaRisk(returns, { measure: "giniMeanDifference" })).weights;
 * ```
 * @throws InputError UNKNOWN_MEASURE; UNSUPPORTED_CONSTRAINT for maxHoldings; those of the CVaR optimisers.
 * @throws InfeasibleError when no portfolio meets the bounds and constraints.
 */
export async function minOwaRisk(returns: DateTable, options: MinOwaRiskOptions): Promise<OwaRiskPortfolio> {
  const { setup, omega } = owaProblem("minOwaRisk", returns, options);
  if (setup.system.maxHoldings !== undefined) {
    throw new InputError("UNSUPPORTED_CONSTRAINT", `${setup.caller}: a maxHoldings constraint is not supported here yet; use minCvar or drop it`, {});
  }
  const weights = cleanLpWeights(setup, await solveOwaProgramme(setup, omega));
  return { weights, measure: options.measure, risk: owaValue(scenarioReturns(setup.scenarios, setup.n, weights.values), omega), nScenarios: setup.T };
}

/**
 * The common start of the OWA optimisers: the measure checked, the scenarios and constraints set up (as the CVaR
 * optimisers), and the measure's ordered weights for that many scenarios.
 *
 * @example
 * ```ts
 * const { setup, omega } = owaProblem("minOwaRisk", returns, { measure: "tailGini" });
 * ```
 * @throws InputError UNKNOWN_MEASURE; those of `setupCvar`.
 */
export function owaProblem(
  caller: string,
  returns: DateTable,
  options: CvarOptions & { readonly measure: OwaMeasure; readonly gainsBeta?: number; readonly steps?: number },
): { readonly setup: CvarSetup; readonly omega: Float64Array } {
  if (!OWA_MEASURES.includes(options.measure)) {
    throw new InputError("UNKNOWN_MEASURE", `${caller}: unknown measure ${String(options.measure)}; choose one of ${OWA_MEASURES.join(", ")}`, { measure: options.measure });
  }
  const setup = setupCvar(caller, returns, options);
  const omega = owaWeights(options.measure, setup.T, { beta: setup.beta, gainsBeta: options.gainsBeta, steps: options.steps });
  return { setup, omega };
}

/**
 * Adds the rows `yₜ − rₜᵀx = 0` that define the scenario returns `y` (columns `y … y + T − 1`) of the portfolio
 * `x` (the LP's first `n` columns).
 *
 * @example
 * ```ts
 * pushScenarioRows(rows, setup, V); // y in columns V … V + T − 1
 * ```
 */
export function pushScenarioRows(rows: LpRows, setup: CvarSetup, y: number): void {
  for (let t = 0; t < setup.T; t++) {
    const entries = scenarioEntries(setup.scenarios, t, setup.n).map(([j, v]) => [j, -v] as [number, number]);
    entries.push([y + t, 1]);
    rows.push(entries, 0, 0);
  }
}

/**
 * Adds the rows that bound an ordered weighted average from above: with `yₜ` in columns `y … y + T − 1`, free
 * columns `a … a + T − 1`, `b … b + T − 1` and `m`, the rows `aᵢ + bₜ − ωᵢ·yₜ ≥ 0` for every `i` with `ωᵢ ≠ 0` and
 * every `t`, and `aᵢ + m ≥ 0`, `bₜ − m ≥ 0` for the zero weights; then `Σ aᵢ + Σ bₜ ≥ Σₖ ωₖ·y₍ₖ₎`, with equality
 * at the minimum over `a`, `b` (the assignment LP's dual).
 *
 * @example
 * ```ts
 * pushOwaRows(rows, omega, { y: V, a: V + T, b: V + 2 * T, m: V + 3 * T });
 * ```
 */
export function pushOwaRows(rows: LpRows, omega: Float64Array, columns: { readonly y: number; readonly a: number; readonly b: number; readonly m: number }): void {
  const T = omega.length;
  const { y, a, b, m } = columns;
  const scale = Math.max(...Array.from(omega, Math.abs));
  let zeros = 0;
  for (let i = 0; i < T; i++) {
    const w = omega[i] as number;
    if (Math.abs(w) <= 1e-15 * scale) {
      rows.push([[a + i, 1], [m, 1]], 0, Infinity); // aᵢ ≥ −m, with m ≤ every bₜ below
      zeros++;
      continue;
    }
    for (let t = 0; t < T; t++) rows.push([[a + i, 1], [b + t, 1], [y + t, -w]], 0, Infinity);
  }
  if (zeros > 0) for (let t = 0; t < T; t++) rows.push([[b + t, 1], [m, -1]], 0, Infinity);
}

/** Pair rows above which HiGHS's interior point beats its dual simplex on an OWA programme (measured: 252 days). */
const INTERIOR_POINT_PAIR_ROWS = 20_000;

/**
 * HiGHS's algorithm for an OWA programme of ordered weights `omega`: the interior point when the pair rows
 * `aᵢ + bₜ ≥ ωᵢ·yₜ` number more than 20,000 (min Gini mean difference on 252 days: 63,252 rows, about twice as fast
 * as the dual simplex, same weights), the dual simplex otherwise.
 *
 * @example
 * ```ts
 * owaAlgorithm(owaWeights("giniMeanDifference", 252)); // => "interior-point"
 * owaAlgorithm(owaWeights("cvar", 252, { beta: 0.95 })); // => "simplex"
 * ```
 */
export function owaAlgorithm(omega: Float64Array): LinearProgramAlgorithm {
  const scale = Math.max(...Array.from(omega, Math.abs));
  let nonZero = 0;
  for (const w of omega) if (Math.abs(w) > 1e-15 * scale) nonZero++;
  return nonZero * omega.length > INTERIOR_POINT_PAIR_ROWS ? "interior-point" : "simplex";
}

async function solveOwaProgramme(setup: CvarSetup, omega: Float64Array): Promise<Float64Array> {
  const { n, T, system, caller } = setup;
  const V = system.nVariables;
  const y = V;
  const a = V + T;
  const b = V + 2 * T;
  const m = V + 3 * T;
  const N = m + 1;
  const rows = new LpRows();
  rows.addSystem(system);
  pushScenarioRows(rows, setup, y);
  pushOwaRows(rows, omega, { y, a, b, m });
  const c = new Float64Array(N);
  for (let k = a; k < m; k++) c[k] = 1;
  const lower = new Float64Array(N).fill(-Infinity);
  const upper = new Float64Array(N).fill(Infinity);
  for (let j = 0; j < V; j++) {
    lower[j] = system.lower[j] as number;
    upper[j] = system.upper[j] as number;
  }
  const result = await solveLinearProgramWithHighs(rows.build(c, lower, upper), { algorithm: owaAlgorithm(omega) });
  if (result.status === "infeasible") {
    throw new InfeasibleError("OWA_INFEASIBLE", `${caller}: no portfolio meets the bounds and constraints; relax one`, {});
  }
  if (result.status !== "optimal") {
    throw new NumericalError("SOLVER_FAILED", `${caller}: HiGHS stopped with status ${result.status}; give every asset finite bounds`, { status: result.status });
  }
  return Float64Array.from(result.x.subarray(0, n));
}
