/**
 * Builds the {@link ConstraintSystem} of an optimiser call from its bounds, budget and constraint objects.
 */
import { InputError } from "../../core/index";
import { resolveWeightBounds, type WeightBounds } from "../weight-bounds";
import { ConstraintSystem } from "./constraint-system";
import { diagnoseInfeasibility } from "./diagnose-infeasibility";
import type { PortfolioConstraint } from "./portfolio-constraint";

/** Options of {@link buildConstraintSystem}. */
export interface BuildConstraintSystemOptions {
  /** Weight bounds (one pair or one per asset). Default `[0, 1]`, or `[-1, 1]` when `budget` is 0 (market neutral). */
  readonly bounds?: WeightBounds;
  /** Constraint objects, applied in order. Default none. */
  readonly constraints?: readonly PortfolioConstraint[];
  /** Required sum of the weights: 1 (default) or 0 (market neutral). */
  readonly budget?: number;
  /** Run {@link diagnoseInfeasibility} after applying the constraints. Default `true`. */
  readonly diagnose?: boolean;
}

/**
 * Resolves the bounds, applies each constraint object and diagnoses infeasibility, giving the feasible set
 * every optimiser solves over.
 *
 * @param labels asset labels (tickers), length `n`.
 * @param caller the public function name used to prefix messages.
 * @param options `{ bounds, constraints = [], budget = 1, diagnose = true }`.
 * @returns the {@link ConstraintSystem}.
 * @throws InputError when the bounds or a constraint are malformed (e.g. an element of `constraints` is not a
 *   constraint object, or names an unknown ticker).
 * @throws InfeasibleError when the constraints admit no portfolio (see {@link diagnoseInfeasibility}).
 *
 * @example
 * ```ts
 * buildConstraintSystem(["A", "B", "C"], "maxSharpe", { constraints: [assetBounds([0, 0.2])] });
 * // => throws InfeasibleError "maxSharpe: upper bounds sum to 0.6 < 1 (set by asset bounds); raise the bounds or add assets"
 * ```
 */
export function buildConstraintSystem(labels: readonly string[], caller: string, options: BuildConstraintSystemOptions = {}): ConstraintSystem {
  const budget = options.budget ?? 1;
  const defaultBounds: WeightBounds = budget === 0 ? [-1, 1] : [0, 1];
  const { lower, upper } = resolveWeightBounds(options.bounds ?? defaultBounds, labels, caller, budget);
  const system = new ConstraintSystem(labels, budget, lower, upper);
  const constraints = options.constraints ?? [];
  if (!Array.isArray(constraints)) {
    throw new InputError("BAD_CONSTRAINTS", `${caller}: constraints must be an array of constraint objects, e.g. [sectorLimits({...}), maxHoldings(10)]`, {});
  }
  constraints.forEach((constraint, k) => {
    if (typeof constraint !== "object" || constraint === null || typeof (constraint as PortfolioConstraint).apply !== "function") {
      throw new InputError(
        "BAD_CONSTRAINT",
        `${caller}: constraints[${k}] is not a constraint object; build one with assetBounds, shortLimits, sectorLimits, turnoverLimit or maxHoldings`,
        { index: k },
      );
    }
    constraint.apply(system);
  });
  if (options.diagnose ?? true) diagnoseInfeasibility(system, constraints, caller);
  return system;
}
