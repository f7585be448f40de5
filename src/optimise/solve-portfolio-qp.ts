/**
 * The quadratic program shared by the mean–variance optimisers: an objective over the weights, the rows and
 * auxiliary variables of a {@link ConstraintSystem}, solved with the working-set QP solver, and the
 * max-holdings heuristic on top.
 */
import { InfeasibleError, NumericalError } from "../core/index";
import type { ConstraintSystem, LinearRow } from "./constraints/constraint-system";
import { projectedGradientGuess } from "../optim/index";
import { solveWithRidgeOnFailure, solveWorkingSetQp, WORKING_SET_THRESHOLD } from "../optim/index";

/** A QP over `N` variables (the `nAssets` weights first, then auxiliary variables), in solver form. */
export interface PortfolioQp {
  /** Number of assets; variables `0…nAssets−1` are their weights (or scaled weights for max Sharpe). */
  readonly nAssets: number;
  /** `N × N` positive-definite matrix of `½ xᵀQx`. */
  readonly Q: Float64Array;
  /** Linear term, length `N`. */
  readonly c: Float64Array;
  /** Lower bounds, length `N`. */
  readonly lower: Float64Array;
  /** Upper bounds, length `N`. */
  readonly upper: Float64Array;
  /** Equality rows `Aeq·x = beq`, row-major `mEq × N`. */
  readonly Aeq: Float64Array;
  readonly beq: Float64Array;
  /** Inequality rows `Aineq·x ≤ bineq`, row-major `mIneq × N`. */
  readonly Aineq: Float64Array;
  readonly bineq: Float64Array;
}

/** Relative ridge on the auxiliary variables (which have no curvature): `1e-9 ×` the mean weight curvature. */
export const AUXILIARY_RIDGE = 1e-9;
/** A weight counts as a holding when `|w| >` this times `Σ|w|`. */
const HOLDING_CUTOFF = 1e-8;

/**
 * Dense rows of a list of {@link LinearRow}s split into equalities and `≤` inequalities over `N` variables.
 *
 * @example
 * ```ts
 * rowsToDense([{ indices: [0, 1], values: [1, 1], lower: 1, upper: 1, source: "budget", description: "" }], 2);
 * // => { Aeq: [1, 1], beq: [1], Aineq: [], bineq: [] }
 * ```
 */
export function rowsToDense(rows: readonly LinearRow[], N: number): { Aeq: Float64Array; beq: Float64Array; Aineq: Float64Array; bineq: Float64Array } {
  const eq: [Float64Array, number][] = [];
  const ineq: [Float64Array, number][] = [];
  const dense = (row: LinearRow, sign: number) => {
    const a = new Float64Array(N);
    row.indices.forEach((j, k) => (a[j] = a[j]! + sign * row.values[k]!));
    return a;
  };
  for (const row of rows) {
    if (row.lower === row.upper) eq.push([dense(row, 1), row.upper]);
    else {
      if (row.upper < Infinity) ineq.push([dense(row, 1), row.upper]);
      if (row.lower > -Infinity) ineq.push([dense(row, -1), -row.lower]);
    }
  }
  const pack = (list: [Float64Array, number][]) => {
    const A = new Float64Array(list.length * N);
    list.forEach(([a], r) => A.set(a, r * N));
    return [A, Float64Array.from(list, ([, b]) => b)] as const;
  };
  const [Aeq, beq] = pack(eq);
  const [Aineq, bineq] = pack(ineq);
  return { Aeq, beq, Aineq, bineq };
}

/**
 * Builds the solver form of `min ½ wᵀQw + cᵀw` over a constraint system (plus `extraRows`, e.g. a target
 * return), with a small ridge on the auxiliary variables.
 *
 * @param system the feasible set.
 * @param Q objective curvature over the `n` weights, row-major `n × n`, positive definite.
 * @param c linear term over the weights, length `n`.
 * @param extraRows more rows over the system's variables.
 * @returns a {@link PortfolioQp}.
 *
 * @example
 * ```ts
 * solvePortfolioQp(qpFromSystem(system, twiceCovariance, zeros), { caller: "minVolatility" }).x;
 * // => the minimum-variance weights (first n entries)
 * ```
 */
