/**
 * A portfolio's return in each scenario of a row-major scenario table: the one place `rₜᵀw` is computed over
 * scenarios (historical CVaR, the CVaR, CDaR and ordered-weighted-average optimisers).
 */

/**
 * The portfolio's return in each scenario, `yₜ = rₜᵀw`, for row-major `T × n` scenarios.
 *
 * @example
 * ```ts
 * scenarioReturns(Float64Array.of(0.01, 0.02, -0.03, 0.01), 2, [0.5, 0.5]); // => Float64Array [0.015, -0.01]
 * ```
 */
export function scenarioReturns(scenarios: ArrayLike<number>, n: number, weights: ArrayLike<number>): Float64Array {
  const T = scenarios.length / n;
  const y = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += scenarios[t * n + i]! * weights[i]!;
    y[t] = s;
  }
  return y;
}
