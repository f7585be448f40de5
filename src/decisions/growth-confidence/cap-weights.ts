/**
 * Capping weights at a maximum and handing the excess to the others in proportion.
 */
import { InfeasibleError, InputError } from "../../core/index";

/**
 * Weights proportional to non-negative `preferences`, summing to 1, none above `maxWeight`: the weights are
 * normalised, those above the cap are clipped to it, and the rest of the budget is shared again among the
 * others in proportion to their preferences — repeated until no weight exceeds the cap (at most `n` rounds; the
 * result is the unique capped-proportional, "water-filling", solution). Zero preferences stay at 0.
 *
 * @param preferences non-negative numbers, length `n`, at least one positive; not modified.
 * @param maxWeight the cap, in (0, 1].
 * @returns a new array of weights, length `n`.
 * @throws InputError when a preference is negative or not finite, none is positive, or the cap is not in (0, 1].
 * @throws InfeasibleError when fewer than `1 / maxWeight` preferences are positive (the capped weights cannot sum to 1).
 *
 * @example
 * ```ts
 * capWeights([0.18, 0.06, 0.04, 0], 0.34);
 * // => ≈ [0.34, 0.34, 0.32, 0]   (0.643 → 0.34; the 0.66 left splits 0.06 : 0.04 = 0.396 → 0.34; C gets 0.32)
 * ```
 */
export function capWeights(preferences: ArrayLike<number>, maxWeight: number): Float64Array {
  const caller = "capWeights";
  const n = preferences.length;
  if (typeof maxWeight !== "number" || !(maxWeight > 0 && maxWeight <= 1)) {
    throw new InputError("BAD_MAX_WEIGHT", `${caller}: maxWeight ${maxWeight} must be in (0, 1], e.g. 0.25`, { maxWeight });
  }
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const p = preferences[i]!;
    if (!Number.isFinite(p) || p < 0) throw new InputError("BAD_PREFERENCE", `${caller}: preference ${i} is ${p}; preferences must be finite and ≥ 0`, { index: i });
    if (p > 0) positive++;
  }
  if (positive === 0) throw new InputError("NO_POSITIVE_PREFERENCE", `${caller}: no preference is positive; nothing to weight`, {});
  if (positive * maxWeight < 1 - 1e-12) {
    throw new InfeasibleError(
      "TOO_FEW_TO_CAP",
      `${caller}: only ${positive} weight${positive === 1 ? " is" : "s are"} allowed to be positive, so at most ${positive} × ${maxWeight} = ${Number((positive * maxWeight).toPrecision(6))} < 1 can be invested; raise maxWeight to at least ${Number((1 / positive).toPrecision(6))}`,
      { positive, maxWeight },
    );
  }
  const w = new Float64Array(n);
  const capped = new Uint8Array(n);
  let budget = 1;
  for (let round = 0; round <= n; round++) {
    let free = 0;
    for (let i = 0; i < n; i++) if (!capped[i]) free += preferences[i]!;
    let clipped = false;
    for (let i = 0; i < n; i++) {
      if (capped[i]) continue;
      w[i] = (budget * preferences[i]!) / free;
      if (w[i]! > maxWeight) {
        capped[i] = 1;
        clipped = true;
      }
    }
    if (!clipped) break;
    budget = 1;
    for (let i = 0; i < n; i++) {
      if (capped[i]) {
        w[i] = maxWeight;
        budget -= maxWeight;
      }
    }
  }
  return w;
}
