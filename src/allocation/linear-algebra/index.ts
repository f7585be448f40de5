/** Dense linear algebra on row-major `Float64Array` matrices, for the allocation layer. */
export { symmetricEigen } from "./symmetric-eigen";
export type { SymmetricEigen } from "./symmetric-eigen";
export { cholesky, tryCholesky } from "./cholesky";
