/**
 * Quadratic programs over a budget and per-variable bounds — the shape of long-only mean–variance
 * problems — solved exactly with {@link solveQuadraticProgram} on a working set of variables.
 */
import { InputError, NumericalError } from "../../core/errors";
import { tryCholesky } from "../linear-algebra/cholesky";
import { solveQuadraticProgram } from "./quadprog-solver";

/**
 * minimise `½ xᵀQx + cᵀx` subject to `Σ xᵢ = budget` and `lowerᵢ ≤ xᵢ ≤ upperᵢ`.
 */
export interface BoxBudgetQuadraticProgram {
  /** `n × n` symmetric positive-definite matrix, row-major. */
  readonly Q: Float64Array;
  /** Linear term, length `n`. Default zeros. */
  readonly c?: Float64Array;
  /** Required sum of the variables. */
  readonly budget: number;
  /** Lower bounds, length `n` (`-Infinity` allowed). */
  readonly lower: Float64Array;
  /** Upper bounds, length `n` (`Infinity` allowed). */
  readonly upper: Float64Array;
  /**
   * Indices to start the working set from, instead of the projected-gradient proposal (e.g. the support of a
   * neighbouring solution). The result does not depend on it, only the number of rounds.
   */
  readonly initialWorkingSet?: readonly number[];
}

/** The solution of a {@link BoxBudgetQuadraticProgram}. */
export interface BoxBudgetSolution {
  /** The minimiser, length `n`. */
  readonly x: Float64Array;
  /** `½ xᵀQx + cᵀx` at `x`. */
  readonly objective: number;
  /** Number of quadprog solves (working-set rounds). */
  readonly rounds: number;
  /** Variables in the final working set (the others sit at their lower bounds). */
  readonly workingSetSize: number;
}

/** Below this many variables the problem goes to quadprog in one piece. */
export const WORKING_SET_THRESHOLD = 60;
/** Relative tolerance of the optimality (KKT) test on the variables left at their lower bounds. */
const KKT_TOLERANCE = 1e-10;
/** Iterations of the accelerated projected-gradient warm start that proposes the first working set. */
const WARM_START_ITERATIONS = 200;

/**
 * Solves `min ½xᵀQx + cᵀx` s.t. `Σx = budget`, `lower ≤ x ≤ upper` exactly.
 *
 * quadprog's dual active-set method costs O(n²) per active constraint, so a 500-asset long-only problem,
 * where most weights end at 0, takes seconds in one piece. Instead (for n > {@link WORKING_SET_THRESHOLD}
 * and finite lower bounds): an accelerated projected-gradient pass proposes a working set W; quadprog
 * solves the problem over W with the other variables fixed at their lower bounds; the KKT condition of
 * each fixed variable `i` (`(Qx + c)ᵢ ≥ ν`, with ν the budget multiplier) is checked, violators join W,
 * and the loop repeats. W only grows, so it ends in at most n rounds (in practice 1–3), at the same
 * unique minimiser as the single solve (Q positive definite).
 *
 * @param problem `{ Q, c, budget, lower, upper, initialWorkingSet? }`; the bounds must admit `Σx = budget`.
 * @returns `{ x, objective, rounds, workingSetSize }`.
 * @throws InputError when lengths disagree, a bound is NaN or `initialWorkingSet` holds a bad index.
 * @throws NumericalError when Q is not positive definite; InfeasibleError / NumericalError from {@link solveQuadraticProgram}.
 *
 * @example
 * ```ts
 * solveBoxBudgetQp({ Q: Float64Array.of(2, 0, 0, 2), budget: 1,
 *   lower: Float64Array.of(0, 0), upper: Float64Array.of(0.3, 1) }).x; // => ≈ Float64Array [0.3, 0.7]
 * ```
 */
