/**
 * Minimum entropic value at risk (EVaR) — an exponential-cone programme in Riskfolio-Lib — by a convex solver of our
 * own: constrained Newton steps on the jointly convex `(w, z) ↦ z·log(mean(exp(−rₜᵀw / z)) / (1 − β))`.
 */
import { InputError, NumericalError, type DateTable, type Weights } from "../core/index";
import { entropicValueAtRisk, scenarioReturns } from "../measures/index";
import { projectOntoHyperplaneBox, solveQuadraticProgram } from "../optim/index";
import { choleskySolve, tryCholesky } from "../linalg/index";
import { cleanLpWeights, setupCvar, type CvarOptions } from "./cvar-problem";
import { ratioInputs } from "./ratio-inputs";

/** A minimum-EVaR portfolio. */
export interface EvarPortfolio {
  /** Weights labelled by ticker, summing to 1. */
  readonly weights: Weights;
  /** EVaR at β of the weights' scenario returns (the measures layer's `entropicValueAtRisk`), a loss per period. */
  readonly evar: number;
  /** The optimal z of the EVaR's infimum, in return units per period. */
  readonly z: number;
  /** Newton steps taken. */
  readonly iterations: number;
  readonly nScenarios: number;
}

const MAX_ITERATIONS = 200;

/** `G(w, z)` of the EVaR at β, with its gradient and Hessian when asked (n + 1 variables, z last). */
export interface EvarObjective {
  (w: Float64Array, z: number, withHessian: false): { value: number };
  (w: Float64Array, z: number, withHessian: true): { value: number; grad: Float64Array; H: Float64Array };
}

/**
 * The function inside the EVaR's infimum, `G(w, z) = z·log(mean(exp(−rₜᵀw / z)) / (1 − β))`, for scenarios `R`
 * (row-major `T × n`): its value (log-sum-exp, no overflow), gradient and Hessian (row-major `(n + 1)²`). G is
 * positively homogeneous of degree 1 in `(w, z)` and jointly convex.
 *
 * @example
 * ```ts
 * const G = evarObjective(R, n, T, 0.95);
 * G(w, 0.01, false).value; // ≥ the EVaR of w, equal at the best z
 * ```
 */
export function evarObjective(R: Float64Array, n: number, T: number, beta: number): EvarObjective {
  const logTail = Math.log((1 - beta) * T);
  function evaluate(w: Float64Array, z: number, withHessian: false): { value: number };
  function evaluate(w: Float64Array, z: number, withHessian: true): { value: number; grad: Float64Array; H: Float64Array };
  function evaluate(w: Float64Array, z: number, withHessian: boolean): { value: number; grad?: Float64Array; H?: Float64Array } {
    const y = scenarioReturns(R, n, w);
    let top = -Infinity;
    for (let t = 0; t < T; t++) top = Math.max(top, -(y[t] as number) / z);
    const p = new Float64Array(T);
    let total = 0;
    for (let t = 0; t < T; t++) total += (p[t] = Math.exp(-(y[t] as number) / z - top));
    for (let t = 0; t < T; t++) p[t] = (p[t] as number) / total;
    const L = top + Math.log(total) - logTail;
    const value = z * L;
    if (!withHessian) return { value };
    const rBar = new Float64Array(n);
    let yBar = 0;
    for (let t = 0; t < T; t++) {
      const pt = p[t] as number;
      yBar += pt * (y[t] as number);
      for (let j = 0; j < n; j++) rBar[j] = (rBar[j] as number) + pt * (R[t * n + j] as number);
    }
    const N = n + 1;
    const grad = new Float64Array(N);
    for (let j = 0; j < n; j++) grad[j] = -(rBar[j] as number);
    grad[n] = L + yBar / z;
    const H = new Float64Array(N * N);
    const d = new Float64Array(n);
    for (let t = 0; t < T; t++) {
      const pt = p[t] as number;
      if (pt < 1e-300) continue;
      const dy = (y[t] as number) - yBar;
      for (let j = 0; j < n; j++) d[j] = (R[t * n + j] as number) - (rBar[j] as number);
      for (let i = 0; i < n; i++) {
        const di = pt * (d[i] as number);
        for (let j = 0; j <= i; j++) H[i * N + j] = (H[i * N + j] as number) + (di * (d[j] as number)) / z;
        H[i * N + n] = (H[i * N + n] as number) - (di * dy) / (z * z);
      }
      H[n * N + n] = (H[n * N + n] as number) + (pt * dy * dy) / (z * z * z);
    }
    for (let i = 0; i < N; i++) for (let j = 0; j < i; j++) H[j * N + i] = H[i * N + j] as number;
    for (let i = 0; i < n; i++) H[n * N + i] = H[i * N + n] as number;
    return { value, grad, H };
  }

  return evaluate as EvarObjective;
}

