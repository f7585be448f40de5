/**
 * Spectral repair of a covariance matrix that is not positive semidefinite, as PyPortfolioOpt's
 * `risk_models.fix_nonpositive_semidefinite(matrix, fix_method="spectral")`.
 */
import type { LabelledMatrix } from "../../core/index";
import { tryCholesky } from "../../linalg/index";
import { symmetricEigen } from "../../linalg/index";
import { checkCovariance } from "../../linalg/index";

/** The jitter PyPortfolioOpt adds to the diagonal before its Cholesky test of semidefiniteness. */
export const PSD_TEST_JITTER = 1e-16;

/**
 * A covariance matrix that has been through {@link fixNonpositiveSemidefinite}.
 * It is a {@link LabelledMatrix}, so it can be passed wherever one is expected.
 */
export interface PsdRepairedMatrix extends LabelledMatrix {
  /**
   * `true` when the input failed the semidefiniteness test and was rebuilt with its negative
   * eigenvalues set to 0. PyPortfolioOpt emits a warning in that case ("The covariance matrix is
   * non positive semidefinite. Amending eigenvalues."); here the flag is that warning: check it.
   */
  readonly repaired: boolean;
  /** The smallest eigenvalue of the input when it was repaired (negative); `null` when no repair was needed. */
  readonly minEigenvalue: number | null;
}

/**
 * Makes a symmetric matrix positive semidefinite by spectral clipping, as PyPortfolioOpt does.
 *
 * Test: a Cholesky factorisation of `S + 1e-16·I` ({@link PSD_TEST_JITTER}). If it succeeds the matrix is
 * returned unchanged (copied, `repaired: false`). Otherwise `S = V·diag(λ)·Vᵀ` is rebuilt as
 * `V·diag(max(λ, 0))·Vᵀ` (exactly symmetric) and flagged `repaired: true`. The repaired matrix is
 * semidefinite but singular; an optimiser that needs strict definiteness must add a ridge.
 *
 * @param matrix symmetric `n × n` matrix labelled by ticker (units unchanged, e.g. annualised covariance).
 * @returns a new matrix, same labels and units, with the `repaired` flag and the input's smallest eigenvalue.
 * @throws InputError when the matrix is not square, holds NaN/±Infinity or is not symmetric (relative 1e-10).
 *
 * @example
 * ```ts
 * const fixed = fixNonpositiveSemidefinite({ labels: ["A", "B"], values: Float64Array.from([1, 2, 2, 1]) });
 * fixed.repaired;     // => true
 * fixed.minEigenvalue; // => ≈ -1
 * fixed.values;       // => ≈ Float64Array [1.5, 1.5, 1.5, 1.5]  (eigenvalues 3 and −1 → 3 and 0)
 * ```
 */
export function fixNonpositiveSemidefinite(matrix: LabelledMatrix): PsdRepairedMatrix {
  const n = checkCovariance(matrix, "fixNonpositiveSemidefinite", { nonNegativeDiagonal: false });
  const labels = [...matrix.labels];
  const jittered = Float64Array.from(matrix.values);
  for (let i = 0; i < n; i++) jittered[i * n + i] = jittered[i * n + i]! + PSD_TEST_JITTER;
  if (tryCholesky(jittered, n) !== null) {
    return { labels, values: Float64Array.from(matrix.values), repaired: false, minEigenvalue: null };
  }

  const { values: lambda, vectors } = symmetricEigen(matrix.values, n);
  // scaled[i, k] = V[i, k] · max(λ_k, 0); only the columns with λ_k > 0 contribute.
  const positive: number[] = [];
  for (let k = 0; k < n; k++) if (lambda[k]! > 0) positive.push(k);
  const p = positive.length;
  const vPos = new Float64Array(n * p);
  const scaled = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < p; c++) {
      const k = positive[c]!;
      const x = vectors[i * n + k]!;
      vPos[i * p + c] = x;
      scaled[i * p + c] = x * lambda[k]!;
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let c = 0; c < p; c++) s += scaled[i * p + c]! * vPos[j * p + c]!;
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return { labels, values: out, repaired: true, minEigenvalue: lambda[0]! };
}
