/**
 * Weights proportional to positive scores, each capped.
 */
import { InputError } from "../core/index";
import type { LabelledVector } from "../core/index";

/**
 * Weights proportional to `max(0, score)`, none above `maxWeight`: the excess of a capped weight is spread over
 * the uncapped ones in proportion to their scores, until no weight exceeds the cap. When fewer than `1 / maxWeight`
 * scores are positive the weights sum to `count × maxWeight < 1` (the rest is cash); when none is positive, all are 0.
 *
 * @param scores labelled scores (any sign), finite.
 * @param maxWeight cap per weight, in (0, 1].
 * @returns weights labelled like `scores` (fractions, sum ≤ 1).
 * @throws InputError BAD_CAP for a cap outside (0, 1]; NAN_IN_INPUT for a non-finite score.
 * @example
 * ```ts
 * cappedWeights({ labels: ["A", "B", "C", "D"], values: Float64Array.of(6, 2, 2, -1) }, 0.5).values;
 * // => Float64Array [0.5, 0.25, 0.25, 0]   (A's 0.6 capped at 0.5, its 0.1 shared by B and C)
 * ```
 */
export function cappedWeights(scores: LabelledVector, maxWeight: number): LabelledVector {
  if (typeof maxWeight !== "number" || !(maxWeight > 0 && maxWeight <= 1)) {
    throw new InputError("BAD_CAP", `cappedWeights: maxWeight ${String(maxWeight)} must be in (0, 1], e.g. 0.1`, { maxWeight });
  }
  const n = scores.values.length;
  const out = new Float64Array(n);
  const active: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = scores.values[i]!;
    if (!Number.isFinite(s)) throw new InputError("NAN_IN_INPUT", `cappedWeights: score of ${scores.labels[i]} is ${s}; scores must be finite`, { label: scores.labels[i] });
    if (s > 0) active.push(i);
  }
  let remaining = Math.min(1, active.length * maxWeight);
  let free = active;
  while (free.length > 0) {
    let total = 0;
    for (const i of free) total += scores.values[i]!;
    const capped: number[] = [];
    for (const i of free) if ((remaining * scores.values[i]!) / total > maxWeight) capped.push(i);
    if (capped.length === 0) {
      for (const i of free) out[i] = (remaining * scores.values[i]!) / total;
      break;
    }
    for (const i of capped) out[i] = maxWeight;
    remaining -= capped.length * maxWeight;
    free = free.filter((i) => !capped.includes(i));
  }
  return { labels: scores.labels, values: out };
}