export function solveBoxBudgetQp(problem: BoxBudgetQuadraticProgram): BoxBudgetSolution {
  const { Q, budget, lower, upper } = problem;
  const n = lower.length;
  const c = problem.c ?? new Float64Array(n);
  if (Q.length !== n * n || upper.length !== n || c.length !== n || n === 0) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `solveBoxBudgetQp: Q has ${Q.length} values, lower ${n}, upper ${upper.length}, c ${c.length}; pass an n × n Q and length-n vectors (n ≥ 1)`,
      { q: Q.length, lower: n, upper: upper.length, c: c.length },
    );
  }
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(lower[i]!) || Number.isNaN(upper[i]!)) {
      throw new InputError("BAD_BOUNDS", `solveBoxBudgetQp: bounds of variable ${i} are [${lower[i]}, ${upper[i]}]; NaN is not a bound`, { index: i });
    }
  }
  let allLowerFinite = true;
  for (let i = 0; i < n; i++) if (lower[i] === -Infinity) allLowerFinite = false;
  if (n <= WORKING_SET_THRESHOLD || !allLowerFinite) {
    const all = Array.from({ length: n }, (_, i) => i);
    const x = solveOnWorkingSet(problem, c, all);
    return { x, objective: objectiveOf(Q, c, x), rounds: 1, workingSetSize: n };
  }

  // A working set only factorises part of Q, so check definiteness of the whole, as a single solve would.
  if (tryCholesky(Q, n) === null) {
    throw new NumericalError(
      "NOT_POSITIVE_DEFINITE",
      `solveBoxBudgetQp: Q is not positive definite; repair a covariance with riskModels.fixNonpositiveSemidefinite and add a small ridge (e.g. 1e-10) to the diagonal`,
      { n },
    );
  }

  // Implied upper bounds (Σx = budget and x ≥ lower ⇒ xᵢ ≤ budget − Σ_{j≠i} lowerⱼ): all finite here.
  let sumLower = 0;
  for (let i = 0; i < n; i++) sumLower += lower[i]!;
  const cap = new Float64Array(n);
  for (let i = 0; i < n; i++) cap[i] = Math.min(upper[i]!, budget - sumLower + lower[i]!);

  const inSet = new Uint8Array(n);
  const slackScale = Math.max(1e-12, budget - sumLower);
  let warm: Float64Array;
  if (problem.initialWorkingSet !== undefined) {
    for (const i of problem.initialWorkingSet) {
      if (!Number.isInteger(i) || i < 0 || i >= n) {
        throw new InputError("BAD_WORKING_SET", `solveBoxBudgetQp: initialWorkingSet holds ${i}, not an index in 0…${n - 1}`, { index: i });
      }
      inSet[i] = 1;
    }
    warm = new Float64Array(n);
    projectOntoBoxBudget(new Float64Array(n).fill(budget / n), lower, cap, budget, warm);
  } else {
    warm = warmStart(Q, c, budget, lower, cap);
    for (let i = 0; i < n; i++) if (warm[i]! - lower[i]! > 1e-6 * slackScale) inSet[i] = 1;
  }
  ensureCapacity(inSet, warm, lower, cap, budget, Q, c);

  let rounds = 0;
  for (;;) {
    rounds++;
    const working: number[] = [];
    for (let i = 0; i < n; i++) if (inSet[i]) working.push(i);
    const x = solveOnWorkingSet(problem, c, working);
    const gradient = gradientOf(Q, c, x);
    // ν ≥ gᵢ for every variable above its lower bound; a fixed variable with gⱼ < ν would lower the objective.
    let nu = -Infinity;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(gradient[i]!));
      if (inSet[i] && x[i]! - lower[i]! > 1e-12 * slackScale) nu = Math.max(nu, gradient[i]!);
    }
    const tolerance = KKT_TOLERANCE * Math.max(scale, Number.MIN_VALUE);
    let added = 0;
    if (nu > -Infinity) {
      for (let i = 0; i < n; i++) {
        if (!inSet[i] && gradient[i]! < nu - tolerance) {
          inSet[i] = 1;
          added++;
        }
      }
    }
    if (added === 0) return { x, objective: objectiveOf(Q, c, x), rounds, workingSetSize: working.length };
  }
}

/** Solves the problem over the variables in `working`, the others fixed at their lower bounds. */
function solveOnWorkingSet(problem: BoxBudgetQuadraticProgram, c: Float64Array, working: readonly number[]): Float64Array {
  const { Q, budget, lower, upper } = problem;
  const n = lower.length;
  const k = working.length;
  const isWorking = new Uint8Array(n);
  for (const i of working) isWorking[i] = 1;
  const x = new Float64Array(n);
  let fixedSum = 0;
  for (let i = 0; i < n; i++) {
    if (!isWorking[i]) {
      x[i] = lower[i]!;
      fixedSum += lower[i]!;
    }
  }
  const Qw = new Float64Array(k * k);
  const cw = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const i = working[a]!;
    for (let b = 0; b < k; b++) Qw[a * k + b] = Q[i * n + working[b]!]!;
    // Linear term of the reduced problem: cᵢ + Σ_{j fixed} Qᵢⱼ lowerⱼ.
    let linear = c[i]!;
    for (let j = 0; j < n; j++) if (!isWorking[j] && lower[j] !== 0) linear += Q[i * n + j]! * lower[j]!;
    cw[a] = linear;
  }
  const rows: number[] = [];
  const rhs: number[] = [];
  for (let a = 0; a < k; a++) {
    const i = working[a]!;
    if (upper[i]! !== Infinity) {
      rows.push(a, 1);
      rhs.push(upper[i]!);
    }
    if (lower[i]! !== -Infinity) {
      rows.push(a, -1);
      rhs.push(-lower[i]!);
    }
  }
  const Aineq = new Float64Array(rhs.length * k);
  for (let r = 0; r < rhs.length; r++) Aineq[r * k + rows[2 * r]!] = rows[2 * r + 1]!;
  const solution = solveQuadraticProgram({
    Q: Qw,
    c: cw,
    Aeq: new Float64Array(k).fill(1),
    beq: Float64Array.of(budget - fixedSum),
    Aineq,
    bineq: Float64Array.from(rhs),
  });
  for (let a = 0; a < k; a++) x[working[a]!] = solution.x[a]!;
  return x;
}