/**
 * The fully invested portfolio of least entropic value at risk `EVaR_β(w) = inf_{z > 0} z·log(mean(exp(−rₜᵀw / z)) /
 * (1 − β))` (Ahmadi-Javid), Riskfolio-Lib's `rm="EVaR"` with `alpha = 1 − β`. The function `G(w, z)` inside the
 * infimum is the perspective of a log-sum-exp, jointly convex in `(w, z)`, so the problem is a smooth convex
 * programme over the weight bounds and `z > 0`. Each step minimises G's second-order model (exact gradient and
 * Hessian: `H_ww = Σ pₜ(rₜ − r̄)(rₜ − r̄)ᵀ / z`, `H_wz = −Σ pₜ(yₜ − ȳ)(rₜ − r̄) / z²`, `H_zz = Σ pₜ(yₜ − ȳ)² / z³` with `p`
 * the softmax of `−y / z`) over the bounds and the budget, a QP of n + 1 variables (quadprog, with a
 * Levenberg–Marquardt ridge that shrinks as the steps succeed), followed by a backtracking line search; it stops
 * when the model predicts a decrease below 1e-15 of G. The returns are scaled to a unit root mean square first
 * (EVaR is positively homogeneous). Weight bounds only: other constraints throw UNSUPPORTED_CONSTRAINT.
 *
 * @param returns per-period simple returns, dates × tickers (rows with a missing value dropped).
 * @example
 * ```ts
 * (await minEvar(returns, { beta: 0.95, bounds: [0, 0.3] })).evar; // a daily loss fraction
 * ```
 * @throws InputError BAD_BETA (β must be in (0, 1)), UNSUPPORTED_CONSTRAINT, those of `setupCvar`;
 *   NumericalError NOT_CONVERGED.
 */
export async function minEvar(returns: DateTable, options: Omit<CvarOptions, "marketNeutral"> = {}): Promise<EvarPortfolio> {
  const caller = "minEvar";
  const setup = setupCvar(caller, returns, options);
  const { n, T, system, beta } = setup;
  if (!(beta > 0)) throw new InputError("BAD_BETA", `${caller}: beta ${beta} must be in (0, 1), e.g. 0.95`, { beta });
  if (system.rows.length > 1 || system.nVariables > n || system.maxHoldings !== undefined) {
    throw new InputError("UNSUPPORTED_CONSTRAINT", `${caller}: only weight bounds are supported with EVaR; drop the other constraints`, {});
  }
  let sum = 0;
  for (let k = 0; k < setup.scenarios.length; k++) sum += (setup.scenarios[k] as number) ** 2;
  const sigma = Math.sqrt(sum / setup.scenarios.length) || 1;
  const R = Float64Array.from(setup.scenarios, (v) => v / sigma);
  const lower = Float64Array.from({ length: n }, (_, j) => system.lower[j] as number);
  const upper = Float64Array.from({ length: n }, (_, j) => system.upper[j] as number);

  const evaluate = evarObjective(R, n, T, beta);

  // Start: equal weights projected onto the bounds and budget; z = the root mean square of the returns (1 scaled).
  const w0 = new Float64Array(n).fill(1 / n);
  projectOntoHyperplaneBox(w0, new Float64Array(n).fill(1), 1, lower, upper, w0);
  const rows: LinearInequality[] = [];
  for (let j = 0; j < n; j++) {
    if (Number.isFinite(upper[j] as number)) rows.push({ a: unit(n, j, 1), b: upper[j] as number });
    if (Number.isFinite(lower[j] as number)) rows.push({ a: unit(n, j, -1), b: -(lower[j] as number) });
  }
  const { w, z, iterations } = constrainedNewton(evaluate, w0, 1, new Float64Array(n).fill(1), rows, caller);
  const weights = cleanLpWeights(setup, w);
  const evar = entropicValueAtRisk(scenarioReturns(setup.scenarios, n, weights.values), { confidence: beta });
  return { weights, evar, z: z * sigma, iterations, nScenarios: T };
}

