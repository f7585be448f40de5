/**
 * Linearly constrained quadratic programs with per-variable bounds, solved exactly with
 * {@link solveQuadraticProgram} on a working set of variables — the general form of the long-only
 * mean–variance problems (budget, target return, sector rows, turnover rows…), where most variables end at
 * their lower bound.
 */
import { InfeasibleError, InputError } from "../core/index";
import { boundRows } from "./bound-rows";
import { solveQuadraticProgram } from "./quadprog-solver";
import { symmetricTimesVector } from "../linalg/index";

/**
 * minimise `½ xᵀQx + cᵀx` subject to `Aeq·x = beq`, `Aineq·x ≤ bineq`, `lower ≤ x ≤ upper`.
 */
export interface BoundedQuadraticProgram {
  /** `N × N` symmetric positive-definite matrix, row-major. */
  readonly Q: Float64Array;
  /** Linear term, length `N`. Default zeros. */
  readonly c?: Float64Array;
  /** Lower bounds, length `N` (`-Infinity` allowed: such variables are always in the working set). */
  readonly lower: Float64Array;
  /** Upper bounds, length `N` (`Infinity` allowed). */
  readonly upper: Float64Array;
  /** Equality rows, `mEq × N` row-major. */
  readonly Aeq?: Float64Array;
  /** Right-hand sides of the equalities, length `mEq`. */
  readonly beq?: Float64Array;
  /** Inequality rows `Aineq·x ≤ bineq`, `mIneq × N` row-major. */
  readonly Aineq?: Float64Array;
  /** Right-hand sides of the inequalities, length `mIneq`. */
  readonly bineq?: Float64Array;
  /**
   * Variables to start the working set from (e.g. the support of a neighbouring solution). Omitted: every
   * variable (one quadprog solve). The result does not depend on it, only the time taken.
   */
  readonly initialWorkingSet?: readonly number[];
  /** Variables to start fixed at their upper bounds (with `initialWorkingSet`; e.g. a neighbouring solution's `atUpper`). */
  readonly initialAtUpper?: readonly number[];
}

/** The solution of a {@link BoundedQuadraticProgram}. */
export interface BoundedQuadraticProgramSolution {
  /** The minimiser, length `N`. */
  readonly x: Float64Array;
  /** `½ xᵀQx + cᵀx` at `x`. */
  readonly objective: number;
  /** Multipliers of the equalities (`Qx + c + Aeqᵀν + Aineqᵀλ = μ`, μ ≥ 0 at lower bounds, ≤ 0 at upper bounds, 0 between). */
  readonly multipliersEq: Float64Array;
  /** Multipliers of the inequalities, each ≥ 0. */
  readonly multipliersIneq: Float64Array;
  /** Number of quadprog solves. */
  readonly rounds: number;
  /** Variables in the final working set (the others sit at a bound). */
  readonly workingSetSize: number;
  /** The variables strictly between their bounds at the end, ascending: a good `initialWorkingSet` for a neighbouring problem. */
  readonly workingSet: readonly number[];
  /** The variables fixed at their upper bounds at the end, ascending: a good `initialAtUpper`. */
  readonly atUpper: readonly number[];
}

/** Relative tolerance of the optimality test on the variables left at their bounds. */
const KKT_TOLERANCE = 1e-10;
/** Relative tolerance of the same test on the free variables (solved by quadprog, so only round-off is expected). */
const CERTIFICATE_TOLERANCE = 1e-8;
const AT_LOWER = 0;
const FREE = 1;
const AT_UPPER = 2;
/** A free variable within this (relative) distance of a bound after a round is fixed there. */
const AT_BOUND = 1e-13;
/** When the working set would grow beyond this fraction of the variables, solve on all of them. */
const FULL_SOLVE_FRACTION = 1.01;
/** After this many rounds, solve on all variables (a guard; typical problems take 1–5 rounds). */
const MAX_ROUNDS = 50;
/** Rows whose coefficients on the working set are all below this are checked as constants. */
const ZERO_ROW = 1e-300;

