/**
 * The parameters of a Gaussian hidden Markov model, as plain row-major arrays, and how many of them are free.
 */
import { InputError } from "../../core/index";

/**
 * A Gaussian HMM with `states` hidden states over `dimension` series: the initial distribution, the transition
 * matrix (row `i` = from state `i`), and each state's mean and full covariance of the periodic returns.
 *
 * @example
 * ```ts
 * const p: HmmParameters = { states: 2, dimension: 1, initial: Float64Array.of(0.5, 0.5),
 *   transition: Float64Array.of(0.99, 0.01, 0.02, 0.98), means: Float64Array.of(0.0005, -0.001),
 *   covariances: Float64Array.of(0.0001, 0.0006) };
 * ```
 */
export interface HmmParameters {
  /** Number of hidden states K. */
  readonly states: number;
  /** Number of series d. */
  readonly dimension: number;
  /** Initial state probabilities π, length K. */
  readonly initial: Float64Array;
  /** Transition probabilities A, `K × K` row-major; `A[i·K + j] = P(s_t = j | s_{t−1} = i)`. */
  readonly transition: Float64Array;
  /** Means, `K × d` row-major, per period (fractions per day for daily returns). */
  readonly means: Float64Array;
  /** Covariances, `K × d × d` (state-major, each `d × d` row-major), per period. */
  readonly covariances: Float64Array;
}

/**
 * Free parameters of a K-state Gaussian HMM with full covariances on d series:
 * `(K − 1) + K(K − 1) + K·d + K·d(d + 1)/2` (initial distribution, transition rows, means, covariances), the count
 * hmmlearn uses for its BIC.
 *
 * @example
 * ```ts
 * hmmParameterCount(2, 1); // => 7   (1 + 2 + 2 + 2)
 * hmmParameterCount(3, 2); // => 23  (2 + 6 + 6 + 9)
 * ```
 */
export function hmmParameterCount(states: number, dimension: number): number {
  return states - 1 + states * (states - 1) + states * dimension + (states * dimension * (dimension + 1)) / 2;
}

/**
 * Checks the shapes and the probabilities of HMM parameters: lengths, π and every row of A non-negative and
 * summing to 1 (within 1e-8), finite means and covariances.
 *
 * @throws InputError BAD_HMM_PARAMETERS naming the first thing wrong.
 * @example
 * ```ts
 * checkHmmParameters(p, "baumWelch"); // returns nothing; throws on a bad shape
 * ```
 */
export function checkHmmParameters(p: HmmParameters, where: string): void {
  const { states: k, dimension: d } = p;
  const bad = (what: string) => new InputError("BAD_HMM_PARAMETERS", `${where}: ${what}; pass parameters of a ${k}-state model on ${d} series`, { states: k, dimension: d });
  if (!Number.isSafeInteger(k) || k < 1 || !Number.isSafeInteger(d) || d < 1) throw bad(`states ${k} and dimension ${d} must be whole numbers ≥ 1`);
  if (p.initial.length !== k) throw bad(`initial has ${p.initial.length} values, not ${k}`);
  if (p.transition.length !== k * k) throw bad(`transition has ${p.transition.length} values, not ${k * k}`);
  if (p.means.length !== k * d) throw bad(`means has ${p.means.length} values, not ${k * d}`);
  if (p.covariances.length !== k * d * d) throw bad(`covariances has ${p.covariances.length} values, not ${k * d * d}`);
  const isDistribution = (xs: Float64Array) => xs.every((x) => x >= 0 && Number.isFinite(x)) && Math.abs(xs.reduce((s, x) => s + x, 0) - 1) <= 1e-8;
  if (!isDistribution(p.initial)) throw bad("initial probabilities must be ≥ 0 and sum to 1");
  for (let i = 0; i < k; i++) if (!isDistribution(p.transition.subarray(i * k, (i + 1) * k))) throw bad(`transition row ${i} must be ≥ 0 and sum to 1`);
  if (!p.means.every(Number.isFinite) || !p.covariances.every(Number.isFinite)) throw bad("means and covariances must be finite");
}

/**
 * The same parameters with the states renumbered: new state `i` is old state `order[i]`.
 *
 * @example
 * ```ts
 * permuteStates(p, [1, 0]).means; // => the means of p, states swapped
 * ```
 */
export function permuteStates(p: HmmParameters, order: readonly number[]): HmmParameters {
  const { states: k, dimension: d } = p;
  const transition = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) transition[i * k + j] = p.transition[order[i]! * k + order[j]!]!;
  const means = new Float64Array(k * d);
  const covariances = new Float64Array(k * d * d);
  order.forEach((o, i) => {
    means.set(p.means.subarray(o * d, (o + 1) * d), i * d);
    covariances.set(p.covariances.subarray(o * d * d, (o + 1) * d * d), i * d * d);
  });
  return { states: k, dimension: d, initial: Float64Array.from(order, (o) => p.initial[o]!), transition, means, covariances };
}
