/**
 * Each asset's share of portfolio variance (risk contributions), a pure measure.
 */
import { InputError } from "../../core/errors";
import type { LabelledMatrix, LabelledVector } from "../../core/frame";
import { checkCovariance } from "../validation/check-covariance";
import { checkSameLabels } from "../validation/check-same-labels";

/**
 * Relative risk contributions `RCᵢ = wᵢ(Σw)ᵢ / (wᵀΣw)`: each asset's share of the portfolio variance (they sum
 * to 1; for long-only weights and a positive covariance each is ≥ 0). Risk budgeting targets them.
 *
 * @param weights portfolio weights labelled by ticker, length `n`.
 * @param cov covariance `n × n`, same labels and order (any scale).
 * @returns contributions labelled like `weights`, summing to 1.
 * @throws InputError when labels differ, a weight is not finite, or the portfolio variance is not positive.
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * riskContributions({ labels, values: Float64Array.of(0.5, 0.5) }, { labels, values: Float64Array.of(0.01, 0, 0, 0.04) }).values;
 * // => Float64Array [0.2, 0.8]
 * ```
 */
export function riskContributions(weights: LabelledVector, cov: LabelledMatrix): LabelledVector {
  const caller = "riskContributions";
  const n = checkCovariance(cov, caller);
  checkSameLabels(caller, ["weights", weights.labels], ["cov", cov.labels]);
  const w = weights.values;
  const out = new Float64Array(n);
  let variance = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(w[i]!)) {
      throw new InputError("NON_FINITE_WEIGHT", `${caller}: weight of ${weights.labels[i]} is ${w[i]}; weights must be finite`, { label: weights.labels[i] });
    }
    let row = 0;
    for (let j = 0; j < n; j++) row += cov.values[i * n + j]! * w[j]!;
    out[i] = w[i]! * row;
    variance += out[i]!;
  }
  if (!(variance > 0)) {
    throw new InputError("ZERO_VARIANCE", `${caller}: the portfolio variance is ${variance}; risk contributions need a portfolio with positive variance`, { variance });
  }
  for (let i = 0; i < n; i++) out[i] = out[i]! / variance;
  return { labels: [...weights.labels], values: out };
}
