/**
 * Checks of a covariance matrix handed to a risk model, an optimiser or a performance measure.
 */
import { InputError } from "../core/index";
import type { LabelledMatrix } from "../core/index";

/** Relative tolerance of the symmetry check: |Sᵢⱼ − Sⱼᵢ| ≤ 1e-10 · max |Sₖₗ|. */
export const SYMMETRY_TOLERANCE = 1e-10;

/**
 * Checks that a labelled covariance matrix is square, finite, symmetric (to a relative 1e-10) and
 * has non-negative variances, with unique labels. It does **not** test positive semidefiniteness
 * (see `riskModels.fixNonpositiveSemidefinite`).
 *
 * @param cov `n × n` row-major matrix labelled by ticker.
 * @param caller the public function name used to prefix error messages.
 * @param options `{ nonNegativeDiagonal = true }`: set `false` to accept negative diagonal entries
 *   (for a repair routine that takes any symmetric matrix).
 * @returns `n`, the number of assets.
 * @throws InputError naming the bad label, cell or shape and what to do.
 *
 * @example
 * ```ts
 * checkCovariance({ labels: ["A", "B"], values: Float64Array.of(0.04, 0.01, 0.01, 0.09) }, "minVolatility"); // => 2
 * checkCovariance({ labels: ["A", "B"], values: Float64Array.of(0.04, 0.01, 0.02, 0.09) }, "minVolatility");
 * // => throws InputError ASYMMETRIC_COVARIANCE
 * ```
 */
export function checkCovariance(
  cov: LabelledMatrix,
  caller: string,
  options: { readonly nonNegativeDiagonal?: boolean } = {},
): number {
  const nonNegativeDiagonal = options.nonNegativeDiagonal ?? true;
  const n = cov.labels.length;
  if (cov.values.length !== n * n) {
    throw new InputError(
      "NOT_SQUARE",
      `${caller}: covariance has ${n} labels but ${cov.values.length} values (a square matrix needs ${n * n}); pass an n × n row-major matrix with one label per row`,
      { nLabels: n, nValues: cov.values.length },
    );
  }
  if (n === 0) {
    throw new InputError("EMPTY_INPUT", `${caller}: covariance has no assets; pass at least one`, {});
  }
  const seen = new Set<string>();
  for (const label of cov.labels) {
    if (seen.has(label)) {
      throw new InputError("DUPLICATE_LABEL", `${caller}: covariance has label ${label} twice; give each asset a unique label`, { label });
    }
    seen.add(label);
  }
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = cov.values[i * n + j]!;
      if (!Number.isFinite(x)) {
        throw new InputError(
          "NON_FINITE_COVARIANCE",
          `${caller}: covariance(${cov.labels[i]}, ${cov.labels[j]}) is ${x}; every entry must be finite (a NaN usually means the pair has no overlapping observations: drop one of them or use a longer window)`,
          { row: cov.labels[i], column: cov.labels[j], value: x },
        );
      }
      maxAbs = Math.max(maxAbs, Math.abs(x));
    }
  }
  const tolerance = SYMMETRY_TOLERANCE * maxAbs;
  for (let i = 0; i < n; i++) {
    const variance = cov.values[i * n + i]!;
    if (nonNegativeDiagonal && variance < 0) {
      throw new InputError(
        "NEGATIVE_VARIANCE",
        `${caller}: variance of ${cov.labels[i]} is ${variance} < 0; a covariance matrix has a non-negative diagonal — check how it was built`,
        { label: cov.labels[i], value: variance },
      );
    }
    for (let j = 0; j < i; j++) {
      const upper = cov.values[j * n + i]!;
      const lower = cov.values[i * n + j]!;
      if (Math.abs(upper - lower) > tolerance) {
        throw new InputError(
          "ASYMMETRIC_COVARIANCE",
          `${caller}: covariance is not symmetric: (${cov.labels[j]}, ${cov.labels[i]}) = ${upper} but (${cov.labels[i]}, ${cov.labels[j]}) = ${lower}; pass a symmetric matrix, e.g. (S + Sᵀ) / 2`,
          { row: cov.labels[j], column: cov.labels[i], upper, lower },
        );
      }
    }
  }
  return n;
}
