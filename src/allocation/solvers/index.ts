/** Numerical solvers behind the optimisers, with typed 0-based interfaces. */
export { solveQuadraticProgram, QP_FEASIBILITY_TOLERANCE } from "./quadprog-solver";
export type { QuadraticProgram, QuadraticProgramSolution } from "./quadprog-solver";
