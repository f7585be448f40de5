/**
 * One allocation per investor risk profile: maximum quadratic utility within the profile's limits.
 */
import { InfeasibleError, InputError } from "../core/index";
import type { ExpectedReturns, LabelledMatrix, LabelledVector, Weights } from "../core/index";
import { sectorLimits } from "../optimise/index";
import type { PortfolioConstraint } from "../optimise/index";
import type { RiskProfile } from "./risk-profile";
import { efficientRisk } from "../optimise/index";
import { maxQuadraticUtility } from "../optimise/index";
import { minVolatility } from "../optimise/index";
import { portfolioVariance } from "../measures/index";

/** Options of {@link allocateForRiskProfile}. */
export interface RiskProfileAllocationOptions {
  /**
   * Asset class of each ticker; tickers whose class is `"crypto"` share the profile's `maxCrypto` cap. Tickers
   * not listed are unconstrained by it. Default `{}` (no crypto cap applies).
   */
  readonly assetClassOf?: Readonly<Record<string, string>>;
  /**
   * Annual risk-free rate (a fraction). Checked but it does not move the weights: with fully invested weights,
   * `(μ − rf·𝟙)ᵀw = μᵀw − rf`, so the maximiser of the utility is the same. Pass it so that one options object
   * serves both this function and `portfolioPerformance`. Default 0.
   */
  readonly riskFreeRate?: number;
}

/** Volatility slack (annual, absolute) under which the profile's cap counts as met. */
const VOLATILITY_SLACK = 1e-9;

/**
 * The allocation of a {@link RiskProfile}: long-only weights that maximise the quadratic utility
 * `μᵀw − (δ/2)·wᵀΣw` with the profile's risk aversion δ, within `[0, maxWeight]` per asset and a cap of
 * `maxCrypto` on the total weight of the assets whose `assetClassOf` is `"crypto"` (a `sectorLimits` constraint).
 *
 * The rule when the utility portfolio is too volatile (`√(wᵀΣw) > maxVolatility`):
 * 1. take the highest-return portfolio with volatility at most `maxVolatility` (`efficientRisk`), same constraints;
 * 2. if even the least volatile portfolio within the constraints is above `maxVolatility`, return that
 *    minimum-volatility portfolio (`minVolatility`, same constraints). The function stays total in this case:
 *    the result is then *above* the profile's volatility cap — compare `portfolioPerformance(...).volatility`
 *    with `profile.maxVolatility` to report it.
 *
 * @param profile one of `RISK_PROFILES` (or a custom profile).
 * @param mu annualised expected returns, labelled, length `n`.
 * @param cov annualised covariance, `n × n`, same labels and order.
 * @param options `{ assetClassOf = {}, riskFreeRate = 0 }`.
 * @returns long-only weights (fractions summing to 1) labelled like `cov`.
 * @throws InputError for malformed inputs or a profile with a non-positive risk aversion, or a volatility or
 *   weight cap that is not a positive number.
 * @throws InfeasibleError when the weight and crypto caps admit no fully invested portfolio, e.g. "maxQuadraticUtility:
 *   upper bounds sum to 0.8 < 1; raise the bounds or add assets" (4 assets with a 20 % cap) — the volatility cap never throws.
 *
 * @example
 * ```ts
 * // BOND, four equities (ρ = 0.5) and BTC (σ = 80 %, μ = 30 %) — see test/allocation/risk-profile-allocation.test.ts
 * const w = allocateForRiskProfile(riskProfile("Aggressive"), mu, cov, { assetClassOf: { BTC: "crypto" } });
 * w.values; // => ≈ [0, 0.35, 0.0619, 0.35, 0.1581, 0.08]   (BTC at the 8 % crypto cap; volatility 0.161 ≤ 0.2)
 * allocateForRiskProfile(riskProfile("Conservative"), mu, cov, { assetClassOf: { BTC: "crypto" } });
 * // => the minimum-volatility portfolio within 20 % per asset and no crypto (volatility 0.124 > 0.08: cap unreachable)
 * ```
 */
export function allocateForRiskProfile(
  profile: RiskProfile,
  mu: ExpectedReturns,
  cov: LabelledMatrix,
  options: RiskProfileAllocationOptions = {},
): Weights {
  const caller = "allocateForRiskProfile";
  for (const key of ["riskAversion", "maxVolatility", "maxWeight"] as const) {
    const value = profile[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new InputError("BAD_RISK_PROFILE", `${caller}: profile ${profile.name} has ${key} ${value}; it must be a finite number > 0`, {
        profile: profile.name,
        key,
        value,
      });
    }
  }
  if (typeof profile.maxCrypto !== "number" || !Number.isFinite(profile.maxCrypto) || profile.maxCrypto < 0) {
    throw new InputError("BAD_RISK_PROFILE", `${caller}: profile ${profile.name} has maxCrypto ${profile.maxCrypto}; it must be a finite fraction ≥ 0`, {
      profile: profile.name,
    });
  }
  const riskFreeRate = options.riskFreeRate ?? 0;
  if (typeof riskFreeRate !== "number" || !Number.isFinite(riskFreeRate)) {
    throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${riskFreeRate} must be a finite annual rate, e.g. 0.02`, { riskFreeRate });
  }

  const bounds = [0, Math.min(1, profile.maxWeight)] as const;
  const constraints: PortfolioConstraint[] = [];
  const assetClassOf = options.assetClassOf ?? {};
  if (cov.labels.some((label) => assetClassOf[label] === "crypto")) {
    constraints.push(sectorLimits({ sectorOf: assetClassOf, caps: { crypto: profile.maxCrypto } }));
  }
  const shared = { bounds, constraints };

  const utility = maxQuadraticUtility(mu, cov, { ...shared, riskAversion: profile.riskAversion });
  if (volatilityOf(cov, utility) <= profile.maxVolatility + VOLATILITY_SLACK) return utility;
  try {
    return efficientRisk(mu, cov, profile.maxVolatility, shared);
  } catch (error) {
    if (error instanceof InfeasibleError && error.code === "TARGET_VOLATILITY_TOO_LOW") return minVolatility(cov, shared);
    throw error;
  }
}

function volatilityOf(cov: LabelledMatrix, weights: LabelledVector): number {
  return Math.sqrt(Math.max(0, portfolioVariance(cov.values, weights.values)));
}
