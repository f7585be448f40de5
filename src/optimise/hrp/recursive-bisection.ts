/**
 * HRP's recursive bisection of an ordered list of assets (López de Prado, 2016; PyPortfolioOpt's `_raw_hrp_allocation`).
 */
import { InputError } from "../../core/index";
import { riskBisection } from "./risk-bisection";

/**
 * Weights from HRP's recursive bisection: start with weight 1 on every asset and the whole `order` as one
 * cluster; split every cluster into its first and second halves (`⌊len/2⌋`); give the halves
 * `α = 1 − V₁/(V₁ + V₂)` and `1 − α` of their parent's weight, where `Vᵢ` is the variance of the half's
 * inverse-variance portfolio (`wⱼ ∝ 1/Σⱼⱼ`); repeat until every cluster is one asset. The halving follows the
 * ordered list (not the dendrogram), as in López de Prado's code and PyPortfolioOpt. The variance case of
 * {@link riskBisection}, with PyPortfolioOpt's checks.
 *
 * @param cov row-major `n × n` covariance (any scale: daily or annual give the same weights); positive diagonal.
 * @param order asset indices in dendrogram order (a permutation of `0…n−1`).
 * @returns weights per asset in the covariance's order, summing to 1, all > 0.
 * @throws InputError when `order` is not a permutation or a variance is not positive.
 *
 * @example
 * ```ts
 * // Two uncorrelated assets with variances 1 and 4: α = 1 − 1/5 → weights 0.8, 0.2
 * recursiveBisection(Float64Array.of(1, 0, 0, 4), [0, 1]); // => ≈ Float64Array [0.8, 0.2]
 * ```
 */
export function recursiveBisection(cov: Float64Array, order: readonly number[]): Float64Array {
  const n = order.length;
  const seen = new Uint8Array(n);
  for (const i of order) {
    if (!Number.isInteger(i) || i < 0 || i >= n || seen[i]) {
      throw new InputError("BAD_ORDER", `recursiveBisection: order must be a permutation of 0…${n - 1}; got ${order.slice(0, 10).join(", ")}`, {});
    }
    seen[i] = 1;
  }
  if (cov.length !== n * n) {
    throw new InputError("NOT_SQUARE", `recursiveBisection: covariance has ${cov.length} values for ${n} assets`, { n });
  }
  for (let i = 0; i < n; i++) {
    if (!(cov[i * n + i]! > 0)) {
      throw new InputError("NON_POSITIVE_VARIANCE", `recursiveBisection: variance of asset ${i} is ${cov[i * n + i]}; HRP needs positive variances`, { index: i });
    }
  }
  // The variance path of the general bisection: inverse variance within each half, its variance as the risk.
  const inverseVariance = Float64Array.from({ length: n }, (_, i) => 1 / cov[i * n + i]!);
  const variance = (items: readonly number[], weights: readonly number[]) => {
    let total = 0;
    for (let a = 0; a < items.length; a++) {
      let row = 0;
      for (let b = 0; b < items.length; b++) row += cov[items[a]! * n + items[b]!]! * weights[b]!;
      total += weights[a]! * row;
    }
    return total;
  };
  return riskBisection(order, inverseVariance, variance);
}
