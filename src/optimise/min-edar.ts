/**
 * Minimum entropic drawdown at risk (EDaR), the highest return per unit of EDaR and EDaR risk budgeting — exponential-
 * cone programmes in Riskfolio-Lib — by our own primal-dual interior-point method on the jointly convex
 * `(w, d, z) ↦ z·log(mean(exp(dₜ / z)) / (1 − β))`, the drawdowns d held up by linear rows.
 */
import { InputError, type DateTable, type Weights } from "../core/index";
import { drawdownSeries, entropicDrawdownAtRisk, scenarioReturns } from "../measures/index";
import { projectOntoHyperplaneBox, solveInteriorPoint } from "../optim/index";
import { cleanLpWeights, setupCvar, type CvarOptions, type CvarSetup } from "./cvar-problem";
import { EDAR_Z_FLOOR, edarProgramme, entropicTerm, type DenseRows } from "./edar-programme";
import { maxScenarioRatio } from "./max-scenario-ratio";
import { minScenarioRisk } from "./min-scenario-risk";
import { ratioInputs } from "./ratio-inputs";
import { riskBudgetByMeasure } from "./risk-budgeting-by-measure";

/** A portfolio of an EDaR optimiser. */
export interface EdarPortfolio {
  /** Weights labelled by ticker, summing to 1 (0 when market neutral). */
  readonly weights: Weights;
  /**
   * Entropic drawdown at risk at β of the weights (the measures layer's `entropicDrawdownAtRisk` of the **uncompounded**
   * cumulative return's drawdowns, the start a peak): a positive fraction, per the scenarios' path, not annualised.
   */
  readonly edar: number;
  /**
   * The optimal z of EDaR's infimum, in the drawdowns' units (Riskfolio-Lib's `z_EDaR`); 0 when the infimum is the limit
   * z → 0, where EDaR is the worst drawdown (always when `T·(1 − β) ≤ 1`).
   */
  readonly z: number;
  /** Interior-point iterations taken (0 when the maximum-drawdown LP answered: see {@link minEdar}). */
  readonly iterations: number;
  /** Number of scenarios used (rows of `returns` without a missing value), in date order. */
  readonly nScenarios: number;
}

/**
 * The portfolio of least entropic drawdown at risk, `EDaR_β(w) = inf_{z > 0} z·log(mean(exp(DDₜ(w) / z)) / (1 − β))`
 * with `DDₜ` the drawdown of the **uncompounded** cumulative return `Σₛ≤ₜ rₛᵀw` (the start a peak): Riskfolio-Lib's
 * `rm="EDaR"` with `alpha = 1 − β` (Cajas 2021). Solved as one smooth convex programme over the weights, the drawdowns
 * d and z: minimise `z·log(mean(exp(dₜ / z)) / (1 − β))` subject to `dₜ ≥ dₜ₋₁ − rₜᵀw`, `dₜ ≥ 0` (Riskfolio-Lib's
 * rows) and the bounds and constraints, by a primal-dual interior-point method whose Newton systems (n + T + 1
 * unknowns) are solved in O(T·n²) (see `edarProgramme`); the returns are scaled to drawdowns of order 1 first (EDaR is
 * positively homogeneous). Every linear constraint is supported; `maxHoldings` is not.
 *
 * Where EDaR's infimum is its limit z → 0, EDaR is the worst drawdown: for every portfolio when `T·(1 − β) ≤ 1`, and then
 * the answer is the maximum-drawdown LP's (`minScenarioRisk`, exact); when the optimum's z reaches the programme's floor
 * (ties among the worst drawdowns, or a portfolio that never draws down), that LP's weights are optimal too and are
 * returned if their EDaR is lower.
 *
 * @param returns per-period simple returns, dates in order × tickers (rows with a missing value are dropped).
 * @param options `{ beta = 0.95, bounds = [0, 1], constraints, marketNeutral, cutoff = 1e-8 }`.
 * @returns `{ weights, edar, z, iterations, nScenarios }`.
 * @example
 * ```ts
 * // Two assets whose losses come on different days: mixing them halves the drawdowns.
 * const p = await minEdar({ dates: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"], tickers: ["A", "B"],
 *   values: Float64Array.of(-0.02, 0.02, 0.02, -0.02, -0.02, 0.02, 0.02, -0.02) }, { beta: 0.5 });
 * p.weights.values; // => ≈ Float64Array [0.5, 0.5]   (edar ≈ 0: this mix never draws down)
 * ```
 * @throws InputError BAD_BETA (β must be in (0, 1)), UNSUPPORTED_CONSTRAINT (`maxHoldings`), those of `setupCvar`;
 *   InfeasibleError when the bounds and constraints admit no portfolio; NumericalError NOT_CONVERGED.
 */
