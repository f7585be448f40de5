/**
 * The maximum quadratic-utility portfolio, as PyPortfolioOpt's `EfficientFrontier.max_quadratic_utility()`.
 */
import { InputError, type ExpectedReturns, type Weights } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { setupMeanVariance, solveMeanVariance, type MeanVarianceOptions } from "./mean-variance-options";

/** Options of {@link maxQuadraticUtility}. */
export interface MaxQuadraticUtilityOptions extends MeanVarianceOptions {
  /** Risk aversion `δ > 0`. Default 1 (PyPortfolioOpt's default). */
  readonly riskAversion?: number;
  /** Weights sum to 0 instead of 1; bounds default to `[-1, 1]`. Default `false`. */
  readonly marketNeutral?: boolean;
}

/**
 * Weights maximising the quadratic utility `μᵀw − (δ/2)·wᵀΣw` (minus any extra objective terms) within the
 * bounds and constraints, as PyPortfolioOpt's `max_quadratic_utility(risk_aversion=δ, market_neutral=…)`;
 * solved exactly with quadprog.
 *
 * @param mu annualised expected returns, labelled, length `n`.
 * @param cov annualised covariance, `n × n`, same labels and order.
 * @param options `{ riskAversion = 1, marketNeutral = false, bounds, constraints, objectives, ridge, cutoff }`.
 * @returns weights labelled like `cov` (summing to 1, or 0 when market neutral).
 * @throws InputError for malformed inputs, a risk aversion that is not a positive number, or market neutrality
 *   with bounds that forbid shorting.
 * @throws InfeasibleError when the constraints admit no portfolio (the message names the constraint).
 *
 * @example
 * ```ts
 * // Two uncorrelated assets, δ = 2, wide bounds: w = Σ⁻¹(μ − ν𝟙)/δ with Σw = 1
 * maxQuadraticUtility({ labels: ["A", "B"], values: Float64Array.of(0.1, 0.2) },
 *   { labels: ["A", "B"], values: Float64Array.of(0.04, 0, 0, 0.09) }, { riskAversion: 2, bounds: [-1, 2] }).values;
 * // => ≈ Float64Array [0.3077, 0.6923]   (ν = 0.0754: wᵢ = (μᵢ − ν) / (δσᵢ²))
 * ```
 */
export function maxQuadraticUtility(mu: ExpectedReturns, cov: LabelledMatrix, options: MaxQuadraticUtilityOptions = {}): Weights {
  const caller = "maxQuadraticUtility";
  const riskAversion = options.riskAversion ?? 1;
  if (typeof riskAversion !== "number" || !Number.isFinite(riskAversion) || riskAversion <= 0) {
    throw new InputError("BAD_RISK_AVERSION", `${caller}: riskAversion ${riskAversion} must be a finite number > 0 (e.g. 1; larger means less risk)`, {
      riskAversion,
    });
  }
  const setup = setupMeanVariance(caller, cov, mu, options, budgetOf(options.marketNeutral, options.bounds, caller));
  return solveMeanVariance(setup, riskAversion / 2, 1).weights;
}

/**
 * The weight budget of a market-neutral (0) or fully invested (1) portfolio, checking that market-neutral
 * bounds allow shorting.
 *
 * @throws InputError when `marketNeutral` is set but no lower bound is negative (only the empty portfolio
 *   would be feasible); PyPortfolioOpt instead replaces such bounds with (−1, 1) and warns.
 *
 * @example
 * ```ts
 * budgetOf(true, undefined, "efficientReturn"); // => 0 (bounds default to [-1, 1])
 * ```
 */
export function budgetOf(marketNeutral: boolean | undefined, bounds: MeanVarianceOptions["bounds"], caller: string): number {
  if (!marketNeutral) return 1;
  if (bounds !== undefined) {
    const pairs = (bounds.length === 2 && typeof bounds[0] === "number" ? [bounds] : bounds) as readonly (readonly [number, number])[];
    if (!pairs.some((pair) => pair[0] < 0)) {
      throw new InputError(
        "MARKET_NEUTRAL_NEEDS_SHORTS",
        `${caller}: market neutrality (weights sum to 0) needs shorting, but no lower bound is negative; pass bounds such as [-1, 1] (the default when marketNeutral is set)`,
        {},
      );
    }
  }
  return 0;
}
