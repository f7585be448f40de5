/**
 * Each asset's share of portfolio variance (risk contributions), a pure measure.
 */
import { InputError } from "../core/index";
import type { LabelledMatrix, LabelledVector, Weights } from "../core/index";
import { checkCovariance } from "../linalg/index";
import { checkSameLabels } from "../core/index";

/** Each asset's product `wᵢ(Σw)ᵢ` and their sum, the portfolio variance `wᵀΣw` (see {@link varianceContributions}). */
export interface VarianceContributions {
  /** `wᵢ(Σw)ᵢ` per asset, in the covariance's units (e.g. annual variance); they sum to `variance`. */
  readonly products: Float64Array;
  /** The portfolio variance `wᵀΣw` (> 0). */
  readonly variance: number;
}

/**
 * The variance of a portfolio split among its assets: `wᵢ(Σw)ᵢ` per asset and their sum `wᵀΣw`. Both
 * {@link riskContributions} (shares of variance) and the risk layer's `assetRiskContributions` (contributions to
 * volatility) are built on it.
 *
 * @param weights portfolio weights labelled by ticker, length `n`.
 * @param cov covariance `n × n`, same labels and order (any scale).
 * @param caller the public function name used to prefix error messages.
 * @returns `{ products, variance }`.
 * @throws InputError when labels differ, the lengths disagree, a weight is not finite, or the portfolio
 *   variance is not positive (ZERO_VOLATILITY).
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * varianceContributions({ labels, values: Float64Array.of(0.5, 0.5) }, { labels, values: Float64Array.of(0.01, 0, 0, 0.04) }, "f");
 * // => { products: Float64Array [0.0025, 0.01], variance: 0.0125 }
 * ```
 */
export function varianceContributions(weights: Weights, cov: LabelledMatrix, caller: string): VarianceContributions {
  const n = checkCovariance(cov, caller);
  checkSameLabels(caller, ["weights", weights.labels], ["cov", cov.labels]);
  const w = weights.values;
  if (w.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: weights have ${n} labels but ${w.length} values; pass one weight per label`, {});
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(w[i]!)) {
      throw new InputError("NON_FINITE_WEIGHT", `${caller}: weight of ${weights.labels[i]} is ${w[i]}; weights must be finite`, { label: weights.labels[i] });
    }
  }
  const products = new Float64Array(n);
  let variance = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += cov.values[i * n + j]! * w[j]!;
    products[i] = w[i]! * row;
    variance += products[i]!;
  }
  if (!(variance > 0)) {
    throw new InputError(
      "ZERO_VOLATILITY",
      `${caller}: the portfolio variance is ${variance}; risk contributions need a portfolio with positive volatility (all weights zero? a singular covariance?)`,
      { variance },
    );
  }
  return { products, variance };
}

/**
 * Relative risk contributions `RCᵢ = wᵢ(Σw)ᵢ / (wᵀΣw)`: each asset's share of the portfolio variance (they sum
 * to 1; for long-only weights and a positive covariance each is ≥ 0). Risk budgeting targets them.
 *
 * @param weights portfolio weights labelled by ticker, length `n`.
 * @param cov covariance `n × n`, same labels and order (any scale).
 * @returns contributions labelled like `weights`, summing to 1.
 * @throws InputError when labels differ, a weight is not finite, or the portfolio variance is not positive
 *   (ZERO_VOLATILITY); see {@link varianceContributions}.
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * riskContributions({ labels, values: Float64Array.of(0.5, 0.5) }, { labels, values: Float64Array.of(0.01, 0, 0, 0.04) }).values;
 * // => Float64Array [0.2, 0.8]
 * ```
 */
export function riskContributions(weights: Weights, cov: LabelledMatrix): LabelledVector {
  const { products, variance } = varianceContributions(weights, cov, "riskContributions");
  return { labels: [...weights.labels], values: products.map((p) => p / variance) };
}
