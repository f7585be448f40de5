/**
 * The most likely sequence of hidden states (Viterbi 1967), in log space.
 */

/** What {@link viterbiPath} returns. */
export interface ViterbiPath {
  /** The most likely state of each row, 0-based, length T. */
  readonly path: Int32Array;
  /** `log max_s p(x_1..x_T, s_1..s_T)`. */
  readonly logProbability: number;
}

/**
 * The Viterbi path: `δ_1 = log π + log b_1`, `δ_t(j) = max_i(δ_{t−1}(i) + log A_ij) + log b_t(j)`, then backtracking
 * from the best last state. Ties go to the lowest state (numpy's `argmax`). Uses every row (like smoothed
 * probabilities, it looks ahead): for a path, not for a decision.
 *
 * @param logB log emission densities, `T × K` row-major.
 * @param initial π, length K.
 * @param transition A, `K × K` row-major.
 * @example
 * ```ts
 * viterbiPath(Float64Array.of(0, -5, -5, 0), Float64Array.of(0.5, 0.5), Float64Array.of(0.9, 0.1, 0.1, 0.9)).path;
 * // => Int32Array [0, 1]
 * ```
 */
export function viterbiPath(logB: Float64Array, initial: Float64Array, transition: Float64Array): ViterbiPath {
  const k = initial.length;
  const n = logB.length / k;
  const logA = transition.map(Math.log);
  const back = new Int32Array(n * k);
  let delta = Float64Array.from(initial, (p, s) => Math.log(p) + logB[s]!);
  let next = new Float64Array(k);
  for (let t = 1; t < n; t++) {
    for (let j = 0; j < k; j++) {
      let best = -Infinity;
      let arg = 0;
      for (let i = 0; i < k; i++) {
        const v = delta[i]! + logA[i * k + j]!;
        if (v > best) {
          best = v;
          arg = i;
        }
      }
      back[t * k + j] = arg;
      next[j] = best + logB[t * k + j]!;
    }
    const swap = delta;
    delta = next;
    next = swap;
  }
  const path = new Int32Array(n);
  let last = 0;
  for (let s = 1; s < k; s++) if (delta[s]! > delta[last]!) last = s;
  const logProbability = n === 0 ? 0 : delta[last]!;
  for (let t = n - 1; t >= 0; t--) {
    path[t] = last;
    if (t > 0) last = back[t * k + last]!;
  }
  return { path, logProbability };
}
