/**
 * A hypothetical scenario made of several shocks applied together.
 */
import { InputError } from "../core/index";
import type { Scenario } from "./scenario";

/** Options of {@link combinedShock}. */
export interface CombinedShockOptions {
  /** The scenarios to add up (deterministic ones: shocks or historical windows, not simulations). */
  readonly scenarios: readonly Scenario[];
  /** Name shown in reports. Default the parts' names joined by " + ". */
  readonly name?: string;
}

/**
 * A hypothetical scenario whose return for each holding is the sum of the parts' returns (first order, e.g.
 * "equities −20 % and rates +200 bp"), floored at −100 % (a holding cannot lose more than its value). The
 * notes keep every part's notes.
 *
 * @param options `{ scenarios, name }`.
 * @throws InputError BAD_SCENARIO when no scenario is given (at construction) or a part is distributional
 *   (it has a tail: simulations and covariance stresses cannot be added), plus whatever a part throws.
 *
 * @example
 * ```ts
 * const stagflation = combinedShock({ scenarios: [assetClassShock({ shocks: { equity: -0.2 } }), rateShock({ basisPoints: 200 })], name: "stagflation" });
 * runStressTest(stagflation, portfolio, context).totalLoss; // => the sum of the two losses
 * ```
 */
export function combinedShock(options: CombinedShockOptions): Scenario {
  const caller = "combinedShock";
  if (options.scenarios.length === 0) {
    throw new InputError("BAD_SCENARIO", `${caller}: no scenarios to combine; pass at least one`, {});
  }
  const name = options.name ?? options.scenarios.map((s) => s.name).join(" + ");
  return {
    name,
    kind: "hypothetical",
    evaluate(history) {
      const total = new Float64Array(history.tickers.length);
      const notes: string[] = [];
      for (const part of options.scenarios) {
        const outcome = part.evaluate(history);
        if (outcome.tail) {
          throw new InputError(
            "BAD_SCENARIO",
            `${caller}: ${part.name} is a distribution (it reports a tail), which cannot be added to a shock; combine deterministic scenarios only`,
            { part: part.name },
          );
        }
        outcome.assetReturns.forEach((r, c) => {
          total[c] = total[c]! + r;
        });
        for (const note of outcome.notes ?? []) notes.push(`${part.name}: ${note}`);
      }
      const floored = history.tickers.filter((_, c) => total[c]! < -1);
      for (let c = 0; c < total.length; c++) total[c] = Math.max(-1, total[c]!);
      if (floored.length > 0) notes.push(`floored at −100 %: ${floored.join(", ")}`);
      return {
        assetReturns: total,
        description: `hypothetical: ${options.scenarios.map((s) => s.name).join(" and ")} at once (returns added, first order)`,
        notes,
      };
    },
  };
}
