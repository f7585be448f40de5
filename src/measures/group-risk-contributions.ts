/**
 * Risk contributions summed by group: by sector, by asset class, by any labelling of the assets.
 */
import { InputError } from "../core/index";
import { sectorOrClass, type InstrumentProfile } from "./instrument-profile";
import type { RiskContributions } from "./asset-risk-contributions";

/**
 * Sums asset risk contributions (and weights) by group. Euler contributions add up, so a group's contribution
 * is the sum of its members' and the groups still sum to σ (fractions to 1). Groups are listed in order of
 * first appearance.
 *
 * @param contributions per-asset contributions from {@link assetRiskContributions}; not changed.
 * @param groupOf the group of every asset, `{ ticker: group }`.
 * @throws InputError MISSING_GROUP naming the assets without a group.
 *
 * @example
 * ```ts
 * const rc = assetRiskContributions(weights, cov); // assets A, B, C
 * groupRiskContributions(rc, { A: "stocks", B: "stocks", C: "bonds" }).fractions.labels; // => ["stocks", "bonds"]
 * ```
 */
export function groupRiskContributions(contributions: RiskContributions, groupOf: Readonly<Record<string, string>>): RiskContributions {
  const labels = contributions.contributions.labels;
  const missing = labels.filter((t) => typeof groupOf[t] !== "string");
  if (missing.length > 0) {
    throw new InputError(
      "MISSING_GROUP",
      `groupRiskContributions: ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", …" : ""} ${missing.length === 1 ? "has" : "have"} no group; give every asset one`,
      { missing },
    );
  }
  const groups: string[] = [];
  const position = new Map<string, number>();
  for (const t of labels) {
    const g = groupOf[t]!;
    if (!position.has(g)) {
      position.set(g, groups.length);
      groups.push(g);
    }
  }
  const sum = (values: Float64Array): Float64Array => {
    const out = new Float64Array(groups.length);
    labels.forEach((t, i) => {
      out[position.get(groupOf[t]!)!] += values[i]!;
    });
    return out;
  };
  return {
    volatility: contributions.volatility,
    weights: { labels: groups, values: sum(contributions.weights.values) },
    contributions: { labels: groups, values: sum(contributions.contributions.values) },
    fractions: { labels: groups, values: sum(contributions.fractions.values) },
  };
}

/**
 * Risk contributions by sector: {@link groupRiskContributions} with each asset's sector, or its asset class when
 * it has no sector (bond funds under "bond", the index fund under "index"…).
 *
 * @param contributions per-asset contributions from {@link assetRiskContributions}; not changed.
 * @param instruments profiles covering every asset (e.g. `market.instruments`).
 * @throws InputError MISSING_INSTRUMENT naming assets absent from `instruments`.
 *
 * @example
 * ```ts
 * sectorRiskContributions(assetRiskContributions(weights, cov), market.instruments).fractions;
 * // => { labels: ["bond", "commodity", "Utilities", …], values: [0.31, 0.12, …] } (summing to 1)
 * ```
 */
export function sectorRiskContributions(contributions: RiskContributions, instruments: readonly InstrumentProfile[]): RiskContributions {
  const byTicker = new Map(instruments.map((i) => [i.ticker, i]));
  const missing = contributions.contributions.labels.filter((t) => !byTicker.has(t));
  if (missing.length > 0) {
    throw new InputError(
      "MISSING_INSTRUMENT",
      `sectorRiskContributions: ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", …" : ""} ${missing.length === 1 ? "is" : "are"} not in the instrument list, so ${missing.length === 1 ? "its" : "their"} sector is unknown; pass profiles for every asset`,
      { missing },
    );
  }
  const groupOf: Record<string, string> = {};
  for (const t of contributions.contributions.labels) groupOf[t] = sectorOrClass(byTicker.get(t)!);
  return groupRiskContributions(contributions, groupOf);
}