export async function minEdar(returns: DateTable, options: CvarOptions = {}): Promise<EdarPortfolio> {
  const caller = "minEdar";
  const setup = checkedSetup(caller, returns, options);
  const { n, T, system, beta } = setup;
  if (system.maxHoldings !== undefined) {
    throw new InputError("UNSUPPORTED_CONSTRAINT", `${caller}: a maxHoldings constraint is not supported with EDaR; drop it or use minCvar`, {});
  }
  const worstDrawdown = async () => (await minScenarioRisk(returns, { ...options, measure: "maxDrawdown" })).weights;
  if (onlyWorstDrawdown(setup)) return atZeroZ(setup, await worstDrawdown());
  const V = system.nVariables;
  const { rows, equalities } = systemRows(setup);
  const w0 = new Float64Array(V);
  const lower = Float64Array.from(system.lower.slice(0, n));
  const upper = Float64Array.from(system.upper.slice(0, n));
  projectOntoHyperplaneBox(new Float64Array(n).fill(1 / n), new Float64Array(n).fill(1), system.budget, lower, upper, w0.subarray(0, n));
  for (let j = n; j < V; j++) w0[j] = inside(system.lower[j]!, system.upper[j]!);
  const scale = drawdownScale(setup, w0);
  const R = Float64Array.from(setup.scenarios, (v) => v / scale);
  const problem = edarProgramme({ R, n, T, beta, nWeights: V, rows, equalities });
  const solution = solveInteriorPoint(problem, startingPoint(R, n, T, beta, w0), { caller });
  const weights = cleanLpWeights(setup, solution.x.subarray(0, n));
  const found: EdarPortfolio = { weights, edar: edarOf(setup, weights.values), z: solution.x[V + T]! * scale, iterations: solution.iterations, nScenarios: T };
  if (!atFloor(solution.x[V + T]!)) return found;
  const lp = atZeroZ(setup, await worstDrawdown());
  return lp.edar < found.edar ? lp : found;
}

/**
 * The highest `(μᵀw − rf) / EDaR_β(w)` (Riskfolio-Lib's `obj="Sharpe", rm="EDaR"`), by the Charnes–Cooper
 * transformation: with `x = k·w` (EDaR is positively homogeneous), minimise EDaR(x) subject to `(μ − rf)ᵀx = c`
 * and `k·lo ≤ x ≤ k·hi` with `k = Σx` (c a positive constant keeping x near 1), the programme of {@link minEdar}.
 * Weight bounds only. `ratio` is per period. Where EDaR is the worst drawdown (`T·(1 − β) ≤ 1`, or the optimum's z on
 * the floor) the maximum-drawdown ratio LP (`maxScenarioRatio`) answers, as in {@link minEdar}.
 *
 * @param returns per-period simple returns, dates in order × tickers; `mu` per period (default the scenarios' mean),
 *   `riskFreeRate` per period (default 0).
 * @example
 * ```ts
 * (await maxEdarRatio(returns, { bounds: [0, 0.3] })).ratio; // mean excess return per unit of EDaR
 * ```
 * @throws InputError BAD_BETA, UNSUPPORTED_CONSTRAINT, those of `setupCvar` and `ratioInputs`; InfeasibleError
 *   NO_EXCESS_RETURN; NumericalError NOT_CONVERGED.
 */