export function qpFromSystem(system: ConstraintSystem, Q: Float64Array, c: Float64Array, extraRows: readonly LinearRow[] = []): PortfolioQp {
  const n = system.nAssets;
  const N = system.nVariables;
  const full = new Float64Array(N * N);
  let trace = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) full[i * N + j] = Q[i * n + j]!;
    trace += Q[i * n + i]!;
  }
  const ridge = AUXILIARY_RIDGE * Math.max(trace / n, Number.MIN_VALUE);
  for (let i = n; i < N; i++) full[i * N + i] = ridge;
  const linear = new Float64Array(N);
  linear.set(c);
  return {
    nAssets: n,
    Q: full,
    c: linear,
    lower: Float64Array.from(system.lower),
    upper: Float64Array.from(system.upper),
    ...rowsToDense([...system.rows, ...extraRows], N),
  };
}

/** Options of {@link solvePortfolioQp}. */
export interface SolvePortfolioQpOptions {
  /** The public function name used to prefix messages. */
  readonly caller: string;
  /** Largest number of non-zero weights (heuristic, see `maxHoldings`). Default none. */
  readonly maxHoldings?: number;
  /** Variables to start the working set from (e.g. a neighbouring solution's). Default: a heuristic guess. */
  readonly initialWorkingSet?: readonly number[];
  /** Variables to start at their upper bounds (a neighbouring solution's `atUpper`). Default none. */
  readonly initialAtUpper?: readonly number[];
  /**
   * Variables always added to the first working set, e.g. those off their lower bounds in a known feasible
   * point (the maximum-return portfolio for a target-return row), so that the first subproblem is feasible.
   */
  readonly include?: readonly number[];
  /**
   * When the weights' curvature is not positive definite (a singular covariance: a riskless asset, fewer days than
   * assets), solve again with a small relative ridge on it (`solvers.solveWithRidgeOnFailure`), instead of failing.
   * Default false.
   */
  readonly ridgeOnFailure?: boolean;
}

/** The solution of a {@link PortfolioQp}. */
export interface PortfolioQpSolution {
  /** All variables, length `N` (weights first). */
  readonly x: Float64Array;
  /** The final working set, to warm-start a neighbouring problem. */
  readonly workingSet: readonly number[];
  /** The variables at their upper bounds at the end, to warm-start a neighbouring problem. */
  readonly atUpper: readonly number[];
}

/**
 * Solves a {@link PortfolioQp} exactly (working-set quadprog), then, with `maxHoldings`, applies the
 * holdings heuristic: if more than `k` weights are non-zero, keep the `k` largest in absolute value (and any
 * asset whose bounds exclude 0), fix the others at 0 and solve again — optimal among the kept assets.
 *
 * @param qp the problem.
 * @param options `{ caller, maxHoldings, initialWorkingSet }`.
 * @returns `{ x, workingSet }`.
 * @throws InfeasibleError when the restricted problem of the holdings heuristic is infeasible (the message
 *   suggests allowing more holdings), or the solver finds the constraints inconsistent.
 * @throws NumericalError when the covariance is not positive definite (with the caller's name).
 *
 * @example
 * ```ts
 * solvePortfolioQp(qp, { caller: "maxSharpe", maxHoldings: 5 }).x; // => at most 5 non-zero weights
 * ```
 */
export function solvePortfolioQp(qp: PortfolioQp, options: SolvePortfolioQpOptions): PortfolioQpSolution {
  if (!options.ridgeOnFailure) return solvePortfolioQpOnce(qp, options);
  return solveWithRidgeOnFailure(qp.Q, qp.lower.length, qp.nAssets, (Q) => solvePortfolioQpOnce({ ...qp, Q }, options));
}

