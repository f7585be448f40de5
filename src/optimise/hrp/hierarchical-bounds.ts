/**
 * Weight bounds of the hierarchical allocations (HRP, HERC, NCO): long-only bounds, the bisection's bounded split
 * and the nearest bounded weights (skfolio's two ways of meeting `min_weights` and `max_weights`).
 */
import { InfeasibleError, InputError } from "../../core/index";
import { resolveWeightBounds, type ResolvedWeightBounds, type WeightBounds } from "../weight-bounds";

/**
 * Per-asset bounds for a hierarchical allocation: {@link resolveWeightBounds} (a pair for all or one per asset,
 * `Σ lower ≤ 1 ≤ Σ upper`), long only — lower bounds ≥ 0, upper bounds above 1 taken as 1 (as skfolio's
 * `min_weights ≥ 0`, `max_weights ≤ 1`).
 *
 * @param bounds default `[0, 1]`.
 * @param labels the tickers.
 * @param caller the public function name used to prefix error messages.
 * @returns `{ lower, upper }` per asset.
 * @throws InputError BAD_BOUNDS naming an asset with a negative lower bound; InfeasibleError as
 *   {@link resolveWeightBounds} (crossed bounds, or sums that leave no fully invested portfolio).
 *
 * @example
 * ```ts
 * hierarchicalBounds([0, 0.2], ["A", "B", "C"], "herc");
 * // => throws InfeasibleError "herc: upper bounds sum to 0.6 < 1; raise the bounds or add assets"
 * ```
 */
export function hierarchicalBounds(bounds: WeightBounds | undefined, labels: readonly string[], caller: string): ResolvedWeightBounds {
  const { lower, upper } = resolveWeightBounds(bounds, labels, caller);
  for (let i = 0; i < labels.length; i++) {
    if (lower[i]! < 0) {
      throw new InputError("BAD_BOUNDS", `${caller}: lower bound of ${labels[i]} is ${lower[i]}; hierarchical allocations are long only, use bounds ≥ 0`, { label: labels[i], lower: lower[i] });
    }
    upper[i] = Math.min(1, upper[i]!);
  }
  return { lower, upper };
}

/**
 * The bisection's split `α` (share of the parent's weight `W` to the left cluster) moved into the range the bounds
 * allow, as skfolio's HRP: `α ← min(ΣU_L/W, max(ΣL_L/W, α))`, then `1 − α ← min(ΣU_R/W, max(ΣL_R/W, 1 − α))`.
 * Applied at every split, it keeps each final weight within its bounds when `Σ lower ≤ 1 ≤ Σ upper`.
 *
 * @param alpha the unconstrained split, in [0, 1].
 * @param parentWeight the weight W of the cluster being split (> 0).
 * @param left asset indices of the left cluster.
 * @param right asset indices of the right cluster.
 * @param bounds per-asset bounds.
 * @returns the split within bounds.
 *
 * @example
 * ```ts
 * // The left asset may hold at most 0.3 of a parent of weight 1: α = 0.8 becomes 0.3.
 * boundedSplit(0.8, 1, [0], [1], { lower: Float64Array.of(0, 0), upper: Float64Array.of(0.3, 1) }); // => 0.3
 * ```
 */
export function boundedSplit(alpha: number, parentWeight: number, left: readonly number[], right: readonly number[], bounds: ResolvedWeightBounds): number {
  const total = (items: readonly number[], of: Float64Array) => items.reduce((s, i) => s + of[i]!, 0);
  let a = Math.min(total(left, bounds.upper) / parentWeight, Math.max(total(left, bounds.lower) / parentWeight, alpha));
  a = 1 - Math.min(total(right, bounds.upper) / parentWeight, Math.max(total(right, bounds.lower) / parentWeight, 1 - a));
  return a;
}

