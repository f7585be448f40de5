/** Numerical solvers behind the optimisers, with typed 0-based interfaces. */
export { solveQuadraticProgram, QP_FEASIBILITY_TOLERANCE } from "./quadprog-solver";
export type { QuadraticProgram, QuadraticProgramSolution } from "./quadprog-solver";
export { solveBoxBudgetQp, WORKING_SET_THRESHOLD } from "./box-budget-qp";
export type { BoxBudgetQuadraticProgram, BoxBudgetSolution } from "./box-budget-qp";
export { solveWorkingSetQp } from "./working-set-qp";
export type { BoundedQuadraticProgram, BoundedQuadraticProgramSolution } from "./working-set-qp";
export { solveLinearProgram, linearProgramShape } from "./linear-program";
export type { LinearProgram, LinearProgramResult } from "./linear-program";
export { solveLinearProgramWithHighs, loadHighs, openLinearProgram } from "./highs-linear-program";
export type { HighsOptions, LinearProgramAlgorithm, LinearProgramSession, SparseLinearProgram, SparseRows } from "./highs-linear-program";
export { solveQuadraticProgramWithHighs, DENSE_QP_LIMIT } from "./highs-quadratic-program";
export type { HighsQuadraticOptions, LowerTriangle, SparseQuadraticProgram } from "./highs-quadratic-program";
export { projectOntoHyperplaneBox } from "./project-onto-hyperplane-box";
export { projectedGradientGuess } from "./projected-gradient";
export { solveWithRidgeOnFailure, withRelativeRidge, FALLBACK_RIDGE } from "./ridge-on-failure";
export { solveInteriorPoint } from "./primal-dual-interior-point";
export type { InteriorPointProblem, InteriorPointOptions, InteriorPointSolution } from "./primal-dual-interior-point";