function solvePortfolioQpOnce(qp: PortfolioQp, options: SolvePortfolioQpOptions): PortfolioQpSolution {
  const { caller } = options;
  const n = qp.nAssets;
  const first = solveWithBounds(qp, qp.lower, qp.upper, options.initialWorkingSet, options.initialAtUpper, caller, options.include);
  const k = options.maxHoldings;
  if (k === undefined) return first;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.abs(first.x[i]!);
  const held = (x: Float64Array) => {
    const list: number[] = [];
    for (let i = 0; i < n; i++) if (Math.abs(x[i]!) > HOLDING_CUTOFF * total) list.push(i);
    return list;
  };
  const holdings = held(first.x);
  if (holdings.length <= k) return first;
  const keep = new Set<number>();
  for (let i = 0; i < n; i++) if (qp.lower[i]! > 0 || qp.upper[i]! < 0) keep.add(i);
  const order = holdings.slice().sort((a, b) => Math.abs(first.x[b]!) - Math.abs(first.x[a]!));
  for (const i of order) {
    if (keep.size >= k) break;
    keep.add(i);
  }
  const lower = Float64Array.from(qp.lower);
  const upper = Float64Array.from(qp.upper);
  for (let i = 0; i < n; i++) {
    if (!keep.has(i)) {
      lower[i] = 0;
      upper[i] = 0;
    }
  }
  try {
    return solveWithBounds(qp, lower, upper, [...keep, ...first.workingSet.filter((j) => j >= n)], undefined, caller);
  } catch (error) {
    if (error instanceof InfeasibleError) {
      const kept = [...keep].sort((a, b) => a - b);
      throw new InfeasibleError(
        "HOLDINGS_HEURISTIC_INFEASIBLE",
        `${caller}: max holdings ${k}: keeping the ${k} largest weights of the unrestricted solution leaves no portfolio that meets the other constraints; allow more holdings (the unrestricted solution holds ${holdings.length})`,
        { k, kept, holdings: holdings.length },
        { cause: error },
      );
    }
    throw error;
  }
}

