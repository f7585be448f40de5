/**
 * Per-asset weight bounds of an optimiser, and the check that a fully invested portfolio can meet them.
 */
import { InfeasibleError, InputError } from "../core/index";

/**
 * Bounds on each asset's weight (fractions of the portfolio): either one `[lower, upper]` pair for every
 * asset, or one pair per asset in label order. `-Infinity` / `Infinity` mean unbounded on that side.
 *
 * @example
 * ```ts
 * const longOnly: WeightBounds = [0, 1];
 * const perAsset: WeightBounds = [[0, 0.5], [0.1, 0.3], [0, 1]];
 * ```
 */
export type WeightBounds = readonly [number, number] | readonly (readonly [number, number])[];

/** The default long-only bounds `[0, 1]`, as PyPortfolioOpt's `weight_bounds=(0, 1)`. */
export const LONG_ONLY_BOUNDS: readonly [number, number] = Object.freeze([0, 1] as const);

/** Bounds expanded to one lower and one upper value per asset. */
export interface ResolvedWeightBounds {
  /** Lower bound per asset, length `n`. */
  readonly lower: Float64Array;
  /** Upper bound per asset, length `n`. */
  readonly upper: Float64Array;
}

/** Slack allowed when comparing the sums of bounds with the budget (1). */
const BUDGET_TOLERANCE = 1e-12;

/**
 * Expands {@link WeightBounds} to per-asset arrays and checks that some portfolio with weights summing to
 * `budget` (1) respects them: `Σ lower ≤ 1 ≤ Σ upper` and `lower ≤ upper` for each asset.
 *
 * @param bounds a single pair or one pair per asset; default {@link LONG_ONLY_BOUNDS}.
 * @param labels the asset labels (tickers), length `n`, used for lengths and messages.
 * @param caller the public function name used to prefix error messages.
 * @param budget the required sum of weights. Default 1.
 * @returns `{ lower, upper }`, each of length `n`.
 * @throws InputError when the bounds are malformed (wrong length, NaN, a lower bound of +Infinity…).
 * @throws InfeasibleError when an asset's lower bound exceeds its upper bound, the upper bounds sum below
 *   the budget, or the lower bounds sum above it; the message gives the sums and what to change.
 *
 * @example
 * ```ts
 * resolveWeightBounds([0, 0.2], ["A", "B", "C"], "minVolatility");
 * // => throws InfeasibleError "minVolatility: upper bounds sum to 0.6 < 1; raise the bounds or add assets"
 * resolveWeightBounds([0, 0.5], ["A", "B", "C"], "minVolatility").upper; // => Float64Array [0.5, 0.5, 0.5]
 * ```
 */
export function resolveWeightBounds(
  bounds: WeightBounds | undefined,
  labels: readonly string[],
  caller: string,
  budget = 1,
): ResolvedWeightBounds {
  const n = labels.length;
  const given = bounds ?? LONG_ONLY_BOUNDS;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  if (given.length === 2 && typeof given[0] === "number" && typeof given[1] === "number") {
    lower.fill(given[0]);
    upper.fill(given[1]);
  } else {
    if (given.length !== n) {
      throw new InputError(
        "BAD_BOUNDS",
        `${caller}: bounds have ${given.length} entries for ${n} assets; pass one [lower, upper] pair for all, or one pair per asset`,
        { nBounds: given.length, nAssets: n },
      );
    }
    for (let i = 0; i < n; i++) {
      const pair = given[i];
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new InputError("BAD_BOUNDS", `${caller}: bounds for ${labels[i]} are not a [lower, upper] pair`, { label: labels[i] });
      }
      lower[i] = pair[0] as number;
      upper[i] = pair[1] as number;
    }
  }
  let sumLower = 0;
  let sumUpper = 0;
  for (let i = 0; i < n; i++) {
    const lo = lower[i]!;
    const hi = upper[i]!;
    if (typeof lo !== "number" || typeof hi !== "number" || Number.isNaN(lo) || Number.isNaN(hi) || lo === Infinity || hi === -Infinity) {
      throw new InputError(
        "BAD_BOUNDS",
        `${caller}: bounds of ${labels[i]} are [${lo}, ${hi}]; each must be a number, lower < Infinity and upper > -Infinity`,
        { label: labels[i], lower: lo, upper: hi },
      );
    }
    if (lo > hi) {
      throw new InfeasibleError(
        "CROSSED_BOUNDS",
        `${caller}: lower bound of ${labels[i]} (${lo}) is above its upper bound (${hi}); swap or widen them`,
        { label: labels[i], lower: lo, upper: hi },
      );
    }
    sumLower += lo;
    sumUpper += hi;
  }
  const show = (x: number) => Number(x.toPrecision(12));
  if (sumUpper < budget - BUDGET_TOLERANCE) {
    throw new InfeasibleError(
      "BOUNDS_BELOW_BUDGET",
      `${caller}: upper bounds sum to ${show(sumUpper)} < ${budget}; raise the bounds or add assets`,
      { sumUpper, budget },
    );
  }
  if (sumLower > budget + BUDGET_TOLERANCE) {
    throw new InfeasibleError(
      "BOUNDS_ABOVE_BUDGET",
      `${caller}: lower bounds sum to ${show(sumLower)} > ${budget}; lower the bounds or remove assets`,
      { sumLower, budget },
    );
  }
  return { lower, upper };
}
