/**
 * The Rockafellar–Uryasev linear program behind `minCvar` and `efficientCvar` (PyPortfolioOpt's EfficientCVaR),
 * solved with HiGHS; the CVaR of the cleaned weights is the measures layer's `historicalCvar`.
 */
import { InfeasibleError, InputError } from "../core/index";
import type { DateTable, LabelledVector, Weights } from "../core/index";
import { buildConstraintSystem } from "./constraints/build-constraint-system";
import type { ConstraintSystem } from "./constraints/constraint-system";
import type { PortfolioConstraint } from "./constraints/portfolio-constraint";
import { solveLinearProgramWithHighs } from "../optim/index";
import { LpRows, scenarioEntries } from "./lp-rows";
import { checkDateTable } from "../core/index";
import { historicalCvar } from "../measures/index";
import { cleanWeights, DEFAULT_WEIGHT_CUTOFF } from "./clean-weights";
import { budgetOf } from "./max-quadratic-utility";
import type { WeightBounds } from "./weight-bounds";

/** Default CVaR confidence level β (PyPortfolioOpt's): the mean loss on the worst 5 % of days. */
export const DEFAULT_CVAR_BETA = 0.95;

/** Options shared by `minCvar` and `efficientCvar`. */
export interface CvarOptions {
  /** Confidence level β in [0, 1): CVaR is the mean loss over the worst `1 − β` of scenarios. Default 0.95. */
  readonly beta?: number;
  /** Weight bounds. Default `[0, 1]` (`[-1, 1]` when market neutral). */
  readonly bounds?: WeightBounds;
  /** Constraint objects (sector limits, turnover, max holdings…), diagnosed before solving. Default none. */
  readonly constraints?: readonly PortfolioConstraint[];
  /** Weights sum to 0 instead of 1. Default `false`. */
  readonly marketNeutral?: boolean;
  /** Weights with `|w| <` cutoff are set to 0 (and the rest renormalised when fully invested). Default 1e-8. */
  readonly cutoff?: number;
}

/** A portfolio from a CVaR optimiser. */
export interface CvarPortfolio {
  /** Weights labelled by ticker (summing to 1, or 0 when market neutral). */
  readonly weights: LabelledVector;
  /**
   * Historical CVaR at β of the weights: the mean loss (a positive fraction of the portfolio, per period of the
   * scenarios — daily for daily returns, **not annualised**) over the worst `1 − β` of scenarios.
   */
  readonly cvar: number;
  /** `μᵀw` when expected returns were given (annual, like `mu`), else `NaN`. */
  readonly expectedReturn: number;
  /** Number of scenarios used (rows of `returns` without a missing value). */
  readonly nScenarios: number;
}

/** The checked scenarios and constraint system of a CVaR call. */
export interface CvarSetup {
  readonly caller: string;
  readonly labels: readonly string[];
  readonly n: number;
  /** Scenario returns, row-major `T × n`, rows with any `NaN` dropped. */
  readonly scenarios: Float64Array;
  readonly T: number;
  readonly beta: number;
  readonly system: ConstraintSystem;
  readonly cutoff: number;
}

/**
 * Checks the returns and options, drops scenarios with a missing value (as PyPortfolioOpt, which warns
 * "Removing NaNs from returns"), and builds the constraint system.
 *
 * @throws InputError for a malformed table, ±Infinity returns, β outside [0, 1), or fewer than 2 complete scenarios.
 * @throws InfeasibleError when the constraints admit no portfolio.
 *
 * @example
 * ```ts
 * setupCvar("minCvar", returns, {}).T; // => number of complete rows
 * ```
 */
export function setupCvar(caller: string, returns: DateTable, options: CvarOptions): CvarSetup {
  checkDateTable(returns, caller, "returns");
  const beta = options.beta ?? DEFAULT_CVAR_BETA;
  if (typeof beta !== "number" || !(beta >= 0 && beta < 1)) {
    throw new InputError("BAD_BETA", `${caller}: beta ${beta} must be a confidence level in [0, 1), e.g. 0.95 (the worst 5 % of scenarios)`, { beta });
  }
  const cutoff = options.cutoff ?? DEFAULT_WEIGHT_CUTOFF;
  if (!Number.isFinite(cutoff) || cutoff < 0) {
    throw new InputError("BAD_CUTOFF", `${caller}: cutoff ${cutoff} must be a finite number ≥ 0`, { cutoff });
  }
  const n = returns.tickers.length;
  if (n === 0) throw new InputError("EMPTY_INPUT", `${caller}: returns have no tickers; pass at least one column`, {});
  const { scenarios, T } = completeScenarios(returns, caller);
  if (T < 2) {
    throw new InputError(
      "TOO_FEW_SCENARIOS",
      `${caller}: returns have ${T} complete row${T === 1 ? "" : "s"} (rows with a missing value are dropped); pass a longer window or drop the tickers that listed late`,
      { complete: T },
    );
  }
  const system = buildConstraintSystem(returns.tickers, caller, {
    bounds: options.bounds,
    constraints: options.constraints,
    budget: budgetOf(options.marketNeutral, options.bounds, caller),
  });
  return { caller, labels: returns.tickers, n, scenarios, T, beta, system, cutoff };
}

