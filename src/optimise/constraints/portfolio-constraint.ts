/**
 * The interface every portfolio constraint object implements.
 */
import type { ConstraintSystem } from "./constraint-system";

/**
 * A constraint on portfolio weights, passed to the optimisers in their `constraints` array. It writes itself
 * into a {@link ConstraintSystem} (bounds, linear rows, auxiliary variables, a holdings limit) and can check
 * its own feasibility with a message that names it and the nearest feasible setting.
 *
 * Build them with `assetBounds`, `shortLimits`, `sectorLimits`, `turnoverLimit`, `maxHoldings`.
 *
 * @example
 * ```ts
 * const constraints: PortfolioConstraint[] = [
 *   sectorLimits({ sectorOf: { ACME: "Tech", BOLT: "Tech", DYNA: "Energy" }, caps: { Tech: 0.5 }, floors: {} }),
 *   maxHoldings(4),
 * ];
 * maxSharpe(mu, S, { constraints });
 * ```
 */
export interface PortfolioConstraint {
  /** Short name used in messages, e.g. `"sector limits"`. */
  readonly name: string;
  /**
   * Adds the constraint to `system`.
   *
   * @throws InputError when the constraint does not fit the assets (unknown ticker, bad number).
   */
  apply(system: ConstraintSystem): void;
  /**
   * Checks, once every constraint has been applied, whether this one can hold together with the bounds and the
   * budget, before any solver runs.
   *
   * @throws InfeasibleError naming the constraint and the nearest feasible setting.
   */
  check?(system: ConstraintSystem): void;
}
