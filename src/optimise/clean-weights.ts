/**
 * Removal of numerically-zero weights from an optimiser's output.
 */
import { InputError, type Weights } from "../core/index";
import type { LabelledVector } from "../core/index";

/** Weights with `|w| <` this are set to 0 by default. */
export const DEFAULT_WEIGHT_CUTOFF = 1e-8;

/** Options of {@link cleanWeights}. */
export interface CleanWeightsOptions {
  /** Weights with absolute value below `cutoff` become 0. Default {@link DEFAULT_WEIGHT_CUTOFF} (1e-8). */
  readonly cutoff?: number;
  /** Divide by the sum afterwards so the weights sum to 1. Default `true`. */
  readonly renormalise?: boolean;
}

/**
 * Sets weights with `|w| < cutoff` to 0 and, by default, rescales the rest to sum to 1.
 *
 * Like PyPortfolioOpt's `clean_weights(cutoff, rounding=None)`, but with a default cutoff of 1e-8 (solver
 * noise, not PyPortfolioOpt's 1e-4 presentation cut-off), no rounding, and a renormalisation so that a
 * fully invested portfolio stays fully invested.
 *
 * @param weights portfolio weights (fractions) labelled by ticker.
 * @param options `{ cutoff = 1e-8, renormalise = true }`.
 * @returns new cleaned weights, same labels.
 * @throws InputError when the cutoff is negative or not finite, a weight is not finite, or the cleaned weights
 *   sum to 0 while `renormalise` is set.
 *
 * @example
 * ```ts
 * cleanWeights({ labels: ["A", "B", "C"], values: Float64Array.from([0.6, 3e-9, 0.4]) }).values;
 * // => Float64Array [0.6, 0, 0.4]
 * ```
 */
export function cleanWeights(weights: Weights, options: CleanWeightsOptions = {}): Weights {
  const caller = "cleanWeights";
  const cutoff = options.cutoff ?? DEFAULT_WEIGHT_CUTOFF;
  if (!Number.isFinite(cutoff) || cutoff < 0) {
    throw new InputError("BAD_CUTOFF", `${caller}: cutoff ${cutoff} must be a finite number ≥ 0 (0 keeps every weight)`, { cutoff });
  }
  const out = new Float64Array(weights.values.length);
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    const w = weights.values[i]!;
    if (!Number.isFinite(w)) {
      throw new InputError("NON_FINITE_WEIGHT", `${caller}: weight of ${weights.labels[i]} is ${w}; weights must be finite`, {
        label: weights.labels[i],
        value: w,
      });
    }
    const kept = Math.abs(w) < cutoff ? 0 : w;
    out[i] = kept;
    sum += kept;
  }
  if (options.renormalise ?? true) {
    if (sum === 0) {
      throw new InputError(
        "ZERO_SUM_WEIGHTS",
        `${caller}: weights sum to 0 after cleaning, so they cannot be renormalised; pass renormalise: false for a market-neutral portfolio`,
        {},
      );
    }
    for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  }
  return { labels: [...weights.labels], values: out };
}