/**
 * The scenarios of a returns table: its rows on which every ticker has a return (as PyPortfolioOpt, which warns
 * "Removing NaNs from returns"), row-major `T × n`.
 *
 * @throws InputError NON_FINITE_RETURN for a return of ±Infinity, naming the ticker and date.
 * @example
 * ```ts
 * completeScenarios(returnsFromPrices(prices), "minCvar").T; // => number of complete rows
 * ```
 */
export function completeScenarios(returns: DateTable, caller: string): { readonly scenarios: Float64Array; readonly T: number } {
  const n = returns.tickers.length;
  const kept: number[] = [];
  for (let t = 0; t < returns.dates.length; t++) {
    let complete = true;
    for (let j = 0; j < n; j++) {
      const r = returns.values[t * n + j]!;
      if (Number.isNaN(r)) complete = false;
      else if (!Number.isFinite(r)) {
        throw new InputError("NON_FINITE_RETURN", `${caller}: return of ${returns.tickers[j]} on ${returns.dates[t]} is ${r}; fix the price history`, {
          ticker: returns.tickers[j],
          date: returns.dates[t],
        });
      }
    }
    if (complete) kept.push(t);
  }
  const scenarios = new Float64Array(kept.length * n);
  kept.forEach((t, row) => scenarios.set(returns.values.subarray(t * n, (t + 1) * n), row * n));
  return { scenarios, T: kept.length };
}


/** What the CVaR LP optimises. */
export type CvarGoal =
  | { readonly kind: "minCvar"; readonly minReturn?: { readonly mu: Float64Array; readonly target: number } }
  | { readonly kind: "maxReturn"; readonly mu: Float64Array; readonly maxCvar: number };

/**
 * Solves the Rockafellar–Uryasev LP (variables: the system's, then `α` free, then `u ≥ 0` per scenario):
 * CVaR = `α + Σₜ uₜ / (T(1 − β))` with `uₜ ≥ −rₜᵀw − α`; minimise it (optionally with `μᵀw ≥ target`), or
 * maximise `μᵀw` with CVaR ≤ `maxCvar`. A `maxHoldings` limit is applied by the same heuristic as the
 * mean–variance optimisers (keep the largest weights, fix the rest at 0, solve again).
 *
 * @returns the weights (length `n`) and the LP's CVaR.
 * @throws InfeasibleError when HiGHS finds the LP infeasible; NumericalError when it stops otherwise.
 *
 * @example
 * ```ts
 * await solveCvarProblem(setup, { kind: "minCvar" }); // => { weights, cvar }
 * ```
 */
export async function solveCvarProblem(setup: CvarSetup, goal: CvarGoal): Promise<{ weights: Float64Array; cvar: number }> {
  const first = await solveOnce(setup, goal, setup.system.lower, setup.system.upper);
  const k = setup.system.maxHoldings;
  if (k === undefined) return first;
  const { n } = setup;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.abs(first.weights[i]!);
  const holdings = Array.from({ length: n }, (_, i) => i).filter((i) => Math.abs(first.weights[i]!) > 1e-8 * total);
  if (holdings.length <= k) return first;
  const keep = new Set<number>();
  for (let i = 0; i < n; i++) if (setup.system.lower[i]! > 0 || setup.system.upper[i]! < 0) keep.add(i);
  for (const i of holdings.sort((a, b) => Math.abs(first.weights[b]!) - Math.abs(first.weights[a]!))) {
    if (keep.size >= k) break;
    keep.add(i);
  }
  const lower = setup.system.lower.slice();
  const upper = setup.system.upper.slice();
  for (let i = 0; i < n; i++) {
    if (!keep.has(i)) {
      lower[i] = 0;
      upper[i] = 0;
    }
  }
  try {
    return await solveOnce(setup, goal, lower, upper);
  } catch (error) {
    if (error instanceof InfeasibleError) {
      throw new InfeasibleError(
        "HOLDINGS_HEURISTIC_INFEASIBLE",
        `${setup.caller}: max holdings ${k}: keeping the ${k} largest weights of the unrestricted solution leaves no portfolio that meets the other constraints; allow more holdings`,
        { k },
        { cause: error },
      );
    }
    throw error;
  }
}

