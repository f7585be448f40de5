/**
 * Correlation matrix from a covariance matrix, as PyPortfolioOpt's `risk_models.cov_to_corr`.
 */
import { InputError } from "../../core/index";
import type { LabelledMatrix } from "../../core/index";
import { checkCovariance } from "../../linalg/index";

/**
 * Correlation matrix `D⁻¹·S·D⁻¹` with `D = diag(√Sᵢᵢ)`: `ρᵢⱼ = Sᵢⱼ / (σᵢσⱼ)`. Unitless; the diagonal is 1 to rounding
 * (not forced), as PyPortfolioOpt's `cov_to_corr`. Annualised or not, the result is the same.
 *
 * @param cov covariance, `n × n` labelled by ticker (any units, e.g. annualised).
 * @returns a new correlation matrix with the same labels.
 * @throws InputError when the covariance is malformed (see `checkCovariance`) or a variance is 0 (the message names
 *   the ticker: its correlations are undefined).
 *
 * @example
 * ```ts
 * covarianceToCorrelation({ labels: ["A", "B"], values: Float64Array.from([0.04, 0.006, 0.006, 0.09]) }).values;
 * // => ≈ Float64Array [1, 0.1, 0.1, 1]
 * ```
 */
export function covarianceToCorrelation(cov: LabelledMatrix): LabelledMatrix {
  const caller = "covarianceToCorrelation";
  const n = checkCovariance(cov, caller);
  const inverseStd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const variance = cov.values[i * n + i]!;
    if (!(variance > 0)) {
      throw new InputError(
        "ZERO_VARIANCE",
        `${caller}: variance of ${cov.labels[i]} is ${variance}, so its correlations are undefined; drop the asset (a constant price?)`,
        { label: cov.labels[i], value: variance },
      );
    }
    inverseStd[i] = 1 / Math.sqrt(variance);
  }
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) values[i * n + j] = inverseStd[i]! * (cov.values[i * n + j]! * inverseStd[j]!);
  }
  return { labels: [...cov.labels], values };
}