/**
 * Solves `min ½xᵀQx + cᵀx` s.t. `Aeq·x = beq`, `Aineq·x ≤ bineq`, `lower ≤ x ≤ upper` exactly.
 *
 * quadprog's dual active-set method costs O(N² + N·rows) per constraint it activates, so a problem on hundreds
 * of variables with most of them at a bound is slow in one piece. Here quadprog solves the problem over a
 * working set W of free variables, the others fixed at their lower or upper bounds; then each fixed variable's
 * reduced cost `dⱼ = (Qx + c + Aeqᵀν + Aineqᵀλ)ⱼ` (from the subproblem's multipliers) is checked — `dⱼ < 0` at a
 * lower bound or `dⱼ > 0` at an upper bound would lower the objective, so the variable joins W — and free
 * variables that ended at a bound are fixed there. When no variable joins and the multipliers also fit the free
 * variables (they may not in a degenerate subproblem, which then falls back to all variables), `(x, ν, λ, d)`
 * satisfies the KKT conditions of the whole problem, so `x` is its unique minimiser (Q positive definite). Each round that adds a
 * variable strictly lowers the objective, so no configuration repeats and the loop ends; a subproblem that is
 * infeasible (W too small to meet a row), or a W beyond 60 % of the variables, makes W the whole set.
 *
 * @param problem `{ Q, c, lower, upper, Aeq, beq, Aineq, bineq, initialWorkingSet, initialAtUpper }`.
 * @returns `{ x, objective, multipliersEq, multipliersIneq, rounds, workingSetSize, workingSet, atUpper }`.
 * @throws InputError when lengths disagree or `initialWorkingSet` holds a bad index.
 * @throws InfeasibleError when the constraints have no common solution; NumericalError when Q is not positive
 *   definite (from {@link solveQuadraticProgram}).
 *
 * @example
 * ```ts
 * // min x₀² + x₁² + x₂²  s.t. x₀ + x₁ + x₂ = 1,  x₀ ≥ 0.5,  x ≥ 0, starting from the working set {0}
 * solveWorkingSetQp({ Q: Float64Array.of(2, 0, 0, 0, 2, 0, 0, 0, 2), lower: new Float64Array(3),
 *   upper: Float64Array.of(1, 1, 1), Aeq: Float64Array.of(1, 1, 1), beq: Float64Array.of(1),
 *   Aineq: Float64Array.of(-1, 0, 0), bineq: Float64Array.of(-0.5), initialWorkingSet: [0] }).x;
 * // => ≈ Float64Array [0.5, 0.25, 0.25]
 * ```
 */
