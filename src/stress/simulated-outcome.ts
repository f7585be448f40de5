/**
 * Turns simulated growth of each holding into a scenario outcome: the distribution and its tail.
 */
import { InputError } from "../core/index";
import { checkConfidence, checkHorizon } from "../measures/index";
import { empiricalTail, tailPosition } from "../measures/index";
import { DEFAULT_CONFIDENCE } from "../measures/index";
import type { ScenarioOutcome } from "./scenario";
import type { PortfolioHistory } from "./stress-context";

/** Settings shared by the Monte Carlo scenarios. */
export interface SimulationOptions {
  /** Seed of the simulation (`createRng`): the same seed gives the same outcomes. Required. */
  readonly seed: number;
  /** Horizon in trading days. Default 10. */
  readonly horizonDays?: number;
  /** Number of simulated horizons. Default 10,000. */
  readonly simulations?: number;
  /** Confidence level c of the reported VaR and CVaR. Default 0.95. */
  readonly confidence?: number;
  /** Name shown in reports. */
  readonly name?: string;
}

/** Checked simulation settings. */
export interface ResolvedSimulation {
  readonly seed: number;
  readonly horizonDays: number;
  readonly simulations: number;
  readonly confidence: number;
}

/**
 * Checks and fills the settings shared by the Monte Carlo scenarios.
 *
 * @throws InputError for a bad seed, horizon, simulation count or confidence.
 * @example
 * ```ts
 * resolveSimulation({ seed: 7 }, "bootstrapSimulation"); // => { seed: 7, horizonDays: 10, simulations: 10000, confidence: 0.95 }
 * ```
 */
export function resolveSimulation(options: SimulationOptions, caller: string): ResolvedSimulation {
  if (typeof options.seed !== "number" || !Number.isSafeInteger(options.seed)) {
    throw new InputError("BAD_SEED", `${caller}: seed ${String(options.seed)} must be a whole number such as 42; a simulation is always seeded`, { seed: options.seed });
  }
  const simulations = options.simulations ?? 10_000;
  if (!Number.isSafeInteger(simulations) || simulations < 1) {
    throw new InputError("BAD_SIMULATIONS", `${caller}: simulations ${String(simulations)} must be a whole number ≥ 1, e.g. 10000`, { simulations });
  }
  return {
    seed: options.seed,
    horizonDays: checkHorizon(options.horizonDays ?? 10, caller),
    simulations,
    confidence: checkConfidence(options.confidence ?? DEFAULT_CONFIDENCE, caller),
  };
}

/**
 * The outcome of a simulation: portfolio return of each simulated horizon `Σ wᵢ(Gᵢ − 1)`, its VaR and CVaR
 * ({@link empiricalTail}), and each holding's average return over exactly the tail outcomes the CVaR averages,
 * so that `Σ wᵢ · assetReturnsᵢ = −CVaR`.
 *
 * @param history the portfolio's history (weights).
 * @param growth simulated growth factors `Gᵢ = ∏(1 + r)`, row-major `simulations × holdings`.
 * @example
 * ```ts
 * simulatedOutcome(history, growth, settings, "bootstrap of 10-day horizons", []).tail.valueAtRisk; // => e.g. 0.021
 * ```
 */
export function simulatedOutcome(
  history: PortfolioHistory,
  growth: Float64Array,
  settings: ResolvedSimulation,
  description: string,
  notes: readonly string[],
): ScenarioOutcome {
  const k = history.tickers.length;
  const n = settings.simulations;
  const outcomes = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let r = 0;
    for (let c = 0; c < k; c++) r += history.weights[c]! * (growth[s * k + c]! - 1);
    outcomes[s] = r;
  }
  const tail = empiricalTail(outcomes, settings.confidence);
  const order = Array.from({ length: n }, (_, s) => s).sort((a, b) => outcomes[a]! - outcomes[b]! || a - b);
  const { index, size } = tailPosition(n, settings.confidence);
  const assetReturns = new Float64Array(k);
  for (let i = 0; i <= index; i++) {
    const weight = i < index ? 1 : size - index;
    const s = order[i]!;
    for (let c = 0; c < k; c++) assetReturns[c] = assetReturns[c]! + weight * (growth[s * k + c]! - 1);
  }
  for (let c = 0; c < k; c++) assetReturns[c] = assetReturns[c]! / size;
  return {
    assetReturns,
    description,
    tail: { confidence: settings.confidence, horizonDays: settings.horizonDays, ...tail, outcomes },
    notes,
  };
}
