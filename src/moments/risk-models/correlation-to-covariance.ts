/**
 * Covariance matrix from a correlation matrix and standard deviations, as PyPortfolioOpt's `risk_models.corr_to_cov`.
 */
import { InputError } from "../../core/index";
import type { LabelledMatrix, LabelledVector } from "../../core/index";
import { checkCovariance } from "../../linalg/index";
import { checkSameLabels } from "../../core/index";

/** How far a correlation's diagonal may be from 1, and its entries beyond ±1, before it is rejected. */
const CORRELATION_TOLERANCE = 1e-8;

/**
 * Covariance `Sᵢⱼ = ρᵢⱼ·σᵢ·σⱼ` (PyPortfolioOpt's `corr_matrix * np.outer(stdevs, stdevs)`), in the squared units of the
 * standard deviations (annual volatilities give an annual covariance).
 *
 * @param corr correlation matrix, `n × n` labelled by ticker: symmetric, diagonal 1 and entries in [−1, 1] (to 1e-8).
 * @param stdevs standard deviations (e.g. annual volatilities, fractions), labelled in the same order, non-negative.
 * @returns a new covariance matrix with the same labels.
 * @throws InputError when the correlation is malformed or not a correlation (naming the cell), the labels differ
 *   (naming the first mismatch), or a standard deviation is negative or not finite (naming the ticker).
 *
 * @example
 * ```ts
 * const corr = { labels: ["A", "B"], values: Float64Array.from([1, 0.1, 0.1, 1]) };
 * correlationToCovariance(corr, { labels: ["A", "B"], values: Float64Array.from([0.2, 0.3]) }).values;
 * // => ≈ Float64Array [0.04, 0.006, 0.006, 0.09]
 * ```
 */
export function correlationToCovariance(corr: LabelledMatrix, stdevs: LabelledVector): LabelledMatrix {
  const caller = "correlationToCovariance";
  const n = checkCovariance(corr, caller);
  checkSameLabels(caller, ["stdevs", stdevs.labels], ["corr", corr.labels]);
  if (stdevs.values.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: stdevs has ${n} labels but ${stdevs.values.length} values; pass one value per label`, {
      nLabels: n,
      nValues: stdevs.values.length,
    });
  }
  for (let i = 0; i < n; i++) {
    const sd = stdevs.values[i]!;
    if (!Number.isFinite(sd) || sd < 0) {
      throw new InputError(
        "BAD_STANDARD_DEVIATION",
        `${caller}: standard deviation of ${stdevs.labels[i]} is ${sd}; pass a finite volatility ≥ 0`,
        { label: stdevs.labels[i], value: sd },
      );
    }
    for (let j = 0; j < n; j++) {
      const rho = corr.values[i * n + j]!;
      const bad = i === j ? Math.abs(rho - 1) > CORRELATION_TOLERANCE : Math.abs(rho) > 1 + CORRELATION_TOLERANCE;
      if (bad) {
        throw new InputError(
          "NOT_A_CORRELATION",
          `${caller}: corr(${corr.labels[i]}, ${corr.labels[j]}) is ${rho}; a correlation matrix has 1 on its diagonal and entries in [−1, 1] — did you pass a covariance?`,
          { row: corr.labels[i], column: corr.labels[j], value: rho },
        );
      }
    }
  }
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) values[i * n + j] = corr.values[i * n + j]! * (stdevs.values[i]! * stdevs.values[j]!);
  }
  return { labels: [...corr.labels], values };
}