async function solveOnce(setup: CvarSetup, goal: CvarGoal, lower: readonly number[], upper: readonly number[]): Promise<{ weights: Float64Array; cvar: number }> {
  const { n, T, scenarios, beta, system } = setup;
  const V = system.nVariables;
  const alpha = V;
  const u0 = V + 1;
  const N = V + 1 + T;
  const scale = 1 / (T * (1 - beta));

  const rows = new LpRows();
  const push = (entries: [number, number][], lo: number, hi: number) => rows.push(entries, lo, hi);
  rows.addSystem(system);
  // rₜᵀw + α + uₜ ≥ 0
  for (let t = 0; t < T; t++) {
    const entries = scenarioEntries(scenarios, t, n);
    entries.push([alpha, 1], [u0 + t, 1]);
    push(entries, 0, Infinity);
  }
  const cvarEntries = (): [number, number][] => [[alpha, 1], ...Array.from({ length: T }, (_, t): [number, number] => [u0 + t, scale])];
  const c = new Float64Array(N);
  if (goal.kind === "minCvar") {
    c[alpha] = 1;
    for (let t = 0; t < T; t++) c[u0 + t] = scale;
    if (goal.minReturn !== undefined) {
      push(
        Array.from({ length: n }, (_, j): [number, number] => [j, goal.minReturn!.mu[j]!]),
        goal.minReturn.target,
        Infinity,
      );
    }
  } else {
    for (let j = 0; j < n; j++) c[j] = -goal.mu[j]!;
    push(cvarEntries(), -Infinity, goal.maxCvar);
  }

  const colLower = new Float64Array(N);
  const colUpper = new Float64Array(N).fill(Infinity);
  for (let j = 0; j < V; j++) {
    colLower[j] = lower[j]!;
    colUpper[j] = upper[j]!;
  }
  colLower[alpha] = -Infinity;
  const lp = rows.build(c, colLower, colUpper);
  const result = await solveLinearProgramWithHighs(lp);
  if (result.status === "infeasible") {
    throw new InfeasibleError("CVAR_INFEASIBLE", `${setup.caller}: the CVaR problem has no feasible portfolio; relax a target or a constraint`, {});
  }
  if (result.status === "unbounded") {
    throw new InputError("UNBOUNDED", `${setup.caller}: the CVaR problem is unbounded; give every asset finite bounds`, {});
  }
  const weights = Float64Array.from(result.x.subarray(0, n));
  let cvar = result.x[alpha]!;
  for (let t = 0; t < T; t++) cvar += scale * result.x[u0 + t]!;
  return { weights, cvar };
}

/**
 * Cleans the LP's weights into a {@link CvarPortfolio}.
 *
 * @example
 * ```ts
 * cvarPortfolio(setup, weights, mu); // => { weights, cvar, expectedReturn, nScenarios }
 * ```
 */
export function cvarPortfolio(setup: CvarSetup, raw: Float64Array, mu?: ArrayLike<number>): CvarPortfolio {
  const { n } = setup;
  const weights = cleanLpWeights(setup, raw);
  let expectedReturn = NaN;
  if (mu !== undefined) {
    expectedReturn = 0;
    for (let i = 0; i < n; i++) expectedReturn += mu[i]! * weights.values[i]!;
  }
  return { weights, cvar: historicalCvar(setup.scenarios, weights.values, setup.beta), expectedReturn, nScenarios: setup.T };
}

/**
 * A linear programme's weights as a portfolio: clipped to the bounds (solver round-off), then cleaned
 * (`|w| <` cutoff → 0, renormalised when fully invested).
 *
 * @example
 * ```ts
 * cleanLpWeights(setup, Float64Array.of(0.7, 0.3 + 1e-12, 1e-11)).values; // => ≈ [0.7, 0.3, 0]
 * ```
 */
export function cleanLpWeights(setup: CvarSetup, raw: ArrayLike<number>): Weights {
  const { n, system } = setup;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Math.min(system.upper[i]!, Math.max(system.lower[i]!, raw[i]!));
  return { ...cleanWeights({ labels: [...setup.labels], values: w }, { cutoff: setup.cutoff, renormalise: system.budget !== 0 }), kind: "weights" };
}
