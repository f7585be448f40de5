/**
 * Log densities of each observation under each state's multivariate normal distribution.
 */
import { NumericalError } from "../../core/index";
import { tryCholesky } from "../../linalg/index";
import type { HmmParameters } from "./hmm-parameters";

const LOG_TWO_PI = Math.log(2 * Math.PI);

/**
 * `log N(x_t; μ_k, Σ_k)` for every row `t` of `x` and every state `k`, through the Cholesky factor of each Σ_k:
 * `−½(d·log 2π + log|Σ_k| + ‖L_k⁻¹(x_t − μ_k)‖²)`.
 *
 * @param x observations, `T × d` row-major (no `NaN`).
 * @param parameters the model (only `means` and `covariances` are read).
 * @returns `T × K` row-major log densities.
 * @throws NumericalError NOT_POSITIVE_DEFINITE when a state's covariance has no Cholesky factor.
 * @example
 * ```ts
 * emissionLogDensities(Float64Array.of(0), { ...p, states: 1, dimension: 1, means: Float64Array.of(0), covariances: Float64Array.of(1) });
 * // => Float64Array [-0.9189385332046727]   (−½ log 2π)
 * ```
 */
export function emissionLogDensities(x: Float64Array, parameters: HmmParameters): Float64Array {
  const { states: k, dimension: d, means, covariances } = parameters;
  const n = x.length / d;
  const out = new Float64Array(n * k);
  const z = new Float64Array(d);
  for (let s = 0; s < k; s++) {
    const l = tryCholesky(covariances.subarray(s * d * d, (s + 1) * d * d), d);
    if (l === null) {
      throw new NumericalError("NOT_POSITIVE_DEFINITE", `Gaussian HMM: the covariance of state ${s + 1} is not positive definite; raise covarianceFloor or fit fewer states`, { state: s + 1 });
    }
    let logDet = 0;
    for (let i = 0; i < d; i++) logDet += Math.log(l[i * d + i]!);
    const constant = -0.5 * d * LOG_TWO_PI - logDet;
    const mu = s * d;
    for (let t = 0; t < n; t++) {
      const row = t * d;
      let quad = 0;
      for (let i = 0; i < d; i++) {
        let v = x[row + i]! - means[mu + i]!;
        for (let j = 0; j < i; j++) v -= l[i * d + j]! * z[j]!;
        const zi = v / l[i * d + i]!;
        z[i] = zi;
        quad += zi * zi;
      }
      out[t * k + s] = constant - 0.5 * quad;
    }
  }
  return out;
}
