/**
 * The unit of each feature of a catalogue, so that feature rows print themselves.
 */
import type { Unit } from "../core/index";
import type { FeatureDefinition } from "./feature-definition";

/**
 * Unit by feature name (`"number"` for a definition without one), in the catalogue's order: the units a
 * `Panel` of feature rows takes (`panel(frame, featureUnits(catalogue))`).
 *
 * @example
 * ```ts
 * const units = featureUnits(defaultFeatureCatalogue());
 * units["volatility_63d"];    // => "fraction" (prints 11.39 %)
 * units["beta_252d"];         // => "ratio" (prints 0.51)
 * units["days_since_filing"]; // => "count"
 * ```
 */
export function featureUnits(catalogue: readonly FeatureDefinition[]): Readonly<Record<string, Unit>> {
  return Object.fromEntries(catalogue.map((f) => [f.name, f.unit ?? "number"]));
}
