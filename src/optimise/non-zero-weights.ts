import { InputError, type Weights } from "../core/index";
import type { LabelledVector } from "../core/index";

/**
 * The holdings of a portfolio: weights whose absolute value is at least `threshold`, largest first.
 * For tables and charts; the weights themselves are unchanged.
 *
 * @example
 * ```ts
 * nonZeroWeights({ labels: ["A", "B", "C"], values: Float64Array.from([0.3, 0, 0.7]) });
 * // => { labels: ["C", "A"], values: Float64Array [0.7, 0.3] }
 * ```
 * @throws InputError when labels and values differ in length or a weight is not finite.
 */
export function nonZeroWeights(weights: Weights, threshold = 1e-6): Weights {
  if (weights.labels.length !== weights.values.length) {
    throw new InputError("SHAPE_MISMATCH", `nonZeroWeights: ${weights.labels.length} labels but ${weights.values.length} weights`);
  }
  const kept: { label: string; w: number }[] = [];
  weights.labels.forEach((label, i) => {
    const w = weights.values[i]!;
    if (!Number.isFinite(w)) throw new InputError("NON_FINITE", `nonZeroWeights: weight of ${label} is ${w}`, { label });
    if (Math.abs(w) >= threshold) kept.push({ label, w });
  });
  kept.sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
  return { labels: kept.map((k) => k.label), values: Float64Array.from(kept.map((k) => k.w)) };
}
