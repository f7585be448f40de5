/**
 * A primal-dual interior-point method for smooth convex programmes with linear constraints, whose Newton systems the
 * caller solves (so that a structured problem — thousands of variables, a banded Hessian — is solved in its own way).
 */
import { InputError, NumericalError } from "../core/index";

/**
 * A smooth convex programme `minimise f(x) subject to Cx ≤ h, Ex = e` (`x` of length `nVariables`, `m` rows in C,
 * `p` in E), described by products with C and E and by a solver of its Newton systems.
 */
export interface InteriorPointProblem {
  readonly nVariables: number;
  /** Right-hand side of the inequalities, length m. */
  readonly h: Float64Array;
  /** Right-hand side of the equalities, length p (may be empty). */
  readonly e: Float64Array;
  /** f(x), or `Infinity` outside f's domain (the steps stay inside it). */
  value(x: Float64Array): number;
  /** ∇f(x), length `nVariables`. */
  gradient(x: Float64Array): Float64Array;
  /** Cx, length m. */
  inequalityProduct(x: Float64Array): Float64Array;
  /** Cᵀλ, length `nVariables`. */
  inequalityTransposeProduct(lambda: Float64Array): Float64Array;
  /** Ex, length p. */
  equalityProduct(x: Float64Array): Float64Array;
  /** Eᵀν, length `nVariables`. */
  equalityTransposeProduct(nu: Float64Array): Float64Array;
  /**
   * Factorises the Newton system at `x` with row weights `D` (length m, positive) and returns its solver: for right-hand
   * sides `(rx, re)` the solution of `[∇²f(x) + Cᵀ·diag(D)·C, Eᵀ; E, 0]·[dx; dν] = [rx; re]`. Called once per step;
   * the solver two or three times (predictor, corrector, and the plain Newton step when the corrected one fails).
   */
  newtonSystem(x: Float64Array, D: Float64Array): (rx: Float64Array, re: Float64Array) => { readonly dx: Float64Array; readonly dnu: Float64Array };
}

/** Options of {@link solveInteriorPoint}. */
export interface InteriorPointOptions {
  /** Stop when the duality gap `sᵀλ` is below `tolerance·max(1, |f|)` and the residuals below `tolerance` (relative). Default 1e-10. */
  readonly tolerance?: number;
  /** Iteration limit. Default 100. */
  readonly maxIterations?: number;
  /** The calling function, for messages. Default `"solveInteriorPoint"`. */
  readonly caller?: string;
}

/** The optimum found by {@link solveInteriorPoint}. */
export interface InteriorPointSolution {
  readonly x: Float64Array;
  /** Multipliers of the inequalities (≥ 0), length m. */
  readonly lambda: Float64Array;
  /** Multipliers of the equalities, length p. */
  readonly nu: Float64Array;
  /** Slacks `h − Cx` (> 0), length m. */
  readonly slack: Float64Array;
  /** f at x. */
  readonly value: number;
  /** The duality gap `sᵀλ` at the end: f(x) exceeds the optimum by at most about this much. */
  readonly gap: number;
  readonly iterations: number;
}

const DEFAULT_TOLERANCE = 1e-10;
const DEFAULT_MAX_ITERATIONS = 100;
/** How far above the tolerance the dual residual may stall, once the gap and the primal residuals are within it. */
const ROUND_OFF_SLACK = 1e3;
/** The gap target stays above this fraction of the relative dual residual (see the iteration). */
const DUAL_LAG = 1e-3;
/** Fraction of the way to the boundary of `s, λ > 0` a step may go. */
const TO_BOUNDARY = 0.99;

/**
 * Minimises a smooth convex `f` subject to `Cx ≤ h, Ex = e` by a primal-dual interior-point method with slacks
 * (an infeasible start: `x0` need only lie in f's domain): Newton steps on the perturbed KKT conditions
 * `∇f + Cᵀλ + Eᵀν = 0, Cx + s = h, Ex = e, sᵢλᵢ = σμ`, with Mehrotra's predictor–corrector choice of σ (the gap's
 * target kept above 1e-3 of the relative dual residual, so that complementarity does not close ahead of dual
 * feasibility) and second-order correction, one factorisation per step (the problem's `newtonSystem`), a step to 99 % of the boundary of
 * `s, λ > 0`, and backtracking while the step leaves f's domain or does not reduce a merit function (the barrier
 * function once the linear constraints hold, the residual norm before). Stops when the duality gap and the residuals are
 * below the tolerance (or no step makes progress with the gap and primal residuals within it and the dual residual
 * within 1000 times it: the round-off floor of an ill-conditioned Newton system).
 *
 * @param x0 a start in f's domain, length `nVariables` (infeasible rows are fine).
 * @example
 * ```ts
 * // min (x − 2)² subject to x ≤ 1: x = 1, λ = 2
 * const problem: InteriorPointProblem = {
 *   nVariables: 1, h: Float64Array.of(1), e: new Float64Array(0),
 *   value: (x) => (x[0]! - 2) ** 2, gradient: (x) => Float64Array.of(2 * (x[0]! - 2)),
 *   inequalityProduct: (x) => Float64Array.of(x[0]!), inequalityTransposeProduct: (l) => Float64Array.of(l[0]!),
 *   equalityProduct: () => new Float64Array(0), equalityTransposeProduct: () => new Float64Array(1),
 *   newtonSystem: (_x, D) => (rx) => ({ dx: Float64Array.of(rx[0]! / (2 + D[0]!)), dnu: new Float64Array(0) }),
 * };
 * solveInteriorPoint(problem, Float64Array.of(0)).x; // => ≈ Float64Array [1]
 * ```
 * @throws InputError BAD_START when f(x0) is not finite, BAD_TOLERANCE; NumericalError NOT_CONVERGED when the
 *   iteration limit is reached or no step makes progress.
 */
