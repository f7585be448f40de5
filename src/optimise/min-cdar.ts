/**
 * The minimum-CDaR portfolio, as PyPortfolioOpt's `EfficientCDaR(mu, returns).min_cdar()`.
 */
import { InfeasibleError, InputError, NumericalError } from "../core/index";
import type { DateTable, Weights } from "../core/index";
import { averageDrawdown, drawdownCvar, drawdownSeries, scenarioReturns } from "../measures/index";
import { solveLinearProgramWithHighs } from "../optim/index";
import { cleanLpWeights, setupCvar, type CvarOptions, type CvarSetup } from "./cvar-problem";
import { LpRows, scenarioEntries } from "./lp-rows";

/** A portfolio from {@link minCdar}. */
export interface CdarPortfolio {
  /** Weights labelled by ticker (summing to 1, or 0 when market neutral). */
  readonly weights: Weights;
  /**
   * Conditional drawdown at risk at β of the weights: the mean of the worst `1 − β` of the drawdowns of the
   * **uncompounded** cumulative return (Σ rₜᵀw, the start counting as a peak), a positive fraction, not annualised.
   */
  readonly cdar: number;
  /** Number of scenarios used (rows of `returns` without a missing value), in date order. */
  readonly nScenarios: number;
}

/**
 * Weights of the fully invested portfolio with the lowest conditional drawdown at risk (Chekhlov, Uryasev and
 * Zabarankin 2005), the linear programme of PyPortfolioOpt's `EfficientCDaR.min_cdar()`:
 *
 * minimise `α + Σₜ zₜ / (T(1 − β))` subject to `zₜ ≥ uₜ − α`, `zₜ ≥ 0`, `uₜ ≥ uₜ₋₁ − rₜᵀw`, `uₜ ≥ 0`, `u₀ = 0`,
 * and the weight bounds and constraints (diagnosed before solving), solved with HiGHS. `uₜ` is the drawdown of
 * the uncompounded cumulative return after day t; CDaR is the mean of its worst 1 − β.
 *
 * @param returns per-period returns, dates in order (rows with a missing value are dropped, as PyPortfolioOpt).
 * @param options `{ beta = 0.95, bounds = [0, 1], constraints, marketNeutral, cutoff = 1e-8 }` (`maxHoldings` is not
 *   supported here).
 * @returns `{ weights, cdar, nScenarios }`.
 * @throws InputError for malformed returns, β outside [0, 1), or a `maxHoldings` constraint.
 * @throws InfeasibleError when the bounds and constraints admit no portfolio.
 *
 * @example
 * ```ts
 * // Two assets whose losses come on different days: mixing them halves the drawdowns.
 * const p = await minCdar({ dates: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"], tickers: ["A", "B"],
 *   values: Float64Array.of(-0.02, 0.02, 0.02, -0.02, -0.02, 0.02, 0.02, -0.02) }, { beta: 0.5 });
 * p.weights.values; // => ≈ Float64Array [0.5, 0.5]  (cdar 0)
 * ```
 */
export async function minCdar(returns: DateTable, options: CvarOptions = {}): Promise<CdarPortfolio> {
  const setup = setupCvar("minCdar", returns, options);
  if (setup.system.maxHoldings !== undefined) {
    throw new InputError("UNSUPPORTED_CONSTRAINT", "minCdar: a maxHoldings constraint is not supported for CDaR yet; use minCvar or drop it", {});
  }
  const weights = cleanLpWeights(setup, await solveCdarProgramme(setup));
  return { weights, cdar: cdarOf(setup, weights.values), nScenarios: setup.T };
}

/** CDaR at β of weights over the setup's scenarios: uncompounded drawdowns, the start a peak. */
function cdarOf(setup: CvarSetup, w: ArrayLike<number>): number {
  return uncompoundedCdar(scenarioReturns(setup.scenarios, setup.n, w), setup.beta);
}

/**
 * CDaR at β of per-period returns as the CDaR optimisers measure it: the mean of the worst `1 − β` of the
 * drawdowns of the **uncompounded** cumulative return (the start counting as a peak); β = 0 gives the average
 * drawdown. A positive fraction, not annualised.
 *
 * @example
 * ```ts
 * uncompoundedCdar(Float64Array.of(0.1, -0.2, 0.05), 0.5); // the mean of the worst half of the drawdowns
 * ```
 */
export function uncompoundedCdar(returns: ArrayLike<number>, beta: number): number {
  const dd = drawdownSeries(returns, { compounded: false });
  return (beta === 0 ? averageDrawdown(dd) : drawdownCvar(dd, { confidence: beta })) + 0; // + 0: no −0 for a flat path
}

async function solveCdarProgramme(setup: CvarSetup): Promise<Float64Array> {
  const { n, T, scenarios, beta, system } = setup;
  const V = system.nVariables;
  const alpha = V;
  const u = V + 1;
  const z = V + 1 + T;
  const N = V + 1 + 2 * T;
  const rows = new LpRows();
  rows.addSystem(system);
  for (let t = 0; t < T; t++) {
    // uₜ − uₜ₋₁ + rₜᵀw ≥ 0 (u₀ = 0), and zₜ − uₜ + α ≥ 0
    const entries = scenarioEntries(scenarios, t, n);
    entries.push([u + t, 1]);
    if (t > 0) entries.push([u + t - 1, -1]);
    rows.push(entries, 0, Infinity);
    rows.push([[z + t, 1], [u + t, -1], [alpha, 1]], 0, Infinity);
  }
  const c = new Float64Array(N);
  c[alpha] = 1;
  for (let t = 0; t < T; t++) c[z + t] = 1 / (T * (1 - beta));
  const lower = new Float64Array(N);
  const upper = new Float64Array(N).fill(Infinity);
  for (let j = 0; j < V; j++) {
    lower[j] = system.lower[j]!;
    upper[j] = system.upper[j]!;
  }
  lower[alpha] = -Infinity;
  const result = await solveLinearProgramWithHighs(rows.build(c, lower, upper));
  if (result.status === "infeasible") {
    throw new InfeasibleError("CDAR_INFEASIBLE", "minCdar: no portfolio meets the bounds and constraints; relax one", {});
  }
  if (result.status !== "optimal") {
    throw new NumericalError("SOLVER_FAILED", `minCdar: HiGHS stopped with status ${result.status}; give every asset finite bounds`, { status: result.status });
  }
  return Float64Array.from(result.x.subarray(0, n));
}
