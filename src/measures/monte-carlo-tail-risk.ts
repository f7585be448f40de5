/**
 * Monte Carlo value at risk and conditional value at risk from a seeded simulation of fat-tailed returns.
 */
import { InputError } from "../core/index";
import { createRng } from "../core/index";
import { checkConfidence, checkHorizon } from "./check-inputs";
import { empiricalTail } from "./empirical-tail";
import { returnMoments } from "./return-moments";
import { DEFAULT_CONFIDENCE, type TailRisk, type TailRiskOptions } from "./tail-risk";

/** Options of {@link monteCarloTailRisk}. */
export interface MonteCarloTailRiskOptions extends TailRiskOptions {
  /** Seed of the simulation (`createRng`); the same seed gives the same figures. Required. */
  readonly seed: number;
  /** Number of simulated horizons. Default 10,000. */
  readonly simulations?: number;
  /**
   * Degrees of freedom ν > 2 of the Student-t shocks (`Infinity` for normal shocks). Default: fitted by the
   * method of moments to the sample's excess kurtosis K, ν = 4 + 6/K (normal when K ≤ 0).
   */
  readonly degreesOfFreedom?: number;
}

/** Monte Carlo tail risk with the settings of the simulation. */
export interface MonteCarloTailRisk extends TailRisk {
  readonly method: "monte-carlo";
  /** The ν used (`Infinity` = normal shocks). */
  readonly degreesOfFreedom: number;
  /** The seed used. */
  readonly seed: number;
}

/** Default number of simulations of the Monte Carlo estimators. */
export const DEFAULT_SIMULATIONS = 10_000;

/**
 * Monte Carlo VaR and CVaR: simulates `simulations` horizons of `horizon` i.i.d. periods, each return
 * `μ + σ·t` with μ, σ the sample mean and standard deviation (ddof 1) and `t` a Student-t draw with ν degrees
 * of freedom scaled to unit variance (`Rng.studentT`), compounds each horizon `∏(1 + r) − 1` (a simulated
 * period return below −100 % counts as −100 %), and takes the empirical tail ({@link empiricalTail}).
 *
 * Unlike {@link gaussianTailRisk} it compounds and can carry fat tails; unlike {@link historicalTailRisk}
 * it can reach losses never seen in the sample. Its own error shrinks like 1/√simulations: change the seed
 * to see it.
 *
 * Sign: positive loss fractions (see {@link TailRisk}). Confidence: `confidence` (default 0.95). Horizon:
 * `horizon` periods (default 1).
 *
 * @param returns per-period simple returns, at least 2, all finite; not changed.
 * @param options `{ seed, simulations = 10000, degreesOfFreedom = fitted, confidence = 0.95, horizon = 1 }`.
 * @throws InputError for a bad series, confidence, horizon, seed, simulation count (a whole number ≥ 1) or ν (must be > 2).
 *
 * @example
 * ```ts
 * const r = [0.01, -0.01, 0.01, -0.01].map((x) => x * Math.sqrt(3 / 4)); // μ = 0, σ = 1 %
 * monteCarloTailRisk(r, { seed: 1, simulations: 100_000, degreesOfFreedom: Infinity }).valueAtRisk;
 * // => ≈ 0.0164 (the Gaussian VaR, 0.016449, to simulation error)
 * ```
 */
export function monteCarloTailRisk(returns: ArrayLike<number>, options: MonteCarloTailRiskOptions): MonteCarloTailRisk {
  const caller = "monteCarloTailRisk";
  const confidence = checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller);
  const horizon = checkHorizon(options.horizon ?? 1, caller);
  const simulations = options.simulations ?? DEFAULT_SIMULATIONS;
  if (!Number.isSafeInteger(simulations) || simulations < 1) {
    throw new InputError("BAD_SIMULATIONS", `${caller}: simulations ${String(simulations)} must be a whole number ≥ 1, e.g. 10000`, { simulations });
  }
  const m = returnMoments(returns);
  const degreesOfFreedom = options.degreesOfFreedom ?? (m.excessKurtosis > 0 ? 4 + 6 / m.excessKurtosis : Infinity);
  if (typeof degreesOfFreedom !== "number" || !(degreesOfFreedom > 2)) {
    throw new InputError(
      "BAD_DEGREES_OF_FREEDOM",
      `${caller}: degreesOfFreedom ${String(degreesOfFreedom)} must be > 2 (finite variance); use Infinity for normal shocks, 4–6 for daily stock returns`,
      { degreesOfFreedom },
    );
  }
  const rng = createRng(options.seed);
  const outcomes = new Float64Array(simulations);
  for (let s = 0; s < simulations; s++) {
    let growth = 1;
    for (let t = 0; t < horizon; t++) growth *= Math.max(0, 1 + m.mean + m.standardDeviation * rng.studentT(degreesOfFreedom));
    outcomes[s] = growth - 1;
  }
  const tail = empiricalTail(outcomes, confidence);
  return { method: "monte-carlo", confidence, horizon, observations: simulations, ...tail, degreesOfFreedom, seed: options.seed };
}
