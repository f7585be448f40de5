/**
 * The scaled forward–backward recursions of a hidden Markov model (Rabiner 1989, §V.A): filtered and smoothed
 * state probabilities, the expected transitions, and the log-likelihood.
 */
import { NumericalError } from "../../core/index";

/** What {@link forwardPass} returns. */
export interface ForwardPass {
  /** Filtered probabilities `P(s_t = k | x_1..x_t)`, `T × K` row-major (each row sums to 1). */
  readonly filtered: Float64Array;
  /** Emission likelihoods scaled per row, `exp(log b_t(k) − max_k log b_t(k))`, `T × K` (for the backward pass). */
  readonly scaledEmissions: Float64Array;
  /** Scale of each row: `c_t = Σ_k (α̂_{t−1}A)_k · b̃_t(k)`, length T. */
  readonly scales: Float64Array;
  /** `log p(x_1..x_T) = Σ_t (log c_t + max_k log b_t(k))`. */
  readonly logLikelihood: number;
}

/**
 * The forward recursion with one scale per step: `α̂_1 ∝ π ∘ b_1`, `α̂_t ∝ (α̂_{t−1} A) ∘ b_t`, each normalised to
 * sum 1, so `α̂_t` is the filtered probability `P(s_t | x_1..x_t)`: row `t` uses rows `1..t` only.
 *
 * @param logB log emission densities, `T × K` (from `emissionLogDensities`).
 * @param initial π, length K.
 * @param transition A, `K × K` row-major.
 * @throws NumericalError HMM_UNDERFLOW when a step has zero likelihood under every state (a transition of 0 into the only plausible state).
 * @example
 * ```ts
 * forwardPass(Float64Array.of(0, 0), Float64Array.of(0.5, 0.5), Float64Array.of(1, 0, 0, 1)).filtered; // => [0.5, 0.5]
 * ```
 */
export function forwardPass(logB: Float64Array, initial: Float64Array, transition: Float64Array): ForwardPass {
  const k = initial.length;
  const n = logB.length / k;
  const filtered = new Float64Array(n * k);
  const b = new Float64Array(n * k);
  const scales = new Float64Array(n);
  const prior = Float64Array.from(initial);
  let logLikelihood = 0;
  for (let t = 0; t < n; t++) {
    const row = t * k;
    let shift = logB[row]!;
    for (let s = 1; s < k; s++) {
      const v = logB[row + s]!;
      if (v > shift) shift = v;
    }
    if (t > 0) {
      const prev = row - k;
      for (let s = 0; s < k; s++) {
        let sum = 0;
        for (let i = 0; i < k; i++) sum += filtered[prev + i]! * transition[i * k + s]!;
        prior[s] = sum;
      }
    }
    let c = 0;
    for (let s = 0; s < k; s++) {
      const bs = Math.exp(logB[row + s]! - shift);
      b[row + s] = bs;
      const a = prior[s]! * bs;
      filtered[row + s] = a;
      c += a;
    }
    if (!(c > 0 && c < Infinity && shift > -Infinity && shift < Infinity)) {
      throw new NumericalError("HMM_UNDERFLOW", `Gaussian HMM: observation ${t + 1} has zero likelihood under every reachable state; check the returns for outliers or refit the model on them`, { row: t });
    }
    const inverse = 1 / c;
    for (let s = 0; s < k; s++) filtered[row + s] = filtered[row + s]! * inverse;
    scales[t] = c;
    logLikelihood += Math.log(c) + shift;
  }
  return { filtered, scaledEmissions: b, scales, logLikelihood };
}

/** What {@link backwardPass} returns. */
export interface BackwardPass {
  /** Smoothed probabilities `P(s_t = k | x_1..x_T)`, `T × K` row-major. */
  readonly smoothed: Float64Array;
  /** Expected transitions summed over time, `Σ_{t<T} P(s_t = i, s_{t+1} = j | x_1..x_T)`, `K × K`. */
  readonly transitions: Float64Array;
}

/**
 * The scaled backward recursion on a {@link ForwardPass}: `β̂_T = 1`, `β̂_t(i) = Σ_j A_ij b̃_{t+1}(j) β̂_{t+1}(j) / c_{t+1}`;
 * smoothed `γ_t = α̂_t ∘ β̂_t` and expected transitions `ξ_t(i, j) = α̂_t(i) A_ij b̃_{t+1}(j) β̂_{t+1}(j) / c_{t+1}`.
 * Smoothed probabilities use every row: never feed them to a decision dated before the last row.
 *
 * @example
 * ```ts
 * backwardPass(forwardPass(logB, pi, A), A).smoothed; // T × K, rows sum to 1
 * ```
 */
export function backwardPass(forward: ForwardPass, transition: Float64Array): BackwardPass {
  const { filtered, scaledEmissions: b, scales } = forward;
  const n = scales.length;
  const k = n === 0 ? 0 : filtered.length / n;
  const smoothed = new Float64Array(n * k);
  const transitions = new Float64Array(k * k);
  let beta = new Float64Array(k).fill(1);
  let next = new Float64Array(k);
  const weighted = new Float64Array(k);
  if (n > 0) for (let s = 0; s < k; s++) smoothed[(n - 1) * k + s] = filtered[(n - 1) * k + s]!;
  for (let t = n - 2; t >= 0; t--) {
    const row = t * k;
    const c = scales[t + 1]!;
    for (let j = 0; j < k; j++) weighted[j] = (b[row + k + j]! * beta[j]!) / c;
    for (let i = 0; i < k; i++) {
      const ai = filtered[row + i]!;
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const term = transition[i * k + j]! * weighted[j]!;
        sum += term;
        transitions[i * k + j] = transitions[i * k + j]! + ai * term;
      }
      next[i] = sum;
      smoothed[row + i] = ai * sum;
    }
    const swap = beta;
    beta = next;
    next = swap;
  }
  return { smoothed, transitions };
}
