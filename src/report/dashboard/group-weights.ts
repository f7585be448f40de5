/**
 * Weights summed by group (asset class, sector…).
 */
import { InputError } from "../../core/index";
import type { LabelledVector } from "../../core/index";

/**
 * The total weight of each group, groups in the order they first appear in `weights.labels`.
 *
 * @param weights fractions of value by ticker; not changed.
 * @param groupOf the group of every ticker, e.g. `{ LTBX: "bond", MKTIDX: "index" }`.
 * @throws InputError NO_GROUP naming a ticker without a group; NON_FINITE for a weight that is not finite.
 * @example
 * ```ts
 * groupWeights({ labels: ["LTBX", "STBX", "MKTIDX"], values: Float64Array.of(0.3, 0.1, 0.6) }, { LTBX: "bond", STBX: "bond", MKTIDX: "index" });
 * // => { labels: ["bond", "index"], values: Float64Array [0.4, 0.6] }
 * ```
 */
export function groupWeights(weights: LabelledVector, groupOf: Readonly<Record<string, string>>): LabelledVector {
  const totals = new Map<string, number>();
  weights.labels.forEach((ticker, i) => {
    const group = groupOf[ticker];
    if (group === undefined) throw new InputError("NO_GROUP", `groupWeights: ${ticker} has no group; add it to groupOf (e.g. its asset class)`, { ticker });
    const w = weights.values[i]!;
    if (!Number.isFinite(w)) throw new InputError("NON_FINITE", `groupWeights: weight of ${ticker} is ${w}; weights must be finite`, { ticker });
    totals.set(group, (totals.get(group) ?? 0) + w);
  });
  return { labels: [...totals.keys()], values: Float64Array.from(totals.values()) };
}
