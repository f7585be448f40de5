/**
 * A hypothetical scenario: a return applied to every holding of an asset class.
 */
import { InputError } from "../core/index";
import type { Scenario } from "./scenario";
import { holdingProfiles } from "./stress-context";

/** Options of {@link assetClassShock}. */
export interface AssetClassShockOptions {
  /** Return by asset class, e.g. `{ equity: -0.2, index: -0.2 }` (fractions ≥ −1). */
  readonly shocks: Readonly<Record<string, number>>;
  /** Name shown in reports. Default built from the shocks, e.g. `"equity −20 %, index −20 %"`. */
  readonly name?: string;
}

function formatShock(value: number): string {
  return `${value < 0 ? "−" : "+"}${Math.abs(value * 100).toFixed(Number.isInteger(value * 100) ? 0 : 1)} %`;
}

/**
 * A hypothetical scenario: every holding of a shocked asset class moves by that class's return at once
 * (`{ equity: -0.2 }`: equities −20 %). Holdings of other classes are left unchanged, and the result's notes
 * name them — a one-factor shock ignores how other assets would react (see {@link marketShock} for that).
 *
 * @param options `{ shocks, name }`.
 * @throws InputError BAD_SHOCK when a shock is not a finite return ≥ −1 or there is none (at construction);
 *   when run: MISSING_INSTRUMENTS / MISSING_INSTRUMENT when a holding's asset class is unknown, UNKNOWN_ASSET_CLASS
 *   when a shocked class matches no instrument (a typo such as `"equities"`).
 *
 * @example
 * ```ts
 * runStressTest(assetClassShock({ shocks: { equity: -0.2 } }), portfolio, context).lossByAsset;
 * // => 0.2 × capital × weight for each equity holding, 0 for the others
 * ```
 */
export function assetClassShock(options: AssetClassShockOptions): Scenario {
  const caller = "assetClassShock";
  const entries = Object.entries(options.shocks);
  if (entries.length === 0) {
    throw new InputError("BAD_SHOCK", `${caller}: no shocks given; pass e.g. { shocks: { equity: -0.2 } }`, {});
  }
  for (const [assetClass, value] of entries) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < -1) {
      throw new InputError(
        "BAD_SHOCK",
        `${caller}: shock for ${assetClass} is ${String(value)}; pass a return as a fraction ≥ −1 (−0.2 for −20 %)`,
        { assetClass, value },
      );
    }
  }
  const name = options.name ?? entries.map(([c, v]) => `${c} ${formatShock(v)}`).join(", ");
  return {
    name,
    kind: "hypothetical",
    evaluate(history) {
      const profiles = holdingProfiles(history, caller);
      const known = new Set([...history.instruments!.values()].map((i) => i.assetClass));
      const unknown = entries.map(([c]) => c).filter((c) => !known.has(c));
      if (unknown.length > 0) {
        throw new InputError(
          "UNKNOWN_ASSET_CLASS",
          `${caller}: asset class ${unknown.join(", ")} matches no instrument; the classes are ${[...known].join(", ")}`,
          { unknown, known: [...known] },
        );
      }
      const untouched = new Map<string, string[]>();
      const assetReturns = Float64Array.from(profiles, (p) => {
        const shock = options.shocks[p.assetClass];
        if (shock === undefined) {
          untouched.set(p.assetClass, [...(untouched.get(p.assetClass) ?? []), p.ticker]);
          return 0;
        }
        return shock;
      });
      const notes = [...untouched].map(([c, tickers]) => `not shocked (${c}): ${tickers.join(", ")}`);
      return { assetReturns, description: `hypothetical: ${name}, applied at once to every holding of the class`, notes };
    },
  };
}
