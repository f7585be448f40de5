/**
 * VaR and CVaR of a sample of outcomes: the building block of historical and simulated tail risk.
 */
import { checkConfidence, checkReturns } from "./check-inputs";

/** VaR and CVaR of a sample, in the units of the sample, as positive losses. */
export interface EmpiricalTail {
  /** Minus the ⌈k⌉-th smallest outcome, k = (1 − c)·n. */
  readonly valueAtRisk: number;
  /** Minus the mean of the worst k outcomes (fractional weight on the ⌈k⌉-th). */
  readonly conditionalValueAtRisk: number;
}

/**
 * VaR and CVaR of a sample of outcomes (returns, or P&L in money), reported as **positive losses** in the
 * sample's units. With `k = (1 − c)·n` and `x₍₁₎ ≤ x₍₂₎ ≤ …` the sorted outcomes:
 *
 * - VaR = −x₍⌈k⌉₎ (the ⌈k⌉-th worst outcome; the worst one when k < 1);
 * - CVaR = −(1/k)·(x₍₁₎ + … + x₍⌊k⌋₎ + (k − ⌊k⌋)·x₍⌈k⌉₎): the mean of exactly the worst k outcomes,
 *   the ⌈k⌉-th counted fractionally, which is Rockafellar and Uryasev's minimum of
 *   `t + Σ max(−xᵢ − t, 0) / k` (the CVaR a linear programme optimises; skfolio's `value_at_risk` and `cvar`).
 *
 * @param outcomes the sample, all finite; not changed (a sorted copy is made).
 * @param confidence c in (0, 1), e.g. 0.95.
 * @throws InputError for an empty sample, a non-finite outcome, or a confidence outside (0, 1).
 *
 * @example
 * ```ts
 * // 20 outcomes −10 %, −9 %, …, +9 %: k = 1 at 95 %, so both are the worst outcome.
 * empiricalTail(Array.from({ length: 20 }, (_, i) => (i - 10) / 100), 0.95); // => { valueAtRisk: 0.1, conditionalValueAtRisk: 0.1 }
 * // at 90 %: k = 2 → VaR = 0.09, CVaR = (0.10 + 0.09) / 2 = 0.095
 * ```
 */
export function empiricalTail(outcomes: ArrayLike<number>, confidence: number): EmpiricalTail {
  const caller = "empiricalTail";
  checkReturns(outcomes, caller, "outcomes", 1);
  checkConfidence(confidence, caller);
  return tailOf(outcomes, confidence);
}

/**
 * {@link empiricalTail} without the checks (callers check): `outcomes` non-empty and finite, `confidence` in
 * **[0, 1)** — 0 is allowed here and makes the tail the whole sample (CVaR = minus the mean outcome), the
 * convention of the CVaR optimisers' β.
 *
 * @param outcomes the sample; not changed (a sorted copy is made).
 * @param confidence c in [0, 1).
 *
 * @example
 * ```ts
 * tailOf([0.02, -0.04], 0); // => { valueAtRisk: -0.02, conditionalValueAtRisk: 0.01 }
 * ```
 */
export function tailOf(outcomes: ArrayLike<number>, confidence: number): EmpiricalTail {
  const sorted = Float64Array.from(outcomes).sort();
  const { index, size } = tailPosition(sorted.length, confidence);
  const valueAtRisk = -sorted[index]!;
  let sum = 0;
  for (let i = 0; i < index; i++) sum += sorted[i]!;
  const conditionalValueAtRisk = -(sum + (size - index) * sorted[index]!) / size;
  return { valueAtRisk, conditionalValueAtRisk };
}

/**
 * Where the tail of `n` sorted outcomes ends at confidence c: `size` = k = (1 − c)·n (at least 1; rounded
 * to an integer when within 1e-9 of one, so that (1 − 0.95)·20 = 1.0000000000000009 counts as 1) and
 * `index` = ⌈k⌉ − 1, the 0-based position of the VaR outcome. The tail is outcomes `0 … index − 1` with
 * weight 1 and outcome `index` with weight `size − index`.
 *
 * @example
 * ```ts
 * tailPosition(20, 0.95); // => { index: 0, size: 1 }
 * tailPosition(10, 0.75); // => { index: 2, size: 2.5 }
 * ```
 */
export function tailPosition(n: number, confidence: number): { index: number; size: number } {
  const k = (1 - confidence) * n;
  const rounded = Math.abs(k - Math.round(k)) < 1e-9 * Math.max(1, k) ? Math.round(k) : k;
  const size = Math.max(1, rounded);
  return { index: Math.ceil(size) - 1, size };
}
