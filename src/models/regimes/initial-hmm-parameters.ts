/**
 * Seeded starting parameters for Baum–Welch: k-means++ seeding for the means, randomly scaled sample covariance.
 */
import { InputError, type Rng } from "../../core/index";
import type { HmmParameters } from "./hmm-parameters";

/** Probability of staying in a state in the starting transition matrix (regimes persist). */
export const INITIAL_PERSISTENCE = 0.95;

/**
 * Starting parameters for {@link baumWelch}, drawn from `rng`:
 * - means: k-means++ seeding (Arthur & Vassilvitskii 2007): the first centre a uniformly drawn row, each next one
 *   a row drawn with probability proportional to its squared distance to the nearest centre so far;
 * - covariances: the sample covariance (divisor T) times `exp(u_k)`, `u_k` uniform in [−1, 1], plus `covarianceFloor`
 *   on the diagonal, so starts differ in volatility, which is what regimes of returns differ in most;
 * - initial distribution uniform; transition `0.95` on the diagonal, the rest spread evenly.
 *
 * @param x observations, `T × d` row-major.
 * @param d number of series.
 * @param states number of states K (≤ T).
 * @throws InputError BAD_ARGUMENT when `states` is not a whole number in [1, T].
 * @example
 * ```ts
 * initialHmmParameters(x, 1, 2, createRng(7)).transition; // => Float64Array [0.95, 0.05, 0.05, 0.95]
 * ```
 */
export function initialHmmParameters(x: Float64Array, d: number, states: number, rng: Rng, covarianceFloor = 0): HmmParameters {
  const n = x.length / d;
  const k = states;
  if (!Number.isSafeInteger(k) || k < 1 || k > n) throw new InputError("BAD_ARGUMENT", `initialHmmParameters: states ${k} must be a whole number between 1 and the ${n} rows`);
  const mean = new Float64Array(d);
  for (let t = 0; t < n; t++) for (let i = 0; i < d; i++) mean[i] = mean[i]! + x[t * d + i]! / n;
  const cov = new Float64Array(d * d);
  for (let t = 0; t < n; t++) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) cov[i * d + j] = cov[i * d + j]! + ((x[t * d + i]! - mean[i]!) * (x[t * d + j]! - mean[j]!)) / n;
  const centres: number[] = [rng.int(n)];
  const nearest = new Float64Array(n).fill(Infinity);
  while (centres.length < k) {
    const c = centres[centres.length - 1]!;
    let total = 0;
    for (let t = 0; t < n; t++) {
      let dist = 0;
      for (let i = 0; i < d; i++) dist += (x[t * d + i]! - x[c * d + i]!) ** 2;
      nearest[t] = Math.min(nearest[t]!, dist);
      total += nearest[t]!;
    }
    let pick = -1;
    if (total > 0) {
      let u = rng.next() * total;
      for (let t = 0; t < n && pick < 0; t++) {
        u -= nearest[t]!;
        if (u < 0 || (t === n - 1 && nearest[t]! > 0)) pick = t;
      }
    }
    centres.push(pick < 0 ? rng.int(n) : pick);
  }
  const means = new Float64Array(k * d);
  const covariances = new Float64Array(k * d * d);
  centres.forEach((c, s) => {
    means.set(x.subarray(c * d, (c + 1) * d), s * d);
    const scale = Math.exp(rng.uniform(-1, 1));
    for (let i = 0; i < d * d; i++) covariances[s * d * d + i] = scale * cov[i]!;
    for (let i = 0; i < d; i++) covariances[s * d * d + i * d + i] = covariances[s * d * d + i * d + i]! + covarianceFloor;
  });
  const transition = new Float64Array(k * k).fill(k === 1 ? 1 : (1 - INITIAL_PERSISTENCE) / (k - 1));
  if (k > 1) for (let s = 0; s < k; s++) transition[s * k + s] = INITIAL_PERSISTENCE;
  return { states: k, dimension: d, initial: new Float64Array(k).fill(1 / k), transition, means, covariances };
}
