/**
 * One risk profile's allocation as a portfolio, and the profiles' settings as a table.
 */
import { tableOfRows, type Table } from "../core/index";
import type { Prior } from "../moments/index";
import { portfolioOf, type Portfolio } from "../optimise/index";
import { RISK_PROFILES, riskProfile, type RiskProfile } from "./risk-profile";
import { allocateForRiskProfile, type RiskProfileAllocationOptions } from "./risk-profile-allocation";

/**
 * The allocation of one risk profile ({@link allocateForRiskProfile} on the prior's μ and Σ) as a `Portfolio` named
 * after the profile.
 *
 * @param profile a profile or its name (`"Balanced"`, case-insensitive).
 * @param prior the expected returns and covariance to allocate on.
 * @param options `{ assetClassOf, riskFreeRate }` (the risk-free rate is also the portfolio's, for its Sharpe ratio).
 * @throws InputError UNKNOWN_PROFILE for an unknown name; as {@link allocateForRiskProfile}.
 * @example
 * ```ts
 * const balanced = riskProfilePortfolio("Balanced", prior(prices, { lookback: 1260 }), { assetClassOf: universe.assetClassOf });
 * balanced.name;      // => "Balanced"
 * balanced.volatility; // ≤ 0.12 unless no portfolio is that calm
 * ```
 */
export function riskProfilePortfolio(profile: RiskProfile | string, prior: Prior, options: RiskProfileAllocationOptions = {}): Portfolio {
  const p = typeof profile === "string" ? riskProfile(profile) : profile;
  const weights = allocateForRiskProfile(p, prior.expectedReturns, prior.covariance, options);
  return portfolioOf(p.name, weights, prior, { riskFreeRate: options.riskFreeRate });
}

/**
 * The risk profiles' settings, one row per profile: risk aversion δ, volatility cap, weight cap, crypto cap and the
 * one-sentence description.
 *
 * @param profiles the profiles (default {@link RISK_PROFILES}).
 * @example
 * ```ts
 * riskProfileTable().column("maxVolatility").get("Balanced"); // => 0.12
 * ```
 */
export function riskProfileTable(profiles: readonly RiskProfile[] = RISK_PROFILES): Table {
  const rows = profiles.map((p) => ({ profile: p.name, riskAversion: p.riskAversion, maxVolatility: p.maxVolatility, maxWeight: p.maxWeight, maxCrypto: p.maxCrypto, description: p.description }));
  return tableOfRows(rows, { units: { riskAversion: "ratio", maxVolatility: "fraction", maxWeight: "fraction", maxCrypto: "fraction", description: "text" } });
}
