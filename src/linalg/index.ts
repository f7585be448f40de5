/** Dense linear algebra on row-major `Float64Array` matrices, for the allocation layer. */
export { symmetricEigen } from "./symmetric-eigen";
export type { SymmetricEigen } from "./symmetric-eigen";
export { cholesky, tryCholesky } from "./cholesky";
export { forwardSubstitution, transposedBackSubstitution, choleskySolve } from "./triangular-solve";
export { wasmCrossProduct, startCrossProductWorkers, stopCrossProductWorkers, crossProductWorkerThreads, PARALLEL_THRESHOLD, ROW_CHUNK } from "./wasm-cross-product";
export type { WasmCrossProductOptions } from "./wasm-cross-product";
export { crossProductKernelBytes, crossProductKernelModule, wasmSimdSupported } from "./cross-product-kernel";
export { symmetricTimesVector } from "./symmetric-times-vector";
export { solveSymmetricSystem } from "./solve-symmetric-system";
export type { LinearSolution } from "./solve-symmetric-system";
export { checkColumnMajor } from "./check-column-major";
export { checkCovariance, SYMMETRY_TOLERANCE } from "./check-covariance";
export { checkPositiveSemidefinite } from "./check-positive-semidefinite";
export { wasmCrossPanels } from "./wasm-cross-product";
export type { ColumnPanelWriter } from "./wasm-cross-product";
export { FunctionBuilder, wasmModule } from "./wasm-emitter";