export function solveWorkingSetQp(problem: BoundedQuadraticProgram): BoundedQuadraticProgramSolution {
  const caller = "solveWorkingSetQp";
  const { Q, lower, upper } = problem;
  const N = lower.length;
  const c = problem.c ?? new Float64Array(N);
  const Aeq = problem.Aeq ?? new Float64Array(0);
  const beq = problem.beq ?? new Float64Array(0);
  const Aineq = problem.Aineq ?? new Float64Array(0);
  const bineq = problem.bineq ?? new Float64Array(0);
  if (N === 0 || Q.length !== N * N || upper.length !== N || c.length !== N || Aeq.length !== beq.length * N || Aineq.length !== bineq.length * N) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `${caller}: Q has ${Q.length} values, lower ${N}, upper ${upper.length}, c ${c.length}, Aeq ${Aeq.length} for ${beq.length} rows, Aineq ${Aineq.length} for ${bineq.length} rows; pass an N × N Q, length-N vectors and row-major rows of N`,
      { N },
    );
  }
  for (let i = 0; i < N; i++) {
    if (Number.isNaN(lower[i]!) || Number.isNaN(upper[i]!) || lower[i] === Infinity || upper[i] === -Infinity) {
      throw new InputError("BAD_BOUNDS", `${caller}: bounds of variable ${i} are [${lower[i]}, ${upper[i]}]; pass numbers with lower < Infinity and upper > -Infinity`, { index: i });
    }
    if (lower[i]! > upper[i]!) {
      throw new InfeasibleError("CROSSED_BOUNDS", `${caller}: lower bound of variable ${i} (${lower[i]}) is above its upper bound (${upper[i]})`, { index: i });
    }
  }
  const mEq = beq.length;
  const mIneq = bineq.length;

  // state: FREE variables are solved by quadprog (their bounds as rows); the others are fixed at a bound.
  const state = new Uint8Array(N);
  if (problem.initialWorkingSet === undefined) {
    state.fill(FREE);
  } else {
    state.fill(AT_LOWER);
    const mark = (list: readonly number[], name: string, value: number) => {
      for (const i of list) {
        if (!Number.isInteger(i) || i < 0 || i >= N) {
          throw new InputError("BAD_WORKING_SET", `${caller}: ${name} holds ${i}, not an index in 0…${N - 1}`, { index: i });
        }
        state[i] = value;
      }
    };
    mark(problem.initialAtUpper ?? [], "initialAtUpper", AT_UPPER);
    mark(problem.initialWorkingSet, "initialWorkingSet", FREE);
    for (let i = 0; i < N; i++) {
      if (state[i] === AT_LOWER && lower[i] === -Infinity) state[i] = upper[i] === Infinity ? FREE : AT_UPPER;
      if (state[i] === AT_UPPER && upper[i] === Infinity) state[i] = FREE;
    }
  }

  const scratch = new Int32Array(N);
  let rounds = 0;
  for (;;) {
    rounds++;
    const working: number[] = [];
    for (let i = 0; i < N; i++) if (state[i] === FREE) working.push(i);
    if (working.length === 0) {
      // Nothing free (e.g. an initial working set of fixed variables): start from everything.
      state.fill(FREE);
      continue;
    }
    // Rows that only fixed variables touch and that those values violate would make the subproblem infeasible:
    // free their variables first (e.g. a turnover row tᵢ + wᵢ ≥ w⁰ᵢ of a current holding).
    if (freeVariablesOfViolatedRows(lower, upper, Aeq, beq, Aineq, bineq, state)) continue;
    let sub: SubproblemSolution;
    try {
      sub = solveSubproblem(Q, c, lower, upper, Aeq, beq, Aineq, bineq, working, state);
    } catch (error) {
      if (error instanceof InfeasibleError && working.length < N) {
        state.fill(FREE);
        continue;
      }
      throw error;
    }
    const { x, multipliersEq, multipliersIneq } = sub;
    if (working.length === N) return finish(Q, c, lower, upper, x, multipliersEq, multipliersIneq, rounds, state);

    // Reduced costs dⱼ = (Qx + c + Aeqᵀν + Aineqᵀλ)ⱼ: the bound multiplier of a variable at a bound
    // (≥ 0 at a lower bound, ≤ 0 at an upper bound for optimality).
    const reduced = symmetricTimesVector(Q, x, new Float64Array(N), scratch);
    let scale = 0;
    for (let i = 0; i < N; i++) {
      let d = c[i]! + reduced[i]!;
      scale = Math.max(scale, Math.abs(d));
      for (let k = 0; k < mEq; k++) d += Aeq[k * N + i]! * multipliersEq[k]!;
      for (let k = 0; k < mIneq; k++) {
        const l = multipliersIneq[k]!;
        if (l !== 0) d += Aineq[k * N + i]! * l;
      }
      reduced[i] = d;
    }
    for (let k = 0; k < mEq; k++) scale = Math.max(scale, Math.abs(multipliersEq[k]!));
    for (let k = 0; k < mIneq; k++) scale = Math.max(scale, Math.abs(multipliersIneq[k]!));
    const tolerance = KKT_TOLERANCE * Math.max(scale, Number.MIN_VALUE);
    const violators: number[] = [];
    for (let i = 0; i < N; i++) {
      if (upper[i]! <= lower[i]!) continue;
      if ((state[i] === AT_LOWER && reduced[i]! < -tolerance) || (state[i] === AT_UPPER && reduced[i]! > tolerance)) violators.push(i);
    }
    if (violators.length === 0) {
      // The subproblem's multipliers certify the whole problem only if they also fit its free variables. In a
      // degenerate subproblem (e.g. the fixed variables already meet the budget) quadprog may return multipliers
      // that do not: then certify nothing and solve on everything.
      let certified = true;
      const loose = CERTIFICATE_TOLERANCE * Math.max(scale, Number.MIN_VALUE);
      for (const i of working) {
        const span = Math.max(1, Math.abs(x[i]!));
        const atLower = x[i]! - lower[i]! <= AT_BOUND * span;
        const atUpper = upper[i]! - x[i]! <= AT_BOUND * span;
        const d = reduced[i]!;
        if ((!atLower && d > loose) || (!atUpper && d < -loose)) certified = false;
      }
      if (certified) return finish(Q, c, lower, upper, x, multipliersEq, multipliersIneq, rounds, state);
      state.fill(FREE);
      continue;
    }
    // Many violators mean the working set was a poor guess, and a round limit guards against round-off
    // ping-pong: in both cases solve once on everything.
    if (working.length + violators.length > FULL_SOLVE_FRACTION * N || rounds > MAX_ROUNDS) {
      state.fill(FREE);
      continue;
    }
    // Free variables held at a bound by a clearly non-zero multiplier are fixed there: the subproblem's
    // solution stays optimal for the smaller problem, and quadprog has fewer bound rows to activate one by one.
    // (Enough stay free to carry the equalities.)
    const toFix: [number, number][] = [];
    for (const i of working) {
      const bound = Math.max(1, Math.abs(x[i]!));
      if (x[i]! - lower[i]! <= AT_BOUND * bound && reduced[i]! > tolerance) toFix.push([i, AT_LOWER]);
      else if (upper[i]! - x[i]! <= AT_BOUND * bound && reduced[i]! < -tolerance) toFix.push([i, AT_UPPER]);
    }
    if (working.length - toFix.length + violators.length > mEq) for (const [i, value] of toFix) state[i] = value;
    for (const i of violators) state[i] = FREE;
  }
}