export async function maxEdarRatio(
  returns: DateTable,
  options: Omit<CvarOptions, "marketNeutral" | "constraints"> & { readonly mu?: ArrayLike<number>; readonly riskFreeRate?: number } = {},
): Promise<EdarPortfolio & { readonly expectedReturn: number; readonly ratio: number }> {
  const caller = "maxEdarRatio";
  const setup = checkedSetup(caller, returns, options);
  const { n, T, system, beta } = setup;
  if (system.maxHoldings !== undefined) throw new InputError("UNSUPPORTED_CONSTRAINT", `${caller}: only weight bounds are supported with EDaR`, {});
  const { mu, rf } = ratioInputs(setup, options.mu, options.riskFreeRate, caller);
  const withRatio = (p: EdarPortfolio) => {
    const expectedReturn = p.weights.values.reduce((s, v, j) => s + v * mu[j]!, 0);
    return { ...p, expectedReturn, ratio: (expectedReturn - rf) / p.edar };
  };
  const worstDrawdown = async () => withRatio(atZeroZ(setup, (await maxScenarioRatio(returns, { ...options, measure: "maxDrawdown", mu, riskFreeRate: rf })).weights));
  if (onlyWorstDrawdown(setup)) return await worstDrawdown();
  const lower = Float64Array.from(system.lower.slice(0, n));
  const upper = Float64Array.from(system.upper.slice(0, n));
  const excess = Float64Array.from(mu, (m) => m - rf);
  const excessOf = (w: ArrayLike<number>) => Array.from(w).reduce((s, x, j) => s + x * excess[j]!, 0);
  // A start inside the bounds that beats the risk-free rate: equal weights, else moved towards the best-return portfolio.
  const centre = new Float64Array(n);
  projectOntoHyperplaneBox(new Float64Array(n).fill(1 / n), new Float64Array(n).fill(1), 1, lower, upper, centre);
  const best = Float64Array.from(lower, (lo) => (Number.isFinite(lo) ? lo : 0));
  let left = 1 - best.reduce((s, x) => s + x, 0);
  for (const j of Array.from({ length: n }, (_, j) => j).sort((a, b) => excess[b]! - excess[a]!)) {
    const add = Math.min(left, upper[j]! - best[j]!);
    best[j] = best[j]! + add;
    left -= add;
  }
  let w0 = centre;
  for (let theta = 0.5; !(excessOf(w0) > 0) && theta > 1e-6; theta /= 2) w0 = Float64Array.from(centre, (c, j) => theta * c + (1 - theta) * best[j]!);
  if (!(excessOf(w0) > 0)) w0 = best;
  const target = Math.max(...excess);
  const x0 = Float64Array.from(w0, (v) => (v * target) / excessOf(w0));
  // Homogeneous bounds: xⱼ ≤ hiⱼ·Σx, loⱼ·Σx ≤ xⱼ, and Σx ≥ 0 when a lower bound is negative.
  const rowList: Float64Array[] = [];
  const shorts = lower.some((lo) => lo < 0);
  for (let j = 0; j < n; j++) {
    const hi = upper[j]!;
    const lo = lower[j]!;
    if (Number.isFinite(hi) && (hi < 1 || shorts)) rowList.push(Float64Array.from({ length: n }, (_, i) => (i === j ? 1 : 0) - hi));
    if (Number.isFinite(lo)) rowList.push(Float64Array.from({ length: n }, (_, i) => lo - (i === j ? 1 : 0)));
  }
  if (shorts) rowList.push(new Float64Array(n).fill(-1));
  const rows = denseRows(rowList, new Float64Array(rowList.length), n);
  const top = Math.max(...excess.map(Math.abs));
  const equalities = denseRows([excess.map((v) => v / top)], Float64Array.of(target / top), n);
  const scale = drawdownScale(setup, x0);
  const R = Float64Array.from(setup.scenarios, (v) => v / scale);
  const solution = solveInteriorPoint(edarProgramme({ R, n, T, beta, rows, equalities }), startingPoint(R, n, T, beta, x0), { caller });
  const x = solution.x.subarray(0, n);
  const k = x.reduce((s, v) => s + v, 0);
  const weights = cleanLpWeights(setup, Float64Array.from(x, (v) => v / k));
  const found = withRatio({ weights, edar: edarOf(setup, weights.values), z: (solution.x[n + T]! / k) * scale, iterations: solution.iterations, nScenarios: T });
  if (!atFloor(solution.x[n + T]!)) return found;
  const lp = await worstDrawdown();
  return lp.ratio > found.ratio ? lp : found;
}

/**
 * Risk budgeting on EDaR (Riskfolio-Lib's `rp_optimization(rm="EDaR")`): minimises `EDaR(y)/EDaR(b) − Σ bᵢ log yᵢ`
 * over `y > 0`, jointly with the drawdowns and the infimum's z (the programme of {@link minEdar} with the log term),
 * and returns `w = y / Σy`, whose EDaR contributions `wᵢ·∂EDaR/∂wᵢ` are `bᵢ·EDaR(w)`. Long only, fully invested.
 * When `T·(1 − β) ≤ 1` EDaR is the worst drawdown for every portfolio, and `riskBudgetByMeasure` on it answers.
 *
 * @param budgets positive, summing to 1, in ticker order.
 * @example
 * ```ts
 * (await edarRiskBudget(returns, Float64Array.from({ length: n }, () => 1 / n))).weights; // EDaR risk parity
 * ```
 * @throws InputError BAD_BETA, BAD_BUDGETS, NONPOSITIVE_RISK (the budgets' portfolio never draws down), those of
 *   `setupCvar`; NumericalError NOT_CONVERGED.
 */