/** A row `aᵀw ≤ b` over the weights. */
interface LinearInequality {
  readonly a: Float64Array;
  readonly b: number;
}

function unit(n: number, j: number, value: number): Float64Array {
  const a = new Float64Array(n);
  a[j] = value;
  return a;
}

/**
 * Minimises a smooth convex `G(w, z)` over `{ eqᵀw = const, aₖᵀw ≤ bₖ, z > 0 }` from a feasible `(w0, z0)`: each step
 * minimises G's second-order model (plus a Levenberg–Marquardt ridge that shrinks as steps succeed) over the
 * constraints, a QP of n + 1 variables (quadprog), then a backtracking line search; stops when the model predicts a
 * decrease below 1e-15 of G.
 */
function constrainedNewton(
  evaluate: EvarObjective,
  w0: Float64Array,
  z0: number,
  eq: Float64Array,
  rows: readonly LinearInequality[],
  caller: string,
): { w: Float64Array; z: number; iterations: number } {
  const n = w0.length;
  const N = n + 1;
  let w = w0;
  let z = z0;
  let g = evaluate(w, z, false).value;
  let ridge = 1e-8;
  const A = new Float64Array((rows.length + 1) * N);
  rows.forEach((row, k) => A.set(row.a, k * N));
  A[rows.length * N + n] = -1; // z + dz ≥ z / 10
  const Aeq = new Float64Array(N);
  Aeq.set(eq);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const e = evaluate(w, z, true);
    const Q = Float64Array.from(e.H);
    let scale = 0;
    for (let i = 0; i < N; i++) scale = Math.max(scale, Q[i * N + i] as number);
    for (let i = 0; i < N; i++) Q[i * N + i] = (Q[i * N + i] as number) + ridge * Math.max(scale, 1e-12);
    const bineq = new Float64Array(rows.length + 1);
    rows.forEach((row, k) => {
      let aw = 0;
      for (let j = 0; j < n; j++) aw += (row.a[j] as number) * (w[j] as number);
      bineq[k] = Math.max(row.b - aw, 0);
    });
    bineq[rows.length] = 0.9 * z;
    const step = solveQuadraticProgram({ Q, c: e.grad, Aeq, beq: Float64Array.of(0), Aineq: A, bineq }).x;
    let predicted = 0;
    for (let i = 0; i < N; i++) predicted += (e.grad[i] as number) * (step[i] as number);
    if (!(predicted < -1e-15 * Math.max(1, Math.abs(g)))) return { w, z, iterations: iteration };
    let t = 1;
    let trialW = Float64Array.from(w, (v, j) => v + (step[j] as number));
    let trialZ = z + (step[n] as number);
    let trialG = evaluate(trialW, trialZ, false).value;
    while (!(trialG <= g + 1e-4 * t * predicted) && t > 1e-12) {
      t /= 2;
      trialW = Float64Array.from(w, (v, j) => v + t * (step[j] as number));
      trialZ = z + t * (step[n] as number);
      trialG = evaluate(trialW, trialZ, false).value;
    }
    if (!(trialG <= g)) {
      if (ridge > 1e2) return { w, z, iterations: iteration };
      ridge *= 100;
      continue;
    }
    ridge = t === 1 ? Math.max(ridge / 10, 1e-12) : Math.min(ridge * 10, 1e2);
    w = trialW;
    z = trialZ;
    g = trialG;
  }
  throw new NumericalError("NOT_CONVERGED", `${caller}: the Newton steps did not settle in ${MAX_ITERATIONS} iterations; rescale the returns`, {});
}

/**
 * Risk budgeting on EVaR (Riskfolio-Lib's `rp_optimization(rm="EVaR")`): minimises `EVaR(y)/EVaR(b) − Σ bᵢ log yᵢ`
 * over `y > 0`, jointly with the infimum's z — `G(y, z)/EVaR(b) − Σ bᵢ log yᵢ` is smooth and convex in `(y, z)` — by
 * damped Newton steps (Cholesky of the Hessian, a line search that keeps y and z positive), and returns
 * `w = y / Σy`, whose EVaR contributions `wᵢ·∂EVaR/∂wᵢ` are `bᵢ·EVaR(w)`.
 *
 * @param budgets positive, summing to 1, in ticker order.
 * @example
 * ```ts
 * (await evarRiskBudget(returns, Float64Array.from({ length: n }, () => 1 / n))).weights;
 * ```
 * @throws InputError BAD_BETA and those of `setupCvar`; NumericalError NOT_CONVERGED.
 */
