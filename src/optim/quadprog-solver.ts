/**
 * A typed, 0-based quadratic-programming interface over the `quadprog` package (Goldfarb–Idnani
 * dual active-set method, a port of R's quadprog). The only file that touches `quadprog`'s 1-based arrays.
 */
import quadprog from "quadprog";
import { InfeasibleError, InputError, NumericalError } from "../core/index";
import { tryCholesky } from "../linalg/index";

/**
 * A convex quadratic program on `n` variables:
 *
 * minimise `½ xᵀQx + cᵀx` subject to `Aeq·x = beq` and `Aineq·x ≤ bineq`.
 *
 * All matrices are row-major `Float64Array`s (one constraint per row).
 */
export interface QuadraticProgram {
  /** `n × n` symmetric **positive-definite** matrix (strictly: add a small ridge to a semidefinite one). */
  readonly Q: Float64Array;
  /** Linear term, length `n`. Default zeros. */
  readonly c?: Float64Array;
  /** Equality constraints, `mEq × n`. */
  readonly Aeq?: Float64Array;
  /** Right-hand side of the equalities, length `mEq`. */
  readonly beq?: Float64Array;
  /** Inequality constraints `Aineq·x ≤ bineq`, `mIneq × n`. */
  readonly Aineq?: Float64Array;
  /** Right-hand side of the inequalities, length `mIneq`. */
  readonly bineq?: Float64Array;
}

/** The solution of a {@link QuadraticProgram}. */
export interface QuadraticProgramSolution {
  /** The minimiser, length `n`. */
  readonly x: Float64Array;
  /** The objective `½ xᵀQx + cᵀx` at `x`. */
  readonly objective: number;
  /** Active-set iterations taken by the solver. */
  readonly iterations: number;
  /**
   * Lagrange multipliers of the equalities, length `mEq`, signed so that at the solution
   * `Qx + c + Aeqᵀ·multipliersEq + Aineqᵀ·multipliersIneq = 0`.
   */
  readonly multipliersEq: Float64Array;
  /** Lagrange multipliers of the inequalities `Aineq·x ≤ bineq`, length `mIneq`, each ≥ 0 (0 when inactive). */
  readonly multipliersIneq: Float64Array;
}

/** Absolute feasibility tolerance, scaled by `1 + |b|`, used to verify the returned point. */
export const QP_FEASIBILITY_TOLERANCE = 1e-8;

/**
 * Solves a strictly convex quadratic program with linear equality and inequality constraints.
 *
 * Wraps `quadprog.solveQP` (which wants 1-based arrays, D positive definite, and constraints
 * `Aᵀb ≥ b0` with equalities first): this function builds fresh copies, so inputs are never modified,
 * and verifies that the returned point satisfies every constraint.
 *
 * @param problem `{ Q, c, Aeq, beq, Aineq, bineq }`, see {@link QuadraticProgram}.
 * @returns `{ x, objective, iterations, multipliersEq, multipliersIneq }`.
 * @throws InputError when shapes disagree (`Q` not square, `c`, `Aeq`/`beq` or `Aineq`/`bineq` of the wrong length)
 *   or an input is not finite.
 * @throws InfeasibleError when quadprog finds the constraints inconsistent.
 * @throws NumericalError when `Q` is not positive definite (add a ridge), or the returned point is not finite
 *   or violates a constraint by more than {@link QP_FEASIBILITY_TOLERANCE}.
 *
 * @example
 * ```ts
 * // minimise x₀² + x₁² subject to x₀ + x₁ = 1, x₀ ≤ 0.3
 * solveQuadraticProgram({ Q: Float64Array.of(2, 0, 0, 2), Aeq: Float64Array.of(1, 1), beq: Float64Array.of(1),
 *   Aineq: Float64Array.of(1, 0), bineq: Float64Array.of(0.3) }).x; // => ≈ Float64Array [0.3, 0.7]
 * ```
 */