function solveWithBounds(
  qp: PortfolioQp,
  lower: Float64Array,
  upper: Float64Array,
  initialWorkingSet: readonly number[] | undefined,
  initialAtUpper: readonly number[] | undefined,
  caller: string,
  include: readonly number[] = [],
): PortfolioQpSolution {
  const N = lower.length;
  let start = initialWorkingSet;
  if (N <= WORKING_SET_THRESHOLD) start = undefined;
  else {
    if (start === undefined) start = guessWorkingSet(qp, lower, upper);
    if (start !== undefined && include.length > 0) start = [...new Set([...start, ...include])];
  }
  if (start !== undefined && initialAtUpper !== undefined && include.length > 0) {
    const included = new Set(include);
    initialAtUpper = initialAtUpper.filter((i) => !included.has(i));
  }
  try {
    const solution = solveWorkingSetQp({
      Q: qp.Q,
      c: qp.c,
      lower,
      upper,
      Aeq: qp.Aeq,
      beq: qp.beq,
      Aineq: qp.Aineq,
      bineq: qp.bineq,
      initialWorkingSet: start,
      initialAtUpper: start === undefined ? undefined : initialAtUpper,
    });
    return { x: solution.x, workingSet: solution.workingSet, atUpper: solution.atUpper };
  } catch (error) {
    if (error instanceof NumericalError && error.code === "NOT_POSITIVE_DEFINITE") {
      throw new NumericalError(
        "NOT_POSITIVE_DEFINITE",
        `${caller}: the covariance (plus any ridge) is not positive definite; pass it through riskModels.fixNonpositiveSemidefinite first (sampleCovariance does)`,
        {},
        { cause: error },
      );
    }
    if (error instanceof InfeasibleError && error.code === "INCONSISTENT_CONSTRAINTS") {
      throw new InfeasibleError(
        "INCONSISTENT_CONSTRAINTS",
        `${caller}: the solver found the constraints inconsistent although the diagnosis passed them (a numerically borderline case); relax a bound or a target slightly`,
        {},
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * A first working set for a problem over weights only: the best assets by return per unit variance, the
 * lowest-variance assets, the assets that most help each inequality row, and enough capacity to hold the
 * budget. The KKT loop of the solver adds whatever is missing, so this only affects speed.
 */
function guessWorkingSet(qp: PortfolioQp, lower: Float64Array, upper: Float64Array): number[] {
  const n = qp.nAssets;
  const N = lower.length;
  if (N === n && qp.beq.length === 1 && qp.bineq.length === 0 && lower.every((v) => Number.isFinite(v))) {
    // One equality and bounds (minimum volatility, utility, long-only max Sharpe): the support of a few hundred
    // projected-gradient steps is usually the final one, so the solver needs one or two rounds.
    const x = projectedGradientGuess({ Q: qp.Q, c: qp.c, a: qp.Aeq, b: qp.beq[0]!, lower, upper });
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]!));
    const support: number[] = [];
    for (let i = 0; i < n; i++) if (x[i]! - lower[i]! > 1e-6 * scale && upper[i]! > lower[i]!) support.push(i);
    if (support.length > 0) return support;
  }
  const K = Math.min(n, 10 + Math.ceil(2 * Math.sqrt(n)));
  const inSet = new Uint8Array(N);
  const byScore = (score: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => i)
      .filter((i) => upper[i]! > lower[i]!)
      .sort((a, b) => score(b) - score(a));
  const diag = (i: number) => Math.max(qp.Q[i * N + i]!, Number.MIN_VALUE);
  let anyLinear = false;
  for (let i = 0; i < n; i++) if (qp.c[i] !== 0) anyLinear = true;
  if (anyLinear) for (const i of byScore((i) => -qp.c[i]! / diag(i)).slice(0, K)) inSet[i] = 1;
  const lowVariance = byScore((i) => -diag(i));
  for (const i of lowVariance.slice(0, K)) inSet[i] = 1;
  // The assets that most help each portfolio-wide inequality (a target return, a sector floor) — not the
  // per-asset rows of auxiliary variables.
  const mIneq = qp.bineq.length;
  for (let r = 0; r < mIneq; r++) {
    let assets = 0;
    let auxiliary = false;
    for (let j = 0; j < N; j++) {
      if (qp.Aineq[r * N + j] === 0) continue;
      if (j < n) assets++;
      else auxiliary = true;
    }
    if (auxiliary || assets <= 2) continue;
    for (const i of byScore((i) => -qp.Aineq[r * N + i]!).slice(0, 3)) if (qp.Aineq[r * N + i]! < 0) inSet[i] = 1;
  }
  for (let i = 0; i < N; i++) if (lower[i]! > 0 || (i >= n && lower[i]! !== 0)) inSet[i] = 1;
  // Capacity: the working set at its upper bounds and the rest at their lower bounds must reach each
  // all-weights equality (the budget).
  for (let r = 0; r < qp.beq.length; r++) {
    const capacity = () => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const a = qp.Aeq[r * N + i]!;
        s += a >= 0 ? a * (inSet[i] ? upper[i]! : lower[i]!) : a * lower[i]!;
      }
      return s;
    };
    for (const i of lowVariance) {
      if (capacity() >= qp.beq[r]! - 1e-12) break;
      inSet[i] = 1;
    }
  }
  // Auxiliary variables that share a row with a working asset join it (e.g. the turnover of a held asset).
  if (N > n) {
    const rows = [
      [qp.Aeq, qp.beq.length],
      [qp.Aineq, qp.bineq.length],
    ] as const;
    for (const [A, m] of rows) {
      for (let r = 0; r < m; r++) {
        let touches = false;
        for (let i = 0; i < n && !touches; i++) if (inSet[i] && A[r * N + i] !== 0) touches = true;
        if (!touches) continue;
        let assets = 0;
        for (let i = 0; i < n; i++) if (A[r * N + i] !== 0) assets++;
        if (assets > 2) continue; // a budget-like row, not a per-asset link
        for (let j = n; j < N; j++) if (A[r * N + j] !== 0) inSet[j] = 1;
      }
    }
  }
  const set: number[] = [];
  for (let i = 0; i < N; i++) if (inSet[i]) set.push(i);
  return set;
}
