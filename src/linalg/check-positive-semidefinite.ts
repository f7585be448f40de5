import { InputError } from "../core/index";
import type { LabelledMatrix } from "../core/index";
import { tryCholesky } from "./cholesky";
import { symmetricEigen } from "./symmetric-eigen";

/**
 * Throws unless a covariance matrix is positive semidefinite, within round-off: a Cholesky factorisation
 * of `S + 1e-10·mean(diag S)·I` succeeds, or else its smallest eigenvalue is at least `−1e-10·max|λ|`.
 * A pairwise covariance of returns with gaps can be indefinite; methods that assume a covariance
 * (HRP, risk budgeting) would then give plausible but wrong weights.
 *
 * @param cov symmetric `n × n` matrix (already shape-checked).
 * @param caller name used in the message.
 * @throws InputError NOT_POSITIVE_SEMIDEFINITE naming the smallest eigenvalue and the repair to use.
 * @example
 * ```ts
 * checkPositiveSemidefinite({ labels: ["A", "B"], values: Float64Array.from([1, 2, 2, 1]) }, "hrp");
 * // throws: "hrp: the covariance is not positive semidefinite (smallest eigenvalue -1); repair it with riskModels.fixNonpositiveSemidefinite …"
 * ```
 */
export function checkPositiveSemidefinite(cov: LabelledMatrix, caller: string): void {
  const n = cov.labels.length;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += cov.values[i * n + i]!;
  const jitter = (1e-10 * trace) / Math.max(1, n);
  const jittered = Float64Array.from(cov.values);
  for (let i = 0; i < n; i++) jittered[i * n + i] = jittered[i * n + i]! + jitter;
  if (tryCholesky(jittered, n) !== null) return;
  const { values } = symmetricEigen(cov.values, n);
  const smallest = values[0]!;
  const largest = Math.max(Math.abs(values[0]!), Math.abs(values[n - 1]!));
  if (smallest >= -1e-10 * largest) return;
  throw new InputError(
    "NOT_POSITIVE_SEMIDEFINITE",
    `${caller}: the covariance is not positive semidefinite (smallest eigenvalue ${smallest.toPrecision(3)}); repair it with riskModels.fixNonpositiveSemidefinite (sampleCovariance does), or estimate it over dates where every asset trades`,
    { minEigenvalue: smallest },
  );
}
