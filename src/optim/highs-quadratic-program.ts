/**
 * Convex quadratic programmes with sparse rows solved by HiGHS's active-set QP solver, falling back to quadprog's
 * dense Goldfarb–Idnani method when HiGHS fails on a programme small enough to solve densely.
 */
import type { Highs } from "highs";
import { InfeasibleError, InputError, NumericalError } from "../core/index";
import { highsModel, loadHighs, type SparseLinearProgram } from "./highs-linear-program";
import type { LinearProgramResult } from "./linear-program";
import { solveQuadraticProgram } from "./quadprog-solver";

/**
 * The lower triangle of a symmetric matrix by column (compressed sparse column): column `j` holds the rows
 * `indices[starts[j] … starts[j+1])`, each `≥ j` and ascending, with their `values`.
 */
export interface LowerTriangle {
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/**
 * A convex QP: minimise `cᵀx + ½ xᵀQx` subject to `rowLower ≤ Ax ≤ rowUpper` and `lower ≤ x ≤ upper`, with `A` in
 * sparse rows (as {@link SparseLinearProgram}) and `Q` positive semidefinite, given by its lower triangle.
 */
export interface SparseQuadraticProgram extends SparseLinearProgram {
  readonly hessian: LowerTriangle;
}

/** Options of {@link solveQuadraticProgramWithHighs}. */
export interface HighsQuadraticOptions {
  /**
   * `"highs"` (default): HiGHS, then quadprog if HiGHS fails and the programme has at most `denseLimit` columns;
   * `"dense"`: quadprog only.
   */
  readonly method?: "highs" | "dense";
  /** The most columns solved densely by quadprog (an `n × n` matrix and its factor). Default 1,500. */
  readonly denseLimit?: number;
  /** The HiGHS runtime (default the one {@link loadHighs} loads; another build, or a stand-in in tests). */
  readonly runtime?: Promise<Highs>;
}

/** The largest QP (columns) solved densely by quadprog when HiGHS' QP solver fails. */
export const DENSE_QP_LIMIT = 1500;

/**
 * Solves a convex QP with HiGHS. Two of HiGHS's limits are handled here: its QP solver fails (status −1) when a
 * column's lower bound is finite and not 0, so the programme is solved for `x − lower`; and its active-set solver
 * sometimes stops with "solve error" (primal infeasibilities of ~1e-5 it cannot remove), so the QP is then solved
 * densely by quadprog, which needs a positive-definite Hessian: a column without a quadratic term gets a ridge of
 * 1e-9 × the largest diagonal entry (it moves the optimum by about that relative amount).
 *
 * @param qp the programme; not modified.
 * @returns `{ status: "optimal", x, objective }` (objective `cᵀx + ½ xᵀQx`), `{ status: "infeasible" }` or
 *   `{ status: "unbounded" }`.
 * @throws InputError when the shapes disagree or `method` is unknown.
 * @throws NumericalError SOLVER_FAILED when HiGHS fails and the programme is too large for quadprog, or stops for
 *   another reason.
 * @example
 * ```ts
 * // min ½(x₀² + x₁²) − x₀ subject to x₀ + x₁ = 1, 0 ≤ x ≤ 1
 * const r = await solveQuadraticProgramWithHighs({
 *   c: Float64Array.of(-1, 0), lower: Float64Array.of(0, 0), upper: Float64Array.of(1, 1),
 *   rows: { starts: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, 1) },
 *   rowLower: Float64Array.of(1), rowUpper: Float64Array.of(1),
 *   hessian: { starts: Int32Array.of(0, 1, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, 1) },
 * });
 * // => { status: "optimal", x: ≈ [1, 0], objective: ≈ -0.5 }
 * ```
 */
export async function solveQuadraticProgramWithHighs(qp: SparseQuadraticProgram, options: HighsQuadraticOptions = {}): Promise<LinearProgramResult> {
  const caller = "solveQuadraticProgramWithHighs";
  const n = checkQuadratic(qp, caller);
  const method = options.method ?? "highs";
  if (method !== "highs" && method !== "dense") {
    throw new InputError("UNKNOWN_METHOD", `${caller}: unknown method ${String(method)}; choose "highs" or "dense"`, { method });
  }
  const denseLimit = options.denseLimit ?? DENSE_QP_LIMIT;
  if (method === "dense") return solveDensely(qp, n);
  const highs = await (options.runtime ?? loadHighs());
  const shifted = shiftToZeroLower(qp, n);
  const model = highsModel(highs, { ...shifted, rows: qp.rows }, caller, { hessian: qp.hessian, options: { time_limit: 600 } });
  try {
    const status = highs.constants.modelStatus;
    let modelStatus: number;
    try {
      modelStatus = model.run().modelStatus;
    } catch (error) {
      if (n <= denseLimit) return solveDensely(qp, n);
      throw new NumericalError("SOLVER_FAILED", `${caller}: HiGHS failed (${String(error)}) on ${n} columns, too many to solve densely (at most ${denseLimit}); rescale the programme or loosen its bounds`, { columns: n, denseLimit }, { cause: error });
    }
    if (modelStatus === status.optimal) {
      const x = Float64Array.from(model.getSolution().colValue, (v, j) => v + (shifted.shift[j] as number));
      return { status: "optimal", x, objective: quadraticObjective(qp, x) };
    }
    if (modelStatus === status.infeasible) return { status: "infeasible" };
    if (modelStatus === status.unbounded) return { status: "unbounded" };
    throw new NumericalError("SOLVER_FAILED", `${caller}: HiGHS stopped with model status ${modelStatus}; give every column finite bounds or rescale the programme`, { modelStatus });
  } finally {
    model.dispose();
  }
}

function checkQuadratic(qp: SparseQuadraticProgram, caller: string): number {
  const n = qp.c.length;
  const { starts, indices, values } = qp.hessian;
  if (qp.lower.length !== n || qp.upper.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: ${n} costs but ${qp.lower.length} lower and ${qp.upper.length} upper bounds; give one of each per column`, {});
  }
  if (qp.rowLower.length !== qp.rowUpper.length || qp.rows.starts.length !== qp.rowLower.length + 1) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: ${qp.rows.starts.length - 1} rows but ${qp.rowLower.length} lower and ${qp.rowUpper.length} upper row bounds`, {});
  }
  if (starts.length !== n + 1 || indices.length !== values.length || starts[n] !== indices.length) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: the Hessian needs ${n + 1} column starts and one value per index; got ${starts.length} starts, ${indices.length} indices, ${values.length} values`, {});
  }
  for (let j = 0; j < n; j++) {
    for (let k = starts[j] as number; k < (starts[j + 1] as number); k++) {
      const i = indices[k] as number;
      if (!(i >= j && i < n) || !Number.isFinite(values[k] as number)) {
        throw new InputError("BAD_HESSIAN", `${caller}: Hessian entry (${i}, ${j}) = ${values[k]} is not a finite entry of the lower triangle; give rows i ≥ j < ${n}`, { row: i, column: j });
      }
    }
  }
  return n;
}

/** The programme in `x − lower` for the columns whose lower bound is finite and not 0 (HiGHS's QP needs 0 or −∞). */
function shiftToZeroLower(qp: SparseQuadraticProgram, n: number): { shift: Float64Array; c: Float64Array; lower: Float64Array; upper: Float64Array; rowLower: Float64Array; rowUpper: Float64Array } {
  const shift = Float64Array.from(qp.lower, (v) => (Number.isFinite(v) ? v : 0));
  const c = Float64Array.from(qp.c);
  const lower = Float64Array.from(qp.lower, (v, j) => v - (shift[j] as number));
  const upper = Float64Array.from(qp.upper, (v, j) => v - (shift[j] as number));
  const rowLower = Float64Array.from(qp.rowLower);
  const rowUpper = Float64Array.from(qp.rowUpper);
  if (!shift.some((v) => v !== 0)) return { shift, c, lower, upper, rowLower, rowUpper };
  const { starts, indices, values } = qp.rows;
  for (let i = 0; i < rowLower.length; i++) {
    let moved = 0;
    for (let k = starts[i] as number; k < (starts[i + 1] as number); k++) moved += (values[k] as number) * (shift[indices[k] as number] as number);
    rowLower[i] = (rowLower[i] as number) - moved;
    rowUpper[i] = (rowUpper[i] as number) - moved;
  }
  const h = qp.hessian;
  for (let j = 0; j < n; j++) {
    for (let k = h.starts[j] as number; k < (h.starts[j + 1] as number); k++) {
      const i = h.indices[k] as number;
      const v = h.values[k] as number;
      c[i] = (c[i] as number) + v * (shift[j] as number);
      if (i !== j) c[j] = (c[j] as number) + v * (shift[i] as number);
    }
  }
  return { shift, c, lower, upper, rowLower, rowUpper };
}

/** `cᵀx + ½ xᵀQx` with `Q` from its lower triangle. */
function quadraticObjective(qp: SparseQuadraticProgram, x: Float64Array): number {
  let value = 0;
  for (let j = 0; j < x.length; j++) value += (qp.c[j] as number) * (x[j] as number);
  const h = qp.hessian;
  for (let j = 0; j < x.length; j++) {
    for (let k = h.starts[j] as number; k < (h.starts[j + 1] as number); k++) {
      const i = h.indices[k] as number;
      const v = (h.values[k] as number) * (x[i] as number) * (x[j] as number);
      value += i === j ? 0.5 * v : v;
    }
  }
  return value;
}

/** The QP solved densely by quadprog: rows and finite bounds as inequalities, a ridge on zero diagonal entries. */
function solveDensely(qp: SparseQuadraticProgram, n: number): LinearProgramResult {
  const Q = new Float64Array(n * n);
  const h = qp.hessian;
  for (let j = 0; j < n; j++) {
    for (let k = h.starts[j] as number; k < (h.starts[j + 1] as number); k++) {
      const i = h.indices[k] as number;
      Q[i * n + j] = (Q[i * n + j] as number) + (h.values[k] as number);
      if (i !== j) Q[j * n + i] = (Q[j * n + i] as number) + (h.values[k] as number);
    }
  }
  let top = 0;
  for (let j = 0; j < n; j++) top = Math.max(top, Q[j * n + j] as number);
  for (let j = 0; j < n; j++) if (!((Q[j * n + j] as number) > 0)) Q[j * n + j] = 1e-9 * (top || 1);
  const eq: number[] = [];
  const beq: number[] = [];
  const ineq: number[] = [];
  const bineq: number[] = [];
  const { starts, indices, values } = qp.rows;
  for (let i = 0; i < qp.rowLower.length; i++) {
    const lo = qp.rowLower[i] as number;
    const hi = qp.rowUpper[i] as number;
    const row = new Array<number>(n).fill(0);
    for (let k = starts[i] as number; k < (starts[i + 1] as number); k++) row[indices[k] as number] = values[k] as number;
    if (lo === hi) {
      eq.push(...row);
      beq.push(lo);
      continue;
    }
    if (Number.isFinite(hi)) {
      ineq.push(...row);
      bineq.push(hi);
    }
    if (Number.isFinite(lo)) {
      ineq.push(...row.map((v) => -v));
      bineq.push(-lo);
    }
  }
  for (let j = 0; j < n; j++) {
    const unit = (v: number) => Array.from({ length: n }, (_, k) => (k === j ? v : 0));
    if (Number.isFinite(qp.upper[j] as number)) {
      ineq.push(...unit(1));
      bineq.push(qp.upper[j] as number);
    }
    if (Number.isFinite(qp.lower[j] as number)) {
      ineq.push(...unit(-1));
      bineq.push(-(qp.lower[j] as number));
    }
  }
  try {
    const { x } = solveQuadraticProgram({
      Q,
      c: Float64Array.from(qp.c),
      ...(beq.length > 0 ? { Aeq: Float64Array.from(eq), beq: Float64Array.from(beq) } : {}),
      ...(bineq.length > 0 ? { Aineq: Float64Array.from(ineq), bineq: Float64Array.from(bineq) } : {}),
    });
    return { status: "optimal", x, objective: quadraticObjective(qp, x) };
  } catch (error) {
    if (error instanceof InfeasibleError) return { status: "infeasible" };
    throw error;
  }
}