export function solveQuadraticProgram(problem: QuadraticProgram): QuadraticProgramSolution {
  const caller = "solveQuadraticProgram";
  const n = Math.round(Math.sqrt(problem.Q.length));
  if (n === 0 || n * n !== problem.Q.length) {
    throw new InputError("NOT_SQUARE", `${caller}: Q has ${problem.Q.length} values, not a non-empty square; pass an n × n row-major matrix`, {
      length: problem.Q.length,
    });
  }
  const c = problem.c ?? new Float64Array(n);
  if (c.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: c has length ${c.length} but Q is ${n} × ${n}; pass one linear coefficient per variable`, {
      n,
      length: c.length,
    });
  }
  const eq = constraintBlock(problem.Aeq, problem.beq, n, "Aeq", "beq");
  const ineq = constraintBlock(problem.Aineq, problem.bineq, n, "Aineq", "bineq");
  requireFinite(problem.Q, "Q");
  requireFinite(c, "c");

  const mEq = eq.rows;
  const mIneq = ineq.rows;
  // quadprog needs at least one constraint column; a zero row `0·x ≥ −1` is always satisfied.
  const q = Math.max(mEq + mIneq, 1);

  // quadprog's own Cholesky factorisation and inversion (LINPACK dpofa/dpori on arrays of rows, column
  // order) dominate its run time beyond ~100 variables; factorise here on contiguous rows and hand it
  // R⁻¹ (D = RᵀR, R = Lᵀ, so R⁻¹ = (L⁻¹)ᵀ) with quadprog's `factorized` flag — 5–10× faster at 500 variables.
  const L = tryCholesky(problem.Q, n);
  if (L === null) {
    throw new NumericalError(
      "NOT_POSITIVE_DEFINITE",
      `${caller}: Q is not positive definite; repair a covariance with riskModels.fixNonpositiveSemidefinite and add a small ridge (e.g. 1e-10) to the diagonal`,
      {},
    );
  }
  const Linv = invertLowerTriangular(L, n);

  // 1-based copies. Index 0 of every array is an unused 0 to keep the arrays packed.
  const Dmat: Float64Array[] = [new Float64Array(0)];
  const Amat: Float64Array[] = [new Float64Array(0)];
  const dvec = new Float64Array(n + 1);
  const bvec = new Float64Array(q + 1);
  for (let i = 1; i <= n; i++) {
    const row = new Float64Array(n + 1); // Dmat[i][j] = (R⁻¹)ᵢⱼ = (L⁻¹)ⱼᵢ for i ≤ j, zero below
    for (let j = i; j <= n; j++) row[j] = Linv[(j - 1) * n + (i - 1)]!;
    Dmat.push(row);
    dvec[i] = -c[i - 1]!; // quadprog minimises −dᵀx + ½xᵀDx
    const column = new Float64Array(q + 1); // Amat[i][k]: coefficient of variable i in constraint k
    for (let k = 0; k < mEq; k++) column[k + 1] = eq.A[k * n + (i - 1)]!;
    for (let k = 0; k < mIneq; k++) column[mEq + k + 1] = -ineq.A[k * n + (i - 1)]!; // Ax ≤ b  ⇔  −Ax ≥ −b
    Amat.push(column);
  }
  for (let k = 0; k < mEq; k++) bvec[k + 1] = eq.b[k]!;
  for (let k = 0; k < mIneq; k++) bvec[mEq + k + 1] = -ineq.b[k]!;
  if (mEq + mIneq === 0) bvec[1] = -1;

  const result = quadprog.solveQP(Dmat, dvec, Amat, bvec, mEq, [0, 1]);
  if (result.message !== "") {
    if (result.message.includes("inconsistent")) {
      throw new InfeasibleError(
        "INCONSISTENT_CONSTRAINTS",
        `${caller}: the constraints have no common solution (quadprog: "${result.message}"); relax a bound or remove a constraint`,
        { solverMessage: result.message },
      );
    }
    if (result.message.includes("positive definite")) {
      throw new NumericalError(
        "NOT_POSITIVE_DEFINITE",
        `${caller}: Q is not positive definite (quadprog: "${result.message}"); repair a covariance with riskModels.fixNonpositiveSemidefinite and add a small ridge (e.g. 1e-10) to the diagonal`,
        { solverMessage: result.message },
      );
    }
    throw new NumericalError("SOLVER_FAILED", `${caller}: quadprog failed: ${result.message}`, { solverMessage: result.message });
  }

  const solution = result.solution!;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = solution[i + 1]!;
    if (!Number.isFinite(xi)) {
      throw new NumericalError("NON_FINITE_SOLUTION", `${caller}: quadprog returned ${xi} for variable ${i}; check the scaling of Q and the constraints`, {
        index: i,
      });
    }
    x[i] = xi;
  }
  verifyFeasible(x, eq, ineq, n, caller);

  let objective = 0;
  for (let i = 0; i < n; i++) {
    let qx = 0;
    for (let j = 0; j < n; j++) qx += problem.Q[i * n + j]! * x[j]!;
    objective += x[i]! * (0.5 * qx + c[i]!);
  }
  // quadprog's multipliers λ satisfy Qx + c = Σₖ λₖ·aₖ over its `Aᵀx ≥ b` columns: equality columns are
  // Aeq rows (so ours are −λ), inequality columns are −Aineq rows (so ours are +λ ≥ 0).
  const lagrangian = result.Lagrangian ?? [];
  const multipliersEq = new Float64Array(mEq);
  const multipliersIneq = new Float64Array(mIneq);
  for (let k = 0; k < mEq; k++) {
    // quadprog negates an equality column (in Amat, our copy) when it starts violated, so its multiplier then
    // refers to −aₖ: detect the flip on the largest coefficient.
    let j = 0;
    for (let i = 1; i < n; i++) if (Math.abs(eq.A[k * n + i]!) > Math.abs(eq.A[k * n + j]!)) j = i;
    const flipped = eq.A[k * n + j]! !== 0 && Math.sign(Amat[j + 1]![k + 1]!) !== Math.sign(eq.A[k * n + j]!);
    multipliersEq[k] = (flipped ? 1 : -1) * (lagrangian[k + 1] ?? 0);
  }
  for (let k = 0; k < mIneq; k++) multipliersIneq[k] = lagrangian[mEq + k + 1] ?? 0;
  return { x, objective, iterations: result.iterations?.[1] ?? 0, multipliersEq, multipliersIneq };
}

interface ConstraintBlock {
  readonly A: Float64Array;
  readonly b: Float64Array;
  readonly rows: number;
}

function constraintBlock(A: Float64Array | undefined, b: Float64Array | undefined, n: number, nameA: string, nameB: string): ConstraintBlock {
  const caller = "solveQuadraticProgram";
  const matrix = A ?? new Float64Array(0);
  const rhs = b ?? new Float64Array(0);
  if (matrix.length % n !== 0) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: ${nameA} has ${matrix.length} values, not a multiple of n = ${n}; pass one row of n coefficients per constraint`, {
      length: matrix.length,
      n,
    });
  }
  const rows = matrix.length / n;
  if (rhs.length !== rows) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: ${nameA} has ${rows} rows but ${nameB} has ${rhs.length} values; pass one right-hand side per constraint`, {
      rows,
      length: rhs.length,
    });
  }
  requireFinite(matrix, nameA);
  requireFinite(rhs, nameB);
  return { A: matrix, b: rhs, rows };
}

function requireFinite(values: Float64Array, name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw new InputError("NON_FINITE_VALUE", `solveQuadraticProgram: ${name}[${i}] is ${values[i]}; every coefficient must be finite`, {
        name,
        index: i,
        value: values[i],
      });
    }
  }
}

function verifyFeasible(x: Float64Array, eq: ConstraintBlock, ineq: ConstraintBlock, n: number, caller: string): void {
  const check = (block: ConstraintBlock, kind: "equality" | "inequality") => {
    for (let k = 0; k < block.rows; k++) {
      let ax = 0;
      for (let i = 0; i < n; i++) ax += block.A[k * n + i]! * x[i]!;
      const residual = ax - block.b[k]!;
      const violation = kind === "equality" ? Math.abs(residual) : residual;
      if (violation > QP_FEASIBILITY_TOLERANCE * (1 + Math.abs(block.b[k]!))) {
        throw new NumericalError(
          "CONSTRAINT_VIOLATED",
          `${caller}: the solver's point violates ${kind} ${k} by ${violation}; the problem is probably badly scaled or nearly infeasible`,
          { kind, index: k, violation },
        );
      }
    }
  };
  check(eq, "equality");
  check(ineq, "inequality");
}

/** The inverse of a lower-triangular row-major `n × n` matrix with a positive diagonal (row by row, contiguous). */
function invertLowerTriangular(L: Float64Array, n: number): Float64Array {
  const X = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    // Row i of X = (eᵢ − Σ_{k<i} Lᵢₖ·Xₖ) / Lᵢᵢ, where row k of X is zero beyond column k.
    for (let k = 0; k < i; k++) {
      const a = L[rowI + k]!;
      if (a === 0) continue;
      const rowK = k * n;
      for (let j = 0; j <= k; j++) X[rowI + j] = X[rowI + j]! - a * X[rowK + j]!;
    }
    const inverse = 1 / L[rowI + i]!;
    for (let j = 0; j < i; j++) X[rowI + j] = X[rowI + j]! * inverse;
    X[rowI + i] = inverse;
  }
  return X;
}
