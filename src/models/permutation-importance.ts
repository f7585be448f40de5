/**
 * Permutation importance: how much worse a fitted model gets when one feature is shuffled.
 */
import { InputError } from "../core/index";
import type { LabelledVector } from "../core/index";
import { createRng } from "../core/index";
import type { FeatureFrame } from "../features/index";
import { rmse } from "./metrics/rmse";

/** Options of {@link permutationImportance}. */
export interface PermutationImportanceOptions {
  /** Shuffles per feature (default 5). */
  readonly repeats?: number;
  /** Seed of the shuffles (default 0). */
  readonly seed?: number;
  /** Loss to compare, lower is better (default RMSE). */
  readonly loss?: (actual: ArrayLike<number>, predicted: ArrayLike<number>) => number;
}

/**
 * Permutation importance per feature: the mean increase of the loss when that feature's column
 * is shuffled across rows (breaking its link to the label), over `repeats` seeded shuffles, with
 * its standard deviation. Computed on held-out rows it shows what the model relies on out of
 * sample; unlike impurity importance it is not biased towards features with many values.
 *
 * @param predict the fitted model (anything with `predict(x)`), or its predict, e.g. `(x) => rf.predict(x)`.
 * @param x rows to score (held out from training, ideally).
 * @param y their labels.
 * @returns `importance` (mean loss increase per feature, in the loss's unit), `sd`, and the
 *   unshuffled `baseline` loss.
 * @throws InputError SHAPE_MISMATCH, BAD_ARGUMENT (repeats); whatever `predict` throws.
 * @example
 * ```ts
 * const p = permutationImportance(rf, test, yTest, { repeats: 5, seed: 1 }); // or (x) => rf.predict(x)
 * p.importance.labels; // => test.names
 * ```
 */
export function permutationImportance(
  model: ((x: FeatureFrame) => Float64Array) | { predict(x: FeatureFrame): Float64Array },
  x: FeatureFrame,
  y: ArrayLike<number>,
  options: PermutationImportanceOptions = {},
): { readonly importance: LabelledVector; readonly sd: LabelledVector; readonly baseline: number } {
  const repeats = options.repeats ?? 5;
  if (!Number.isInteger(repeats) || repeats < 1) throw new InputError("BAD_ARGUMENT", `permutationImportance: repeats ${repeats} must be an integer ≥ 1`);
  if (y.length !== x.dates.length) throw new InputError("SHAPE_MISMATCH", `permutationImportance: ${x.dates.length} rows but ${y.length} labels`);
  const predict = typeof model === "function" ? model : (frame: FeatureFrame) => model.predict(frame);
  const loss = options.loss ?? rmse;
  const rng = createRng(options.seed ?? 0);
  const baseline = loss(y, predict(x));
  const n = x.dates.length;
  const k = x.names.length;
  const mean = new Float64Array(k);
  const sd = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const increases: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const shuffled = new Float64Array(n);
      const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
      for (let i = 0; i < n; i++) shuffled[i] = x.columns[j]![order[i]!]!;
      const columns = x.columns.map((c, q) => (q === j ? shuffled : c));
      increases.push(loss(y, predict({ ...x, columns })) - baseline);
    }
    const m = increases.reduce((a, v) => a + v, 0) / repeats;
    mean[j] = m;
    sd[j] = repeats > 1 ? Math.sqrt(increases.reduce((a, v) => a + (v - m) ** 2, 0) / (repeats - 1)) : 0;
  }
  return { importance: { labels: [...x.names], values: mean }, sd: { labels: [...x.names], values: sd }, baseline };
}

/**
 * The names of the `k` most important features, most important first.
 *
 * @throws InputError BAD_ARGUMENT unless 1 ≤ k.
 * @example
 * ```ts
 * topFeatures({ labels: ["a", "b", "c"], values: Float64Array.of(0.2, 0.5, 0.3) }, 2); // => ["b", "c"]
 * ```
 */
export function topFeatures(importance: LabelledVector, k: number): string[] {
  if (!Number.isInteger(k) || k < 1) throw new InputError("BAD_ARGUMENT", `topFeatures: k ${k} must be an integer ≥ 1`);
  return importance.labels
    .map((label, i) => ({ label, v: importance.values[i]! }))
    .sort((a, b) => b.v - a.v || a.label.localeCompare(b.label))
    .slice(0, k)
    .map((e) => e.label);
}
