/**
 * The correlation distance of hierarchical clustering, `√((1 − ρ) / 2)`.
 */
import { InputError } from "../../core/index";

/**
 * The distance matrix `dᵢⱼ = √(clip((1 − ρᵢⱼ) / 2, 0, 1))` of a correlation matrix (López de Prado; PyPortfolioOpt
 * clips to avoid `√` of round-off negatives): 0 for perfectly correlated assets, 1 for perfectly anti-correlated.
 *
 * @param correlation row-major `n × n` correlations.
 * @returns a new row-major `n × n` distance matrix.
 * @throws InputError when a correlation is not finite.
 *
 * @example
 * ```ts
 * correlationDistance(Float64Array.of(1, 0, 0, 1)); // => ≈ Float64Array [0, 0.7071, 0.7071, 0]
 * ```
 */
export function correlationDistance(correlation: Float64Array): Float64Array {
  const out = new Float64Array(correlation.length);
  for (let k = 0; k < correlation.length; k++) {
    const rho = correlation[k]!;
    if (!Number.isFinite(rho)) {
      throw new InputError("NON_FINITE_CORRELATION", `correlationDistance: correlation entry ${k} is ${rho}; every correlation must be finite`, { index: k });
    }
    out[k] = Math.sqrt(Math.min(1, Math.max(0, (1 - rho) / 2)));
  }
  return out;
}