export function solveInteriorPoint(problem: InteriorPointProblem, x0: Float64Array, options: InteriorPointOptions = {}): InteriorPointSolution {
  const caller = options.caller ?? "solveInteriorPoint";
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (!(tolerance > 0 && tolerance < 1)) throw new InputError("BAD_TOLERANCE", `${caller}: tolerance ${tolerance} must be in (0, 1), e.g. 1e-10`, { tolerance });
  const { h, e } = problem;
  const m = h.length;
  const p = e.length;
  let x = Float64Array.from(x0);
  let f = problem.value(x);
  if (!Number.isFinite(f)) throw new InputError("BAD_START", `${caller}: the objective is ${f} at the start; start inside its domain`, { value: f });

  // Slacks: the start's where it is strictly feasible, else a small positive floor; λ so that every sᵢλᵢ = μ₀.
  let Cx = problem.inequalityProduct(x);
  let s = new Float64Array(m);
  let spread = 0;
  for (let i = 0; i < m; i++) spread = Math.max(spread, Math.abs(h[i]! - Cx[i]!));
  const floor = 1e-6 * Math.max(spread, 1e-8);
  for (let i = 0; i < m; i++) s[i] = Math.max(h[i]! - Cx[i]!, floor);
  const mu0 = Math.max(Math.abs(f), 1e-8) / Math.max(m, 1);
  let lambda = Float64Array.from(s, (si) => mu0 / si);
  let nu = new Float64Array(p);
  const hScale = 1 + maxAbs(h) + maxAbs(e);

  let g = problem.gradient(x);
  let residuals = residualsAt(x, Cx, g, s, lambda, nu);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { rd, rpi, rpe } = residuals;
    const gap = m === 0 ? 0 : dot(s, lambda);
    const mu = m === 0 ? 0 : gap / m;
    const settled = gap <= tolerance * Math.max(1, Math.abs(f)) && Math.max(maxAbs(rpi), maxAbs(rpe)) <= tolerance * hScale;
    if (settled && maxAbs(rd) <= tolerance * (1 + maxAbs(g))) return { x, lambda, nu, slack: s, value: f, gap, iterations: iteration - 1 };
    const D = Float64Array.from(s, (si, i) => lambda[i]! / si);
    const solve = problem.newtonSystem(x, D);
    // The step for complementarity residual rc (sᵢλᵢ → sᵢλᵢ − rcᵢ): eliminate ds and dλ, solve for dx and dν.
    const direction = (rc: Float64Array) => {
      const inner = Float64Array.from(rpi, (r, i) => D[i]! * r - rc[i]! / s[i]!);
      const back = problem.inequalityTransposeProduct(inner);
      const rx = Float64Array.from(rd, (r, j) => -r - back[j]!);
      const { dx, dnu } = solve(rx, Float64Array.from(rpe, (r) => -r));
      const Cdx = problem.inequalityProduct(dx);
      const ds = Float64Array.from(rpi, (r, i) => -r - Cdx[i]!);
      const dl = Float64Array.from(ds, (dsi, i) => (-rc[i]! - lambda[i]! * dsi) / s[i]!);
      return { dx, dnu, ds, dl };
    };
    const predictor = direction(Float64Array.from(s, (si, i) => si * lambda[i]!));
    const alphaAffine = Math.min(stepToBoundary(s, predictor.ds), stepToBoundary(lambda, predictor.dl), 1);
    let affineGap = 0;
    for (let i = 0; i < m; i++) affineGap += (s[i]! + alphaAffine * predictor.ds[i]!) * (lambda[i]! + alphaAffine * predictor.dl[i]!);
    const sigma = m === 0 ? 0 : Math.min(1, (affineGap / gap) ** 3);
    // Keep the gap from closing far ahead of the dual residual: once sᵢλᵢ ≈ 0 the Newton systems can no longer fix it.
    const dualLag = (DUAL_LAG * maxAbs(rd) * Math.max(1, Math.abs(f))) / ((1 + maxAbs(g)) * Math.max(m, 1));
    const target = Math.min(mu, Math.max(sigma * mu, dualLag));
    let step = direction(Float64Array.from(s, (si, i) => si * lambda[i]! + predictor.ds[i]! * predictor.dl[i]! - target));
    let accepted = tryStep(step, target);
    if (accepted === null) {
      // Without the second-order term the step is Newton's for the perturbed conditions: a descent direction of either merit.
      step = direction(Float64Array.from(s, (si, i) => si * lambda[i]! - target));
      accepted = tryStep(step, target);
    }
    if (accepted === null) {
      // Round-off in the Newton systems can stop the dual residual short of the tolerance once the gap has closed.
      if (settled && maxAbs(rd) <= ROUND_OFF_SLACK * tolerance * (1 + maxAbs(g))) return { x, lambda, nu, slack: s, value: f, gap, iterations: iteration - 1 };
      throw new NumericalError("NOT_CONVERGED", `${caller}: no step reduced the residuals at iteration ${iteration} (gap ${gap.toExponential(2)}); rescale the problem`, { iteration, gap });
    }
    ({ x, f, Cx, g, s, lambda, nu, residuals } = accepted);
  }
  throw new NumericalError("NOT_CONVERGED", `${caller}: the interior-point method did not converge in ${maxIterations} iterations; rescale the problem`, { maxIterations });

  /**
   * The step from the current point along `step`, backtracking until f is finite and a merit function falls: once the
   * linear constraints hold (they then keep holding), the barrier function `f(x) − target·Σ log sᵢ` (Armijo), for which
   * the Newton step is a descent direction; before that, the norm of the perturbed KKT residuals.
   */
  function tryStep(step: { dx: Float64Array; dnu: Float64Array; ds: Float64Array; dl: Float64Array }, target: number) {
    const feasible = Math.max(maxAbs(residuals.rpi), maxAbs(residuals.rpe)) <= 1e-9 * hScale;
    const barrier = (ft: number, st: Float64Array) => {
      let sum = 0;
      for (let i = 0; i < m; i++) sum += Math.log(st[i]!);
      return ft - target * sum;
    };
    let slope = dot(g, step.dx);
    for (let i = 0; i < m; i++) slope -= (target * step.ds[i]!) / s[i]!;
    if (feasible && !(slope < 0)) return null;
    const before = feasible ? barrier(f, s) : merit(residuals, s, lambda, target);
    let alpha = Math.min(1, TO_BOUNDARY * stepToBoundary(s, step.ds), TO_BOUNDARY * stepToBoundary(lambda, step.dl));
    for (let k = 0; k < 60 && alpha > 1e-14; k++, alpha /= 2) {
      const xt = Float64Array.from(x, (v, j) => v + alpha * step.dx[j]!);
      const ft = problem.value(xt);
      if (!Number.isFinite(ft)) continue;
      const st = Float64Array.from(s, (v, i) => v + alpha * step.ds[i]!);
      if (feasible && !(barrier(ft, st) <= before + 1e-4 * alpha * slope)) continue;
      const lt = Float64Array.from(lambda, (v, i) => v + alpha * step.dl[i]!);
      const nt = Float64Array.from(nu, (v, i) => v + alpha * step.dnu[i]!);
      const Cxt = problem.inequalityProduct(xt);
      const gt = problem.gradient(xt);
      const rt = residualsAt(xt, Cxt, gt, st, lt, nt);
      if (feasible || merit(rt, st, lt, target) <= (1 - 0.01 * alpha) * before) return { x: xt, f: ft, Cx: Cxt, g: gt, s: st, lambda: lt, nu: nt, residuals: rt };
    }
    return null;
  }

  function residualsAt(xt: Float64Array, Cxt: Float64Array, gt: Float64Array, st: Float64Array, lt: Float64Array, nt: Float64Array) {
    const back = problem.inequalityTransposeProduct(lt);
    const backEq = problem.equalityTransposeProduct(nt);
    const rd = Float64Array.from(gt, (v, j) => v + back[j]! + backEq[j]!);
    const rpi = Float64Array.from(Cxt, (v, i) => v + st[i]! - h[i]!);
    const Ex = problem.equalityProduct(xt);
    const rpe = Float64Array.from(Ex, (v, i) => v - e[i]!);
    return { rd, rpi, rpe };
  }
}

/** The Euclidean norm of the perturbed KKT residuals `(rd, rpi, rpe, s∘λ − target)`. */
function merit(r: { rd: Float64Array; rpi: Float64Array; rpe: Float64Array }, s: Float64Array, lambda: Float64Array, target: number): number {
  let sum = dot(r.rd, r.rd) + dot(r.rpi, r.rpi) + dot(r.rpe, r.rpe);
  for (let i = 0; i < s.length; i++) sum += (s[i]! * lambda[i]! - target) ** 2;
  return Math.sqrt(sum);
}

/** The largest α ≤ ∞ with v + α·dv ≥ 0 (v > 0). */
function stepToBoundary(v: Float64Array, dv: Float64Array): number {
  let alpha = Infinity;
  for (let i = 0; i < v.length; i++) if (dv[i]! < 0) alpha = Math.min(alpha, -v[i]! / dv[i]!);
  return alpha;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function maxAbs(a: ArrayLike<number>): number {
  let top = 0;
  for (let i = 0; i < a.length; i++) top = Math.max(top, Math.abs(a[i]!));
  return top;
}
