/**
 * One portfolio per investor risk profile, under one prior, and their comparison in one table.
 */
import { table, type Table } from "../core/index";
import type { Prior } from "../moments/index";
import { comparePortfolios, type Portfolio } from "../optimise/index";
import type { RiskProfileAllocationOptions } from "./risk-profile-allocation";
import { riskProfilePortfolio } from "./risk-profile-portfolio";
import { RISK_PROFILES, type RiskProfile } from "./risk-profile";

/** Options of {@link riskProfilePortfolios}. */
export interface RiskProfilePortfoliosOptions extends RiskProfileAllocationOptions {
  /** The profiles (default {@link RISK_PROFILES}: Conservative, Balanced, Aggressive). */
  readonly profiles?: readonly RiskProfile[];
}

/**
 * The allocation of each risk profile (`riskProfilePortfolio`) as a named `Portfolio` under the prior.
 *
 * @example
 * ```ts
 * riskProfilePortfolios(p, { assetClassOf: universe.assetClassOf }).map((q) => q.name);
 * // => ["Conservative", "Balanced", "Aggressive"]
 * ```
 */
export function riskProfilePortfolios(prior: Prior, options: RiskProfilePortfoliosOptions = {}): Portfolio[] {
  const profiles = options.profiles ?? RISK_PROFILES;
  return profiles.map((profile) => riskProfilePortfolio(profile, prior, options));
}

/**
 * The profiles' portfolios side by side with their limits: risk aversion, volatility cap, crypto weight against the
 * crypto cap, and the usual figures (expected return, volatility, Sharpe, holdings, largest weight).
 *
 * @example
 * ```ts
 * compareRiskProfiles(p, { assetClassOf: universe.assetClassOf, riskFreeRate: 0.02 });
 * ```
 */
export function compareRiskProfiles(prior: Prior, options: RiskProfilePortfoliosOptions = {}): Table {
  const profiles = options.profiles ?? RISK_PROFILES;
  const list = riskProfilePortfolios(prior, options);
  const byName = (f: (p: RiskProfile) => number) => Object.fromEntries(profiles.map((p) => [p.name, f(p)]));
  const crypto = Object.fromEntries(list.map((q) => [q.name, q.weights.groupBy(options.assetClassOf ?? {}).getOr("crypto", 0)]));
  const figures = comparePortfolios(list);
  return table(
    {
      "risk aversion": byName((p) => p.riskAversion),
      "volatility cap": byName((p) => p.maxVolatility),
      ...Object.fromEntries(figures.columns.map((c) => [c, figures.column(c)])),
      crypto,
      "crypto cap": byName((p) => p.maxCrypto),
    },
    { labelName: "profile", units: { "risk aversion": "ratio", "volatility cap": "fraction", crypto: "fraction", "crypto cap": "fraction" }, caption: figures.caption },
  );
}