/**
 * Frees the variables of every row that has no free variable and is violated by the fixed values; returns
 * whether any variable was freed.
 */
function freeVariablesOfViolatedRows(
  lower: Float64Array,
  upper: Float64Array,
  Aeq: Float64Array,
  beq: Float64Array,
  Aineq: Float64Array,
  bineq: Float64Array,
  state: Uint8Array,
): boolean {
  const N = lower.length;
  let changed = false;
  const scan = (A: Float64Array, b: Float64Array, equality: boolean) => {
    for (let r = 0; r < b.length; r++) {
      let value = 0;
      let scale = Math.abs(b[r]!);
      let touchesFree = false;
      for (let j = 0; j < N; j++) {
        const a = A[r * N + j]!;
        if (a === 0) continue;
        if (state[j] === FREE) {
          touchesFree = true;
          break;
        }
        const xj = state[j] === AT_UPPER ? upper[j]! : lower[j]!;
        value += a * xj;
        scale = Math.max(scale, Math.abs(a * xj));
      }
      if (touchesFree) continue;
      const residual = value - b[r]!;
      const violated = equality ? Math.abs(residual) > 1e-12 * (1 + scale) : residual > 1e-12 * (1 + scale);
      if (!violated) continue;
      for (let j = 0; j < N; j++) {
        if (A[r * N + j] !== 0 && upper[j]! > lower[j]!) {
          state[j] = FREE;
          changed = true;
        }
      }
    }
  };
  scan(Aeq, beq, true);
  scan(Aineq, bineq, false);
  return changed;
}

interface SubproblemSolution {
  readonly x: Float64Array;
  readonly multipliersEq: Float64Array;
  readonly multipliersIneq: Float64Array;
}

function finish(
  Q: Float64Array,
  c: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  x: Float64Array,
  multipliersEq: Float64Array,
  multipliersIneq: Float64Array,
  rounds: number,
  state: Uint8Array,
): BoundedQuadraticProgramSolution {
  const working: number[] = [];
  const atUpper: number[] = [];
  let size = 0;
  state.forEach((value, i) => {
    if (value === FREE) size++;
    // For warm starts, free variables that ended at a bound count as fixed there.
    const scale = Math.max(1, Math.abs(x[i]!));
    if (value === AT_UPPER || (value === FREE && upper[i]! - x[i]! <= AT_BOUND * scale)) atUpper.push(i);
    else if (value === FREE && !(x[i]! - lower[i]! <= AT_BOUND * scale)) working.push(i);
  });
  const N = x.length;
  const qx = symmetricTimesVector(Q, x, new Float64Array(N));
  let objective = 0;
  for (let i = 0; i < N; i++) objective += x[i]! * (0.5 * qx[i]! + c[i]!);
  return { x, objective, multipliersEq, multipliersIneq, rounds, workingSetSize: size, workingSet: working, atUpper };
}

