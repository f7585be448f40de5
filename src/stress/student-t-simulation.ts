/**
 * A Monte Carlo scenario: daily returns drawn from a multivariate Student-t with the sample covariance.
 */
import { InputError } from "../core/index";
import { createRng } from "../core/index";
import { tryCholesky } from "../linalg/index";
import { symmetricEigen } from "../linalg/index";
import { holdingsCovariance } from "./holdings-covariance";
import type { Scenario } from "./scenario";
import { proxyNotes } from "./stress-context";
import { resolveSimulation, simulatedOutcome, type SimulationOptions } from "./simulated-outcome";

/** Options of {@link studentTSimulation}. */
export interface StudentTSimulationOptions extends SimulationOptions {
  /** Degrees of freedom ν > 2 of the multivariate t (`Infinity` = multivariate normal). Default 5, typical of daily returns. */
  readonly degreesOfFreedom?: number;
  /** Simulate with zero mean instead of each holding's sample mean daily return. Default `false`. */
  readonly zeroMean?: boolean;
}

/**
 * A square root A of a positive-semidefinite matrix (A·Aᵀ = Σ): the Cholesky factor when Σ is positive definite,
 * else V·diag(√max(λ, 0)) from its eigendecomposition (a repaired sample covariance can be singular).
 */
function matrixRoot(values: Float64Array, n: number): Float64Array {
  const l = tryCholesky(values, n);
  if (l) return l;
  const { values: lambda, vectors } = symmetricEigen(values, n);
  const root = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) root[i * n + j] = vectors[i * n + j]! * Math.sqrt(Math.max(0, lambda[j]!));
  return root;
}

/**
 * A Monte Carlo scenario: each simulated day draws the holdings' returns from a multivariate Student-t with ν
 * degrees of freedom, mean μ (the sample mean daily returns, or 0) and covariance Σ (the daily sample
 * covariance, pairwise and repaired): `r = μ + A·g·√((ν − 2)/W)`, with A·Aᵀ = Σ, g standard normal and W a χ²(ν)
 * draw shared by all holdings — so a bad day is bad for every holding at once, the way crises are. Each
 * holding compounds its `horizonDays` draws (a daily return below −100 % counts as −100 %); the portfolio is
 * bought and held.
 *
 * The loss is the CVaR of the simulated horizon P&L at `confidence`; `tail` holds VaR, CVaR and every P&L.
 * Unlike the bootstrap it can produce days worse than any in the history.
 *
 * @param options `{ seed, horizonDays = 10, simulations = 10000, confidence = 0.95, degreesOfFreedom = 5, zeroMean = false, name }`.
 * @throws InputError for bad settings or ν ≤ 2 (at construction); when run, for a holding without enough
 *   history for a covariance.
 *
 * @example
 * ```ts
 * const r = runStressTest(studentTSimulation({ seed: 7, degreesOfFreedom: 4 }), portfolio, context);
 * r.tail.conditionalValueAtRisk > r.tail.valueAtRisk; // => true
 * ```
 */
export function studentTSimulation(options: StudentTSimulationOptions): Scenario {
  const caller = "studentTSimulation";
  const settings = resolveSimulation(options, caller);
  const nu = options.degreesOfFreedom ?? 5;
  if (typeof nu !== "number" || !(nu > 2)) {
    throw new InputError(
      "BAD_DEGREES_OF_FREEDOM",
      `${caller}: degreesOfFreedom ${String(nu)} must be > 2 (finite variance); 4–6 for daily returns, Infinity for normal`,
      { degreesOfFreedom: nu },
    );
  }
  const name = options.name ?? `Student-t (ν = ${nu}), ${settings.horizonDays}-day horizon`;
  return {
    name,
    kind: "monte-carlo",
    evaluate(history) {
      const k = history.tickers.length;
      const { covariance, mean } = holdingsCovariance(history);
      const root = matrixRoot(covariance.values, k);
      const mu = options.zeroMean ? new Float64Array(k) : mean;
      const rng = createRng(settings.seed);
      const growth = new Float64Array(settings.simulations * k).fill(1);
      const g = new Float64Array(k);
      for (let s = 0; s < settings.simulations; s++) {
        for (let day = 0; day < settings.horizonDays; day++) {
          for (let c = 0; c < k; c++) g[c] = rng.normal();
          const scale = nu === Infinity ? 1 : Math.sqrt((nu - 2) / (2 * rng.gamma(nu / 2)));
          for (let i = 0; i < k; i++) {
            let x = 0;
            for (let j = 0; j < k; j++) x += root[i * k + j]! * g[j]!;
            growth[s * k + i] = growth[s * k + i]! * Math.max(0, 1 + mu[i]! + x * scale);
          }
        }
      }
      const notes = [
        `covariance and ${options.zeroMean ? "zero mean" : "mean"} from ${history.dates[0]} to ${history.dates[history.dates.length - 1]} (pairwise, repaired)`,
        ...proxyNotes(history, 0, history.dates.length - 1),
      ];
      return simulatedOutcome(
        history,
        growth,
        settings,
        `Monte Carlo: ${settings.simulations.toLocaleString("en-US")} ${settings.horizonDays}-day horizons of multivariate Student-t days (ν = ${nu}, seed ${settings.seed}) with the sample covariance; loss = CVaR at ${settings.confidence * 100} %`,
        notes,
      );
    },
  };
}
