/**
 * An approximate minimiser of a QP over one linear equality and bounds, by accelerated projected gradient —
 * cheap (O(n²) per step), used to guess which variables an exact solver should work on.
 */
import { InputError } from "../../core/errors";

/** Every this many steps, the support is compared with the previous check. */
const SUPPORT_CHECK = 25;

/**
 * minimise `½ xᵀQx + cᵀx` subject to `aᵀx = b` and `lower ≤ x ≤ upper`.
 */
export interface SingleEqualityQuadraticProgram {
  /** `n × n` symmetric positive-semidefinite matrix, row-major. */
  readonly Q: Float64Array;
  /** Linear term, length `n`. */
  readonly c: Float64Array;
  /** Coefficients of the equality, length `n` (e.g. all ones for a budget, excess returns for max Sharpe). */
  readonly a: Float64Array;
  /** Right-hand side of the equality. */
  readonly b: number;
  /** Finite lower bounds, length `n`. */
  readonly lower: Float64Array;
  /** Upper bounds, length `n` (`Infinity` allowed). */
  readonly upper: Float64Array;
}

/**
 * A few hundred steps of FISTA (accelerated projected gradient, step `1/λmax(Q)` by power iteration) on a
 * {@link SingleEqualityQuadraticProgram}, from the projection of the origin. The projection onto
 * `{aᵀx = b, lower ≤ x ≤ upper}` is `clip(v − τa)` with `τ` found by bisection (`aᵀclip(v − τa)` is monotone
 * in `τ`). It stops early when the support (variables off their lower bounds) is unchanged over two checks 25
 * steps apart. The result is approximate — its support is a good first working set for `solveWorkingSetQp`.
 *
 * @param problem `{ Q, c, a, b, lower, upper }`; the set must be non-empty.
 * @param iterations largest number of FISTA steps. Default 200.
 * @returns an approximate minimiser (feasible up to the bisection's precision), length `n`.
 * @throws InputError when lengths disagree or a lower bound is not finite.
 *
 * @example
 * ```ts
 * projectedGradientGuess({ Q: Float64Array.of(2, 0, 0, 2), c: new Float64Array(2), a: Float64Array.of(1, 1), b: 1,
 *   lower: new Float64Array(2), upper: Float64Array.of(0.3, 1) });
 * // => ≈ Float64Array [0.3, 0.7]
 * ```
 */
export function projectedGradientGuess(problem: SingleEqualityQuadraticProgram, iterations = 200): Float64Array {
  const { Q, c, a, b, lower, upper } = problem;
  const n = lower.length;
  if (Q.length !== n * n || c.length !== n || a.length !== n || upper.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `projectedGradientGuess: Q has ${Q.length} values for n = ${n}, c ${c.length}, a ${a.length}, upper ${upper.length}`, { n });
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(lower[i]!)) throw new InputError("BAD_BOUNDS", `projectedGradientGuess: lower bound ${i} is ${lower[i]}; pass finite lower bounds`, { index: i });
  }
  const multiply = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += Q[row + j]! * v[j]!;
      out[i] = s;
    }
  };
  // λmax(Q) by power iteration, overestimated by 10 %.
  let u = new Float64Array(n).fill(1 / Math.sqrt(n));
  const w = new Float64Array(n);
  let lambda = 0;
  for (let k = 0; k < 30; k++) {
    multiply(u, w);
    let norm = 0;
    for (let i = 0; i < n; i++) norm += w[i]! * w[i]!;
    norm = Math.sqrt(norm);
    if (norm === 0) break;
    lambda = norm;
    u = Float64Array.from(w, (x) => x / norm);
  }
  const step = 1 / (1.1 * Math.max(lambda, Number.MIN_VALUE));

  const x = new Float64Array(n);
  project(new Float64Array(n), a, b, lower, upper, x);
  let y = Float64Array.from(x);
  let t = 1;
  const g = new Float64Array(n);
  const trial = new Float64Array(n);
  const next = new Float64Array(n);
  let lastSignature = "";
  let stable = 0;
  for (let k = 0; k < iterations; k++) {
    multiply(y, g);
    for (let i = 0; i < n; i++) trial[i] = y[i]! - step * (g[i]! + c[i]!);
    project(trial, a, b, lower, upper, next);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    for (let i = 0; i < n; i++) y[i] = next[i]! + momentum * (next[i]! - x[i]!);
    x.set(next);
    t = tNext;
    // Stop early once the set of variables off their lower bounds has not changed over two checks.
    if ((k + 1) % SUPPORT_CHECK === 0) {
      let signature = "";
      for (let i = 0; i < n; i++) signature += x[i]! - lower[i]! > 1e-9 ? "1" : "0";
      stable = signature === lastSignature ? stable + 1 : 0;
      lastSignature = signature;
      if (stable >= 2) break;
    }
  }
  return x;
}

/** Euclidean projection of `v` onto `{aᵀx = b, lower ≤ x ≤ upper}`: `clip(v − τa)` with `τ` by bisection. */
function project(v: Float64Array, a: Float64Array, b: number, lower: Float64Array, upper: Float64Array, out: Float64Array): void {
  const n = v.length;
  const value = (tau: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]! * Math.min(upper[i]!, Math.max(lower[i]!, v[i]! - tau * a[i]!));
    return s;
  };
  // aᵀclip(v − τa) decreases in τ: bracket b by doubling.
  let lo = -1;
  let hi = 1;
  for (let k = 0; k < 200 && value(lo) < b; k++) lo *= 2;
  for (let k = 0; k < 200 && value(hi) > b; k++) hi *= 2;
  for (let k = 0; k < 100 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); k++) {
    const tau = 0.5 * (lo + hi);
    if (value(tau) > b) lo = tau;
    else hi = tau;
  }
  const tau = 0.5 * (lo + hi);
  for (let i = 0; i < n; i++) out[i] = Math.min(upper[i]!, Math.max(lower[i]!, v[i]! - tau * a[i]!));
}