function gradientOf(Q: Float64Array, c: Float64Array, x: Float64Array): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = c[i]!;
    const row = i * n;
    for (let j = 0; j < n; j++) s += Q[row + j]! * x[j]!;
    g[i] = s;
  }
  return g;
}

function objectiveOf(Q: Float64Array, c: Float64Array, x: Float64Array): number {
  const g = gradientOf(Q, new Float64Array(x.length), x);
  let value = 0;
  for (let i = 0; i < x.length; i++) value += x[i]! * (0.5 * g[i]! + c[i]!);
  return value;
}

/** Euclidean projection of `v` onto `{Σx = budget, lower ≤ x ≤ cap}` (bisection on the shift τ). */
function projectOntoBoxBudget(v: Float64Array, lower: Float64Array, cap: Float64Array, budget: number, out: Float64Array): void {
  const n = v.length;
  let lo = Infinity; // τ at which every x sits at its cap (sum ≥ budget)
  let hi = -Infinity; // τ at which every x sits at its lower bound (sum ≤ budget)
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, v[i]! - cap[i]!);
    hi = Math.max(hi, v[i]! - lower[i]!);
  }
  for (let iteration = 0; iteration < 100 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); iteration++) {
    const tau = 0.5 * (lo + hi);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.min(cap[i]!, Math.max(lower[i]!, v[i]! - tau));
    if (sum > budget) lo = tau;
    else hi = tau;
  }
  const tau = 0.5 * (lo + hi);
  for (let i = 0; i < n; i++) out[i] = Math.min(cap[i]!, Math.max(lower[i]!, v[i]! - tau));
}

/** A few hundred accelerated projected-gradient steps (FISTA) from the projected equal-weight point. */
function warmStart(Q: Float64Array, c: Float64Array, budget: number, lower: Float64Array, cap: Float64Array): Float64Array {
  const n = lower.length;
  // Step 1/L with L ≈ λmax(Q) by power iteration (overestimated by 10 %).
  let u = new Float64Array(n).fill(1 / Math.sqrt(n));
  let lambda = 0;
  const zero = new Float64Array(n);
  for (let iteration = 0; iteration < 30; iteration++) {
    const w = gradientOf(Q, zero, u);
    let norm = 0;
    for (let i = 0; i < n; i++) norm += w[i]! * w[i]!;
    norm = Math.sqrt(norm);
    if (norm === 0) break;
    lambda = norm;
    for (let i = 0; i < n; i++) w[i] = w[i]! / norm;
    u = w;
  }
  const step = 1 / (1.1 * Math.max(lambda, Number.MIN_VALUE));
  const x = new Float64Array(n).fill(budget / n);
  projectOntoBoxBudget(Float64Array.from(x), lower, cap, budget, x);
  let y = Float64Array.from(x);
  let t = 1;
  const trial = new Float64Array(n);
  for (let iteration = 0; iteration < WARM_START_ITERATIONS; iteration++) {
    const g = gradientOf(Q, c, y);
    for (let i = 0; i < n; i++) trial[i] = y[i]! - step * g[i]!;
    const next = new Float64Array(n);
    projectOntoBoxBudget(trial, lower, cap, budget, next);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = next[i]! + momentum * (next[i]! - x[i]!);
    x.set(next);
    t = tNext;
  }
  return x;
}

/** Adds variables (lowest gradient first) until the working set can absorb the budget within its bounds. */
function ensureCapacity(
  inSet: Uint8Array,
  warm: Float64Array,
  lower: Float64Array,
  cap: Float64Array,
  budget: number,
  Q: Float64Array,
  c: Float64Array,
): void {
  const n = inSet.length;
  const capacity = () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += inSet[i] ? cap[i]! : lower[i]!;
    return s;
  };
  const enough = () => capacity() >= budget - 1e-12 * Math.max(1, Math.abs(budget));
  if (enough() && inSet.some((v) => v === 1)) return;
  const g = gradientOf(Q, c, warm);
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => !inSet[i])
    .sort((a, b) => g[a]! - g[b]!);
  for (const i of order) {
    inSet[i] = 1;
    if (enough()) return;
  }
}
