/**
 * Types for `quadprog` 1.6.1 (a JavaScript port of R's quadprog, Goldfarb–Idnani dual method),
 * which ships none.
 *
 * Every array is **1-based** (index 0 is ignored), as in the Fortran original.
 * Solves: minimise `-dvecᵀ b + ½ bᵀ Dmat b` subject to `Amatᵀ b >= bvec`, where the first
 * `meq` constraints are equalities. `Dmat` must be symmetric positive definite.
 * The solver overwrites `Dmat`, `dvec`, `Amat` and `bvec`: pass copies.
 *
 * Use it through `src/optim/quadprog-solver.ts`, never directly.
 */
declare module "quadprog" {
  /** A 1-based vector: index 0 is ignored. */
  export type OneBasedVector = ArrayLike<number> & { [index: number]: number; length: number };
  /** A 1-based matrix: `m[i][j]` for `i, j ≥ 1`; row 0 is ignored. */
  export type OneBasedMatrix = ArrayLike<OneBasedVector> & { length: number };

  export interface SolveQPResult {
    /** 1-based solution vector, length `n + 1`. Absent when `message` reports an input error. */
    solution?: number[];
    /** 1-based Lagrange multipliers, one per constraint. */
    Lagrangian?: number[];
    /** `value[1]` is the objective `-dᵀb + ½bᵀDb` at the solution. */
    value?: number[];
    /** 1-based unconstrained minimiser (the overwritten `dvec`). */
    unconstrained_solution?: OneBasedVector;
    /** `iterations[1]`: iterations; `iterations[2]`: constraints dropped after becoming active. */
    iterations?: number[];
    /** 1-based indices of the active constraints at the solution (0 = unused slot). */
    iact?: number[];
    /** Empty on success; otherwise e.g. "constraints are inconsistent, no solution!". */
    message: string;
  }

  /**
   * @param Dmat n×n symmetric positive-definite matrix, 1-based.
   * @param dvec length-n vector, 1-based.
   * @param Amat n×q constraint matrix (one constraint per column), 1-based.
   * @param bvec length-q right-hand side, 1-based.
   * @param meq the first `meq` constraints are equalities (default 0).
   * @param factorized `[0, 0]` (default): `Dmat` is D; `[0, 1]`: `Dmat` holds R⁻¹ with D = RᵀR.
   *   Element 1 is overwritten with an error flag (1 = inconsistent constraints, 2 = D not positive definite).
   */
  export function solveQP(
    Dmat: OneBasedMatrix,
    dvec: OneBasedVector,
    Amat: OneBasedMatrix,
    bvec?: OneBasedVector,
    meq?: number,
    factorized?: number[],
  ): SolveQPResult;
}