export async function evarRiskBudget(returns: DateTable, budgets: Float64Array, options: { readonly beta?: number } = {}): Promise<EvarPortfolio> {
  const caller = "evarRiskBudget";
  const setup = setupCvar(caller, returns, { beta: options.beta });
  const { n, T, beta } = setup;
  if (!(beta > 0)) throw new InputError("BAD_BETA", `${caller}: beta ${beta} must be in (0, 1), e.g. 0.95`, { beta });
  let sum = 0;
  for (let k = 0; k < setup.scenarios.length; k++) sum += (setup.scenarios[k] as number) ** 2;
  const sigma = Math.sqrt(sum / setup.scenarios.length) || 1;
  const R = Float64Array.from(setup.scenarios, (v) => v / sigma);
  const G = evarObjective(R, n, T, beta);
  const atBudgets = entropicValueAtRisk(scenarioReturns(R, n, budgets), { confidence: beta });
  if (!(atBudgets > 0)) throw new InputError("NONPOSITIVE_RISK", `${caller}: the EVaR of the budgets' portfolio is ${atBudgets}; risk budgeting needs a positive risk`, { risk: atBudgets });
  const c = 1 / atBudgets;
  const N = n + 1;
  const F = (v: Float64Array): number => {
    if (v.some((x) => !(x > 0))) return Infinity;
    let f = c * G(v.subarray(0, n) as Float64Array, v[n] as number, false).value;
    for (let i = 0; i < n; i++) f -= (budgets[i] as number) * Math.log(v[i] as number);
    return f;
  };
  let v = Float64Array.from({ length: N }, (_, i) => (i < n ? (budgets[i] as number) : 1));
  let f = F(v);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const e = G(v.subarray(0, n) as Float64Array, v[n] as number, true);
    const grad = Float64Array.from(e.grad, (x) => c * x);
    const H = Float64Array.from(e.H, (x) => c * x);
    for (let i = 0; i < n; i++) {
      const yi = v[i] as number;
      grad[i] = (grad[i] as number) - (budgets[i] as number) / yi;
      H[i * N + i] = (H[i * N + i] as number) + (budgets[i] as number) / (yi * yi);
    }
    H[n * N + n] = (H[n * N + n] as number) + 1e-12;
    const factor = tryCholesky(H, N);
    if (factor === null) throw new NumericalError("NOT_CONVERGED", `${caller}: the Newton system is not positive definite; rescale the returns`, {});
    const d = choleskySolve(factor, Float64Array.from(grad, (x) => -x), N);
    let slope = 0;
    let t = 1;
    for (let i = 0; i < N; i++) {
      slope += (grad[i] as number) * (d[i] as number);
      if ((d[i] as number) < 0) t = Math.min(t, (-0.95 * (v[i] as number)) / (d[i] as number));
    }
    if (-slope < 1e-15) return finish(v, iteration);
    let trial = Float64Array.from(v, (x, i) => x + t * (d[i] as number));
    let ft = F(trial);
    while (!(ft <= f + 1e-4 * t * slope) && t > 1e-12) {
      t /= 2;
      trial = Float64Array.from(v, (x, i) => x + t * (d[i] as number));
      ft = F(trial);
    }
    if (!(ft <= f)) return finish(v, iteration);
    v = trial;
    f = ft;
  }
  throw new NumericalError("NOT_CONVERGED", `${caller}: Newton's method did not settle in ${MAX_ITERATIONS} steps; rescale the returns`, {});

  function finish(v: Float64Array, iterations: number): EvarPortfolio {
    let total = 0;
    for (let i = 0; i < n; i++) total += v[i] as number;
    const values = Float64Array.from({ length: n }, (_, i) => (v[i] as number) / total);
    const weights: Weights = { labels: [...setup.labels], values, kind: "weights" };
    const evar = entropicValueAtRisk(scenarioReturns(setup.scenarios, n, values), { confidence: beta });
    return { weights, evar, z: ((v[n] as number) / total) * sigma, iterations, nScenarios: T };
  }
}

