import { InputError } from "../core/index";

/**
 * A named investor setting: how much risk, how concentrated, how much in speculative assets.
 * Used to pick an allocation per profile (e.g. maximum quadratic utility with this risk aversion,
 * capped at this volatility) and shown in the dashboard.
 */
export interface RiskProfile {
  readonly name: "Conservative" | "Balanced" | "Aggressive";
  /** One sentence for the reader. */
  readonly description: string;
  /** Risk aversion δ of the quadratic utility wᵀμ − ½δ·wᵀΣw (higher: more careful). */
  readonly riskAversion: number;
  /** Annual volatility the portfolio may not exceed (fraction). */
  readonly maxVolatility: number;
  /** Largest weight of one asset (fraction). */
  readonly maxWeight: number;
  /** Largest total weight of crypto assets (fraction). */
  readonly maxCrypto: number;
}

/**
 * The three profiles. Volatility caps follow common model-portfolio bands (≈ 30/70, 60/40 and
 * all-equity portfolios have had 6–9 %, 10–12 % and 15–20 % annual volatility).
 *
 * @example
 * ```ts
 * RISK_PROFILES.map((p) => p.name); // => ["Conservative", "Balanced", "Aggressive"]
 * RISK_PROFILES[1].maxVolatility; // => 0.12
 * ```
 */
export const RISK_PROFILES: readonly RiskProfile[] = Object.freeze([
  Object.freeze({ name: "Conservative", description: "Capital first: mostly bonds and steady equities, little concentration, no crypto.", riskAversion: 10, maxVolatility: 0.08, maxWeight: 0.2, maxCrypto: 0 }),
  Object.freeze({ name: "Balanced", description: "Growth with a cushion: a diversified mix with room for the model's best ideas.", riskAversion: 4, maxVolatility: 0.12, maxWeight: 0.25, maxCrypto: 0.03 }),
  Object.freeze({ name: "Aggressive", description: "Growth first: concentrated in the highest expected returns, higher swings accepted.", riskAversion: 1.5, maxVolatility: 0.2, maxWeight: 0.35, maxCrypto: 0.08 }),
] as const);

/**
 * A profile by name.
 *
 * @example
 * ```ts
 * riskProfile("Balanced").riskAversion; // => 4
 * ```
 * @throws InputError naming an unknown profile and the known ones.
 */
export function riskProfile(name: string): RiskProfile {
  const p = RISK_PROFILES.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!p) throw new InputError("UNKNOWN_PROFILE", `riskProfile: no profile named "${name}"; the profiles are ${RISK_PROFILES.map((x) => x.name).join(", ")}`, { name });
  return p;
}
