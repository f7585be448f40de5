/**
 * Mean and covariance of observations under each state, weighted by state probabilities.
 */

/** What {@link stateMoments} returns. */
export interface StateMoments {
  /** Σ_t w_t(k), length K: the expected number of rows in each state. */
  readonly mass: Float64Array;
  /** `μ_k = Σ_t w_t(k) x_t / Σ_t w_t(k)`, `K × m` row-major. */
  readonly means: Float64Array;
  /** `Σ_k = Σ_t w_t(k)(x_t − μ_k)(x_t − μ_k)ᵀ / Σ_t w_t(k)`, `K × m × m` (the weighted maximum-likelihood estimate, no ddof). */
  readonly covariances: Float64Array;
}

/**
 * Probability-weighted means and covariances of `m` series in each of `K` states: the M-step of Baum–Welch on the
 * smoothed probabilities, and the per-regime moments of a regime prior. A state with no weight gets zeros.
 *
 * @param weights state probabilities, `T × K` row-major.
 * @param x observations, `T × m` row-major (no `NaN`).
 * @param m number of series.
 * @example
 * ```ts
 * stateMoments(Float64Array.of(1, 0, 1, 0, 0, 1), Float64Array.of(1, 3, 10), 1).means; // => Float64Array [2, 10]
 * ```
 */
export function stateMoments(weights: Float64Array, x: Float64Array, m: number): StateMoments {
  const n = x.length / m;
  const k = n === 0 ? 0 : weights.length / n;
  const mass = new Float64Array(k);
  const means = new Float64Array(k * m);
  const covariances = new Float64Array(k * m * m);
  const diff = new Float64Array(m);
  for (let t = 0; t < n; t++) {
    for (let s = 0; s < k; s++) {
      const w = weights[t * k + s]!;
      mass[s] = mass[s]! + w;
      for (let i = 0; i < m; i++) means[s * m + i] = means[s * m + i]! + w * x[t * m + i]!;
    }
  }
  for (let s = 0; s < k; s++) for (let i = 0; i < m; i++) means[s * m + i] = mass[s]! > 0 ? means[s * m + i]! / mass[s]! : 0;
  for (let s = 0; s < k; s++) {
    if (!(mass[s]! > 0)) continue;
    const base = s * m * m;
    for (let t = 0; t < n; t++) {
      const w = weights[t * k + s]!;
      if (w === 0) continue;
      for (let i = 0; i < m; i++) diff[i] = x[t * m + i]! - means[s * m + i]!;
      for (let i = 0; i < m; i++) {
        const wi = w * diff[i]!;
        for (let j = 0; j <= i; j++) covariances[base + i * m + j] = covariances[base + i * m + j]! + wi * diff[j]!;
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j <= i; j++) {
        const v = covariances[base + i * m + j]! / mass[s]!;
        covariances[base + i * m + j] = v;
        covariances[base + j * m + i] = v;
      }
    }
  }
  return { mass, means, covariances };
}
