/**
 * Bounds on individual weights, as a constraint object.
 */
import { InputError } from "../../core/index";
import type { ConstraintSystem } from "./constraint-system";
import type { PortfolioConstraint } from "./portfolio-constraint";

/**
 * Weight bounds as a constraint object: one global `[lower, upper]` pair for every asset, or pairs for named
 * assets (`{ ACME: [0, 0.2] }`; unnamed assets keep their bounds). They intersect the optimiser's `bounds`
 * option (bounds only ever tighten). Fractions of the portfolio; `-Infinity`/`Infinity` for no bound.
 *
 * @param bounds a global pair or a record of pairs by ticker.
 * @returns a {@link PortfolioConstraint} named `"asset bounds"`.
 * @throws InputError (when applied) for an unknown ticker or a bound that is NaN, a lower bound of +Infinity or an
 *   upper bound of -Infinity. Crossed bounds are reported by the diagnosis as an InfeasibleError naming both sources.
 *
 * @example
 * ```ts
 * minVolatility(S, { constraints: [assetBounds({ ACME: [0.1, 0.2] }), assetBounds([0, 0.4])] });
 * // => weights with 0.1 ≤ ACME ≤ 0.2 and every weight ≤ 0.4
 * ```
 */
export function assetBounds(bounds: readonly [number, number] | Readonly<Record<string, readonly [number, number]>>): PortfolioConstraint {
  const name = "asset bounds";
  const check = (label: string, pair: readonly [number, number]) => {
    const [lo, hi] = pair;
    if (typeof lo !== "number" || typeof hi !== "number" || Number.isNaN(lo) || Number.isNaN(hi) || lo === Infinity || hi === -Infinity) {
      throw new InputError("BAD_BOUNDS", `${name}: bounds of ${label} are [${lo}, ${hi}]; each must be a number, lower < Infinity and upper > -Infinity`, {
        label,
      });
    }
  };
  return {
    name,
    apply(system: ConstraintSystem) {
      if (Array.isArray(bounds)) {
        const pair = bounds as readonly [number, number];
        check("every asset", pair);
        for (let i = 0; i < system.nAssets; i++) system.tightenBounds(i, pair[0], pair[1], name);
        return;
      }
      for (const [label, pair] of Object.entries(bounds as Readonly<Record<string, readonly [number, number]>>)) {
        check(label, pair);
        system.tightenBounds(system.requireIndex(label, name), pair[0], pair[1], name);
      }
    },
  };
}
