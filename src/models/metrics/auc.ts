import { InputError } from "../../core/index";
import { checkPairs } from "./check-pairs";
import { ranks } from "./rank-information-coefficient";

/**
 * Area under the ROC curve of probabilities against 0/1 outcomes: the chance that a random
 * positive row gets a higher probability than a random negative one (ties count half), computed
 * from ranks (Mann–Whitney). 0.5 is no skill, 1 perfect.
 *
 * @throws InputError SHAPE_MISMATCH, NAN_IN_INPUT, BAD_LABEL (not 0/1), ONE_CLASS (only one class).
 * @example
 * ```ts
 * auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // => 0.75
 * ```
 */
export function auc(outcomes: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  checkPairs("auc", outcomes, probabilities);
  let positives = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    if (o !== 0 && o !== 1) throw new InputError("BAD_LABEL", `auc: outcome ${i} is ${o}; pass 0 or 1`, { index: i });
    positives += o;
  }
  const negatives = outcomes.length - positives;
  if (positives === 0 || negatives === 0) throw new InputError("ONE_CLASS", `auc: every outcome is ${positives === 0 ? 0 : 1}; the AUC needs both classes`);
  const r = ranks(probabilities);
  let sum = 0;
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === 1) sum += r[i]!;
  return (sum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
