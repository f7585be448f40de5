/** Input checks shared by the allocation layer; each throws a typed error naming the bad input. */
export { checkDateTable } from "./check-date-table";
export { checkFrequency } from "./check-frequency";
export { checkCovariance, SYMMETRY_TOLERANCE } from "./check-covariance";
export { checkSameLabels } from "./check-same-labels";
export { checkPositiveSemidefinite } from "./check-positive-semidefinite";