export async function edarRiskBudget(returns: DateTable, budgets: Float64Array, options: { readonly beta?: number } = {}): Promise<EdarPortfolio> {
  const caller = "edarRiskBudget";
  const setup = checkedSetup(caller, returns, { beta: options.beta });
  const { n, T, beta } = setup;
  if (budgets.length !== n || budgets.some((b) => !(b > 0 && Number.isFinite(b)))) {
    throw new InputError("BAD_BUDGETS", `${caller}: budgets must be ${n} positive finite numbers, one per ticker in order`, { length: budgets.length });
  }
  const budgetsEdar = edarOf(setup, budgets);
  if (!(budgetsEdar > 0)) throw new InputError("NONPOSITIVE_RISK", `${caller}: the EDaR of the budgets' portfolio is ${budgetsEdar}; risk budgeting needs a positive risk`, { risk: budgetsEdar });
  if (onlyWorstDrawdown(setup)) {
    const byLp = await riskBudgetByMeasure(returns, { measure: "maxDrawdown", budgets: { labels: [...setup.labels], values: budgets }, beta });
    return { ...atZeroZ(setup, byLp.weights), iterations: byLp.iterations };
  }
  const scale = drawdownScale(setup, budgets);
  const R = Float64Array.from(setup.scenarios, (v) => v / scale);
  const atBudgets = budgetsEdar / scale;
  const none = denseRows([], new Float64Array(0), n);
  const problem = edarProgramme({ R, n, T, beta, rows: none, equalities: none, scale: 1 / atBudgets, logBudgets: budgets });
  const solution = solveInteriorPoint(problem, startingPoint(R, n, T, beta, budgets), { caller });
  const y = solution.x.subarray(0, n);
  const total = y.reduce((s, v) => s + v, 0);
  const values = Float64Array.from(y, (v) => v / total);
  const weights: Weights = { labels: [...setup.labels], values, kind: "weights" };
  return { weights, edar: edarOf(setup, values), z: (solution.x[n + T]! / total) * scale, iterations: solution.iterations, nScenarios: T };
}

/**
 * EDaR at β of weights over scenarios, as the EDaR optimisers measure it: the measures layer's `entropicDrawdownAtRisk`
 * (exact infimum over z) of the drawdowns of the **uncompounded** cumulative return, the start a peak. A positive
 * fraction, not annualised.
 *
 * @param returns per-period portfolio returns, in date order.
 * @example
 * ```ts
 * uncompoundedEdar(Float64Array.of(0.1, -0.5, -0.3, 0.8), 0.95); // => 0.8 (the worst drawdown: T·(1 − β) < 1)
 * ```
 * @throws InputError for empty or non-finite returns, β outside (0, 1).
 */
export function uncompoundedEdar(returns: ArrayLike<number>, beta: number): number {
  return entropicDrawdownAtRisk(drawdownSeries(returns, { compounded: false }), { confidence: beta }) + 0; // + 0: no −0
}

function edarOf(setup: CvarSetup, w: ArrayLike<number>): number {
  return uncompoundedEdar(scenarioReturns(setup.scenarios, setup.n, w), setup.beta);
}

/** Whether EDaR is the worst drawdown for every portfolio: `T·(1 − β) ≤ 1` puts its infimum at the limit z → 0. */
function onlyWorstDrawdown(setup: CvarSetup): boolean {
  return setup.T * (1 - setup.beta) <= 1;
}

/** Whether the programme's z (scaled units) ended on its floor: the infimum at z → 0. */
function atFloor(z: number): boolean {
  return z <= 10 * EDAR_Z_FLOOR;
}

/** A portfolio whose EDaR is its worst drawdown (z → 0), from the maximum-drawdown LPs. */
function atZeroZ(setup: CvarSetup, weights: Weights): EdarPortfolio {
  return { weights, edar: edarOf(setup, weights.values), z: 0, iterations: 0, nScenarios: setup.T };
}