/**
 * The fully invested weights within bounds closest to `weights` in relative terms, `min Σ((wᵢ − w⁰ᵢ)/w⁰ᵢ)²`
 * subject to `Σwᵢ = 1` and `lowerᵢ ≤ wᵢ ≤ upperᵢ` — skfolio's `minimize_relative_weight_deviation`, which HERC
 * applies after allocating (NCO here too). Solved exactly: the optimum is `wᵢ = clip(w⁰ᵢ + ν·w⁰ᵢ², lowerᵢ, upperᵢ)`
 * with the multiplier ν found by bisection on the budget. Weights already within bounds come back unchanged.
 * `distance: "absolute"` minimises `Σ(wᵢ − w⁰ᵢ)²` instead (`wᵢ = clip(w⁰ᵢ + ν)`, the Euclidean projection), which
 * also moves weights that start at 0 (NCO's, whose optimisers may leave assets out).
 *
 * @param weights initial weights, all > 0 (≥ 0 with `distance: "absolute"`), summing to 1.
 * @param bounds per-asset bounds with `Σ lower ≤ 1 ≤ Σ upper`.
 * @param options `{ distance = "relative" }`.
 * @returns new weights within bounds, summing to 1.
 * @throws InfeasibleError BOUNDS_UNREACHABLE when the bounds leave no fully invested portfolio; InputError when a
 *   weight is not positive.
 *
 * @example
 * ```ts
 * // 0.5 over its cap of 0.4: the excess 0.1 goes to the others in proportion to w⁰² (0.09 : 0.04).
 * closestWithinBounds(Float64Array.of(0.5, 0.3, 0.2), { lower: new Float64Array(3), upper: Float64Array.of(0.4, 1, 1) });
 * // => ≈ Float64Array [0.4, 0.3692, 0.2308]
 * ```
 */
export function closestWithinBounds(weights: Float64Array, bounds: ResolvedWeightBounds, options: { readonly distance?: "relative" | "absolute" } = {}): Float64Array {
  const n = weights.length;
  const { lower, upper } = bounds;
  const absolute = options.distance === "absolute";
  let inside = true;
  for (let i = 0; i < n; i++) {
    if (!(weights[i]! > 0) && !(absolute && weights[i]! >= 0)) {
      throw new InputError("BAD_WEIGHTS", `closestWithinBounds: weight ${i} is ${weights[i]}; initial weights must be positive (use distance "absolute" for weights that may be 0)`, { index: i });
    }
    inside &&= weights[i]! >= lower[i]! && weights[i]! <= upper[i]!;
  }
  const scale = Float64Array.from(weights, (w) => (absolute ? 1 : w * w));
  if (inside) return Float64Array.from(weights);
  const at = (nu: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.min(upper[i]!, Math.max(lower[i]!, weights[i]! + nu * scale[i]!));
    return s;
  };
  let sumLower = 0;
  let sumUpper = 0;
  for (let i = 0; i < n; i++) {
    sumLower += lower[i]!;
    sumUpper += upper[i]!;
  }
  if (sumLower > 1 + 1e-12 || sumUpper < 1 - 1e-12) {
    throw new InfeasibleError("BOUNDS_UNREACHABLE", `closestWithinBounds: no fully invested weights lie within the bounds (lower bounds sum to ${sumLower}, upper to ${sumUpper})`, { sumLower, sumUpper });
  }
  if (sumLower >= 1 - 1e-12) return Float64Array.from(lower); // the only portfolio left
  if (sumUpper <= 1 + 1e-12) return Float64Array.from(upper);
  let lo = -1;
  let hi = 1;
  while (at(lo) > 1) lo *= 2; // ends: Σ lower < 1 is reached for a finite ν
  while (at(hi) < 1) hi *= 2;
  for (let k = 0; k < 2000; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (at(mid) < 1) lo = mid;
    else hi = mid;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.min(upper[i]!, Math.max(lower[i]!, weights[i]! + hi * scale[i]!));
  // Put the last rounding residue on a weight strictly inside its bounds.
  const residue = 1 - out.reduce((s, x) => s + x, 0);
  for (let i = 0; i < n && residue !== 0; i++) {
    if (out[i]! + residue > lower[i]! && out[i]! + residue < upper[i]!) {
      out[i] = out[i]! + residue;
      break;
    }
  }
  return out;
}
