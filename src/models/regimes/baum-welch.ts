/**
 * Baum–Welch: expectation–maximisation for a Gaussian hidden Markov model from given starting parameters.
 */
import { InputError } from "../../core/index";
import { emissionLogDensities } from "./emission-log-densities";
import { backwardPass, forwardPass } from "./forward-backward";
import { checkHmmParameters, type HmmParameters } from "./hmm-parameters";
import { stateMoments } from "./state-moments";

/** Options of {@link baumWelch}. */
export interface BaumWelchOptions {
  /** Most E-steps (each followed by an M-step unless it is the last). Default 200. */
  readonly maxIterations?: number;
  /** Stop when the log-likelihood rises by less than this from one E-step to the next. Default 1e-6. */
  readonly tolerance?: number;
  /** Added to the diagonal of every covariance after each M-step (hmmlearn's `min_covar`), squared return units. Default 0. */
  readonly covarianceFloor?: number;
}

/** What {@link baumWelch} returns: the parameters of the last E-step and their log-likelihood. */
export interface BaumWelchResult {
  readonly parameters: HmmParameters;
  /** Log-likelihood of the data under `parameters`. */
  readonly logLikelihood: number;
  /** E-steps run. */
  readonly iterations: number;
  /** Whether the rise fell below the tolerance before `maxIterations`. */
  readonly converged: boolean;
  /** Log-likelihood at each E-step (non-decreasing up to round-off). */
  readonly history: Float64Array;
}

/**
 * Fits a Gaussian HMM by Baum–Welch from `initial` parameters. Each iteration: emission densities, the scaled
 * forward–backward pass, the log-likelihood; stop when it rose by less than `tolerance` (or at `maxIterations`);
 * otherwise the M-step: `π = γ_1`, `A_ij = Σ_t ξ_t(i,j) / Σ_{t,j} ξ_t(i,j)`, `μ_k` and `Σ_k` the γ-weighted mean
 * and covariance, plus `covarianceFloor` on the diagonal. The result's log-likelihood is that of its parameters.
 *
 * @param x observations, `T × d` row-major (no `NaN`), e.g. daily returns of d series.
 * @param initial starting parameters (see `initialHmmParameters`).
 * @throws InputError BAD_HMM_PARAMETERS for inconsistent starting parameters; BAD_OBSERVATIONS for a
 *   length that is not a multiple of d, or a non-finite value; NumericalError as `emissionLogDensities` and `forwardPass`.
 * @example
 * ```ts
 * const fit = baumWelch(x, initialHmmParameters(x, 1, 2, createRng(1)), { covarianceFloor: 1e-8 });
 * fit.logLikelihood; // => e.g. 7890.1
 * ```
 */
export function baumWelch(x: Float64Array, initial: HmmParameters, options: BaumWelchOptions = {}): BaumWelchResult {
  checkHmmParameters(initial, "baumWelch");
  const { states: k, dimension: d } = initial;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-6;
  const floor = options.covarianceFloor ?? 0;
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 1) throw new InputError("BAD_ARGUMENT", `baumWelch: maxIterations ${maxIterations} must be a whole number ≥ 1`);
  if (!(floor >= 0) || !Number.isFinite(floor)) throw new InputError("BAD_ARGUMENT", `baumWelch: covarianceFloor ${floor} must be a finite number ≥ 0`);
  if (x.length % d !== 0 || x.length === 0 || !x.every(Number.isFinite)) {
    throw new InputError("BAD_OBSERVATIONS", `baumWelch: the observations (${x.length} values) must be a non-empty T × ${d} matrix of finite numbers`);
  }
  let p = initial;
  const history: number[] = [];
  let converged = false;
  for (let iteration = 1; ; iteration++) {
    const forward = forwardPass(emissionLogDensities(x, p), p.initial, p.transition);
    const ll = forward.logLikelihood;
    const previous = history[history.length - 1];
    history.push(ll);
    if (previous !== undefined && ll - previous < tolerance) {
      converged = true;
      break;
    }
    if (iteration >= maxIterations) break;
    const { smoothed, transitions } = backwardPass(forward, p.transition);
    const transition = Float64Array.from(p.transition);
    for (let i = 0; i < k; i++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += transitions[i * k + j]!;
      if (sum > 0) for (let j = 0; j < k; j++) transition[i * k + j] = transitions[i * k + j]! / sum;
    }
    const moments = stateMoments(smoothed, x, d);
    const means = Float64Array.from(p.means);
    const covariances = Float64Array.from(p.covariances);
    for (let s = 0; s < k; s++) {
      if (!(moments.mass[s]! > 1e-300)) continue; // an empty state keeps its parameters
      means.set(moments.means.subarray(s * d, (s + 1) * d), s * d);
      covariances.set(moments.covariances.subarray(s * d * d, (s + 1) * d * d), s * d * d);
      for (let i = 0; i < d; i++) covariances[s * d * d + i * d + i] = covariances[s * d * d + i * d + i]! + floor;
    }
    p = { states: k, dimension: d, initial: smoothed.slice(0, k), transition, means, covariances };
  }
  return { parameters: p, logLikelihood: history[history.length - 1]!, iterations: history.length, converged, history: Float64Array.from(history) };
}