function checkedSetup(caller: string, returns: DateTable, options: CvarOptions): CvarSetup {
  const setup = setupCvar(caller, returns, options);
  if (!(setup.beta > 0)) throw new InputError("BAD_BETA", `${caller}: beta ${setup.beta} must be in (0, 1), e.g. 0.95`, { beta: setup.beta });
  return setup;
}

/** The drawdowns' scale: the worst drawdown of the start's uncompounded path, else the returns' root mean square. */
function drawdownScale(setup: CvarSetup, w: ArrayLike<number>): number {
  const path = drawdownSeries(scenarioReturns(setup.scenarios, setup.n, Array.from({ length: setup.n }, (_, j) => w[j]!)), { compounded: false });
  const worst = -Math.min(...path);
  if (worst > 0) return worst;
  let sum = 0;
  for (let k = 0; k < setup.scenarios.length; k++) sum += setup.scenarios[k]! ** 2;
  return Math.sqrt(sum / setup.scenarios.length) || 1;
}

/**
 * `x0 = [w0, d0, z0]`: d0 the (scaled) drawdowns of w0 raised by a margin growing to 0.1, so that every drawdown row
 * holds strictly; z0 the best of a grid for G(d0, ·).
 */
function startingPoint(R: Float64Array, n: number, T: number, beta: number, w0: ArrayLike<number>): Float64Array {
  const V = w0.length;
  const x0 = new Float64Array(V + T + 1);
  x0.set(Array.from(w0));
  const path = drawdownSeries(scenarioReturns(R, n, Array.from({ length: n }, (_, j) => w0[j]!)), { compounded: false });
  for (let t = 0; t < T; t++) x0[V + t] = -path[t]! + (0.1 * (t + 1)) / T;
  const d0 = x0.subarray(V, V + T);
  let z0 = 1;
  let best = Infinity;
  for (let k = -40; k <= 10; k++) {
    const z = 10 ** (k / 10);
    const value = entropicTerm(d0, z, beta).value;
    if (value < best) [best, z0] = [value, z];
  }
  x0[V + T] = z0;
  return x0;
}

/** The system's bounds and rows as dense inequalities and equalities over its variables. */
function systemRows(setup: CvarSetup): { rows: DenseRows; equalities: DenseRows } {
  const { system } = setup;
  const V = system.nVariables;
  const ineq: Float64Array[] = [];
  const ineqB: number[] = [];
  const eq: Float64Array[] = [];
  const eqB: number[] = [];
  const unit = (j: number, v: number) => Float64Array.from({ length: V }, (_, i) => (i === j ? v : 0));
  for (let j = 0; j < V; j++) {
    const lo = system.lower[j]!;
    const hi = system.upper[j]!;
    if (lo === hi) {
      eq.push(unit(j, 1));
      eqB.push(lo);
      continue;
    }
    if (Number.isFinite(hi)) {
      ineq.push(unit(j, 1));
      ineqB.push(hi);
    }
    if (Number.isFinite(lo)) {
      ineq.push(unit(j, -1));
      ineqB.push(-lo);
    }
  }
  for (const row of system.rows) {
    const a = new Float64Array(V);
    row.indices.forEach((j, k) => (a[j] = a[j]! + row.values[k]!));
    if (row.lower === row.upper) {
      eq.push(a);
      eqB.push(row.lower);
      continue;
    }
    if (Number.isFinite(row.upper)) {
      ineq.push(a);
      ineqB.push(row.upper);
    }
    if (Number.isFinite(row.lower)) {
      ineq.push(Float64Array.from(a, (v) => -v));
      ineqB.push(-row.lower);
    }
  }
  return { rows: denseRows(ineq, Float64Array.from(ineqB), V), equalities: denseRows(eq, Float64Array.from(eqB), V) };
}

function denseRows(list: readonly Float64Array[], b: Float64Array, V: number): DenseRows {
  const A = new Float64Array(list.length * V);
  list.forEach((row, k) => A.set(row, k * V));
  return { A, b };
}

/** A value inside `[lo, hi]` for an auxiliary variable's start. */
function inside(lo: number, hi: number): number {
  if (Number.isFinite(lo) && Number.isFinite(hi)) return (lo + hi) / 2;
  if (Number.isFinite(lo)) return lo + 1;
  if (Number.isFinite(hi)) return hi - 1;
  return 0;
}
