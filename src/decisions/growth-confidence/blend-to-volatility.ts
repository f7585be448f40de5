/**
 * Blending a portfolio towards a less volatile one until a volatility cap holds.
 */
import { InputError } from "../../core/index";
import { portfolioVariance } from "../../measures/index";

/**
 * The smallest blend `t ∈ [0, 1]` such that `w(t) = (1 − t)·w + t·m` has volatility `√(w(t)ᵀΣw(t)) ≤ maxVolatility`.
 *
 * The variance along the blend is the quadratic `a t² + b t + c` with `d = m − w`, `a = dᵀΣd`, `b = 2 wᵀΣd`,
 * `c = wᵀΣw`; the answer is its smallest root of `= maxVolatility²` in `[0, 1]`, exactly. When `w` already meets the
 * cap it is 0; when even `m` does not, it is 1.
 *
 * @param cov covariance, row-major `n × n` (annual).
 * @param w the preferred weights, length `n`.
 * @param m the less volatile weights (e.g. minimum volatility over the same assets), length `n`.
 * @param maxVolatility the cap (annual, > 0).
 * @returns `t` in [0, 1].
 * @throws InputError for mismatched lengths or a cap that is not a positive number.
 *
 * @example
 * ```ts
 * // Two uncorrelated assets, σ = 40 % and 10 %: all in the first (40 %) towards all in the second (10 %), cap 25 %:
 * blendToVolatility(Float64Array.of(0.16, 0, 0, 0.01), [1, 0], [0, 1], 0.25);
 * // => ≈ 0.38235 (= 13/34, the smaller root of 0.16(1 − t)² + 0.01t² = 0.25²)
 * ```
 */
export function blendToVolatility(cov: ArrayLike<number>, w: ArrayLike<number>, m: ArrayLike<number>, maxVolatility: number): number {
  const n = w.length;
  if (m.length !== n || cov.length !== n * n) throw new InputError("SHAPE_MISMATCH", `blendToVolatility: ${n} weights, ${m.length} blend weights and a covariance of ${cov.length} entries; pass n, n and n × n`, {});
  if (!(typeof maxVolatility === "number" && Number.isFinite(maxVolatility) && maxVolatility > 0)) {
    throw new InputError("BAD_MAX_VOLATILITY", `blendToVolatility: maxVolatility ${maxVolatility} must be a positive annual volatility, e.g. 0.15`, { maxVolatility });
  }
  const target = maxVolatility * maxVolatility;
  const c = portfolioVariance(cov, w);
  if (c <= target) return 0;
  const d = Float64Array.from(m, (x, i) => x - w[i]!);
  if (portfolioVariance(cov, m) > target) return 1;
  const a = portfolioVariance(cov, d);
  let b = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += cov[i * n + j]! * d[j]!;
    b += 2 * w[i]! * row;
  }
  // a t² + b t + (c − target) = 0, with f(0) > 0 ≥ f(1): the smaller root lies in (0, 1].
  const k = c - target;
  if (a <= 1e-300) return Math.min(1, Math.max(0, -k / b));
  const disc = Math.max(0, b * b - 4 * a * k);
  // Numerically stable smaller root.
  const q = -0.5 * (b + Math.sign(b || 1) * Math.sqrt(disc));
  const roots = [q / a, k / q].filter((t) => Number.isFinite(t) && t >= 0 && t <= 1 + 1e-12);
  const t = roots.length > 0 ? Math.min(...roots) : 1;
  return Math.min(1, t);
}