/**
 * The highest `(μᵀw − rf) / EVaR_β(w)` (Riskfolio-Lib's `obj="Sharpe", rm="EVaR"`), by the Charnes–Cooper
 * transformation: with `x = k·w`, minimise `G(x, z)` (jointly convex, homogeneous) subject to `(μ − rf)ᵀx = c`,
 * `k·lo ≤ x ≤ k·hi` with `k = Σx` (c a positive constant keeping x near 1); solved by the constrained Newton steps of
 * {@link minEvar}. Weight bounds only. `ratio` is per period.
 *
 * @param returns per-period simple returns, dates × tickers; `mu` per period (default the scenarios' mean), `riskFreeRate` per period (default 0).
 * @example
 * ```ts
 * (await maxEvarRatio(returns)).ratio;
 * ```
 * @throws InputError BAD_BETA, UNSUPPORTED_CONSTRAINT, those of `setupCvar` and `ratioInputs` (InfeasibleError NO_EXCESS_RETURN).
 */
export async function maxEvarRatio(
  returns: DateTable,
  options: Omit<CvarOptions, "marketNeutral" | "constraints"> & { readonly mu?: ArrayLike<number>; readonly riskFreeRate?: number } = {},
): Promise<EvarPortfolio & { readonly expectedReturn: number; readonly ratio: number }> {
  const caller = "maxEvarRatio";
  const setup = setupCvar(caller, returns, options);
  const { n, T, system, beta } = setup;
  if (!(beta > 0)) throw new InputError("BAD_BETA", `${caller}: beta ${beta} must be in (0, 1), e.g. 0.95`, { beta });
  if (system.maxHoldings !== undefined) throw new InputError("UNSUPPORTED_CONSTRAINT", `${caller}: only weight bounds are supported with EVaR`, {});
  const { mu, rf } = ratioInputs(setup, options.mu, options.riskFreeRate, caller);
  let sum = 0;
  for (let k = 0; k < setup.scenarios.length; k++) sum += (setup.scenarios[k] as number) ** 2;
  const sigma = Math.sqrt(sum / setup.scenarios.length) || 1;
  const R = Float64Array.from(setup.scenarios, (v) => v / sigma);
  const lower = Float64Array.from({ length: n }, (_, j) => system.lower[j] as number);
  const upper = Float64Array.from({ length: n }, (_, j) => system.upper[j] as number);
  const excess = Float64Array.from(mu, (m) => m - rf);
  const target = Math.max(...excess);
  // A start that beats the risk-free rate: equal weights within the bounds, else the highest-return portfolio.
  let w0 = new Float64Array(n).fill(1 / n);
  projectOntoHyperplaneBox(w0, new Float64Array(n).fill(1), 1, lower, upper, w0);
  const excessOf = (w: Float64Array) => w.reduce((s, x, j) => s + x * (excess[j] as number), 0);
  if (!(excessOf(w0) > 0)) {
    w0 = Float64Array.from(lower, (lo) => (Number.isFinite(lo) ? lo : 0));
    let left = 1 - w0.reduce((s, x) => s + x, 0);
    for (const j of Array.from({ length: n }, (_, j) => j).sort((a, b) => (excess[b] as number) - (excess[a] as number))) {
      const add = Math.min(left, (upper[j] as number) - (w0[j] as number));
      w0[j] = (w0[j] as number) + add;
      left -= add;
    }
  }
  const x0 = Float64Array.from(w0, (v) => (v * target) / excessOf(w0));
  const rows: LinearInequality[] = [];
  for (let j = 0; j < n; j++) {
    const hi = upper[j] as number;
    const lo = lower[j] as number;
    if (Number.isFinite(hi) && hi < 1) rows.push({ a: Float64Array.from({ length: n }, (_, i) => (i === j ? 1 : 0) - hi), b: 0 });
    if (Number.isFinite(lo)) rows.push({ a: Float64Array.from({ length: n }, (_, i) => lo - (i === j ? 1 : 0)), b: 0 });
  }
  const { w: x, z, iterations } = constrainedNewton(evarObjective(R, n, T, beta), x0, x0.reduce((s, v) => s + v, 0), excess, rows, caller);
  const k = x.reduce((s, v) => s + v, 0);
  const weights = cleanLpWeights(setup, Float64Array.from(x, (v) => v / k));
  const evar = entropicValueAtRisk(scenarioReturns(setup.scenarios, n, weights.values), { confidence: beta });
  const expectedReturn = weights.values.reduce((s, v, j) => s + v * (mu[j] as number), 0);
  return { weights, evar, z: (z / k) * sigma, iterations, nScenarios: T, expectedReturn, ratio: (expectedReturn - rf) / evar };
}