/** Solves over the variables in `working`, the others fixed at their lower bounds; rows constant on W are checked, not passed. */
function solveSubproblem(
  Q: Float64Array,
  c: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  Aeq: Float64Array,
  beq: Float64Array,
  Aineq: Float64Array,
  bineq: Float64Array,
  working: readonly number[],
  state: Uint8Array,
): SubproblemSolution {
  const N = lower.length;
  const k = working.length;
  const isWorking = new Uint8Array(N);
  for (const i of working) isWorking[i] = 1;
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) if (!isWorking[i]) x[i] = state[i] === AT_UPPER ? upper[i]! : lower[i]!;

  const Qw = new Float64Array(k * k);
  const cw = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const i = working[a]!;
    for (let b = 0; b < k; b++) Qw[a * k + b] = Q[i * N + working[b]!]!;
    let linear = c[i]!;
    for (let j = 0; j < N; j++) if (!isWorking[j] && x[j] !== 0) linear += Q[i * N + j]! * x[j]!;
    cw[a] = linear;
  }

  // Restrict a block of rows to W, moving the fixed variables to the right-hand side.
  const restrict = (A: Float64Array, b: Float64Array, equality: boolean) => {
    const m = b.length;
    const keptRows: number[] = [];
    const rows: number[] = [];
    const rhs: number[] = [];
    for (let r = 0; r < m; r++) {
      let fixed = 0;
      let maxAbs = 0;
      let scale = Math.abs(b[r]!);
      for (let j = 0; j < N; j++) {
        const a = A[r * N + j]!;
        if (a === 0) continue;
        if (isWorking[j]) maxAbs = Math.max(maxAbs, Math.abs(a));
        else {
          fixed += a * x[j]!;
          scale = Math.max(scale, Math.abs(a * x[j]!));
        }
      }
      const residual = b[r]! - fixed;
      if (maxAbs <= ZERO_ROW) {
        const violated = equality ? Math.abs(residual) > 1e-12 * (1 + scale) : residual < -1e-12 * (1 + scale);
        if (violated) throw new InfeasibleError("INCONSISTENT_CONSTRAINTS", "solveWorkingSetQp: a row has no working variable and is violated", { row: r });
        continue;
      }
      keptRows.push(r);
      for (const j of working) rows.push(A[r * N + j]!);
      rhs.push(residual);
    }
    return { keptRows, A: Float64Array.from(rows), b: Float64Array.from(rhs) };
  };
  const eq = restrict(Aeq, beq, true);
  const ineq = restrict(Aineq, bineq, false);

  // Bounds of the working variables as inequality rows, after the problem's own.
  const bounds = boundRows(working, lower, upper);
  const mRows = ineq.b.length;
  const Aall = new Float64Array(ineq.A.length + bounds.A.length);
  Aall.set(ineq.A);
  Aall.set(bounds.A, mRows * k);
  const ball = new Float64Array(mRows + bounds.b.length);
  ball.set(ineq.b);
  ball.set(bounds.b, mRows);

  const solution = solveQuadraticProgram({ Q: Qw, c: cw, Aeq: eq.A, beq: eq.b, Aineq: Aall, bineq: ball });
  for (let a = 0; a < k; a++) x[working[a]!] = solution.x[a]!;
  const multipliersEq = new Float64Array(beq.length);
  eq.keptRows.forEach((r, index) => (multipliersEq[r] = solution.multipliersEq[index]!));
  const multipliersIneq = new Float64Array(bineq.length);
  ineq.keptRows.forEach((r, index) => (multipliersIneq[r] = solution.multipliersIneq[index]!));
  return { x, multipliersEq, multipliersIneq };
}
