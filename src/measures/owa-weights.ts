/**
 * Ordered weighted averages: many risk measures are `Σₖ ωₖ·r₍ₖ₎`, a weighted sum of the sorted returns
 * (Cajas' OWA formulation, Riskfolio-Lib's `OwaWeights.py`). With the weights ascending, minimising such a measure
 * over portfolios is a linear programme.
 */
import { InputError } from "../core/index";
import { tailPosition } from "./empirical-tail";

/**
 * The levels and weights of the CVaRs whose weighted sum is the tail Gini, as Riskfolio-Lib's `owa_tg`: levels
 * `a₁ < … < a_m` evenly spaced from 0.0001 to `1 − β`, weights `w₁ = a₂·a₁ / a_m²`, `wᵢ = (aᵢ₊₁ − aᵢ₋₁)·aᵢ / a_m²`,
 * `w_m = (a_m − a_{m−1}) / a_m`.
 *
 * @example
 * ```ts
 * tailGiniWeights(0.95, 3); // => { levels: [0.0001, 0.02505, 0.05], weights: [0.001, 0.4999…, 0.499] }
 * ```
 */
export function tailGiniWeights(beta: number, steps: number): { levels: number[]; weights: number[] } {
  const alpha = 1 - beta;
  const m = steps;
  // numpy.linspace(alpha, 0.0001, m)[::-1]
  const levels = Array.from({ length: m }, (_, i) => (i === m - 1 ? 0.0001 : alpha + (i * (0.0001 - alpha)) / (m - 1))).reverse();
  const last = levels[m - 1] as number;
  const weights = levels.map((a, i) => {
    if (i === 0) return ((levels[1] as number) * a) / last ** 2;
    if (i === m - 1) return (last - (levels[m - 2] as number)) / last;
    return (((levels[i + 1] as number) - (levels[i - 1] as number)) * a) / last ** 2;
  });
  return { levels, weights };
}

/** The measures written as ordered weighted averages of the returns. */
export type OwaMeasure = "cvar" | "worstRealisation" | "giniMeanDifference" | "tailGini" | "range" | "cvarRange" | "tailGiniRange";

/** Every {@link OwaMeasure}. */
export const OWA_MEASURES: readonly OwaMeasure[] = ["cvar", "worstRealisation", "giniMeanDifference", "tailGini", "range", "cvarRange", "tailGiniRange"];

/** Options of {@link owaWeights}: the confidences and steps of the tail measures. */
export interface OwaOptions {
  /** Confidence of the losses' tail (default 0.95). */
  readonly beta?: number;
  /** Confidence of the gains' tail of the range measures (default `beta`). */
  readonly gainsBeta?: number;
  /** CVaRs in the tail Gini's approximation (default 100). */
  readonly steps?: number;
}

/** The OWA vector of CVaR at confidence `c`: the fractional tail of {@link empiricalTail} (Riskfolio-Lib's `owa_cvar`). */
function cvarWeights(T: number, confidence: number): Float64Array {
  const { index, size } = tailPosition(T, confidence);
  const w = new Float64Array(T);
  for (let i = 0; i < index; i++) w[i] = -1 / size;
  w[index] = -(size - index) / size;
  return w;
}

function tailGiniOwa(T: number, beta: number, steps: number): Float64Array {
  const { levels, weights } = tailGiniWeights(beta, steps);
  const w = new Float64Array(T);
  levels.forEach((a, k) => cvarWeights(T, 1 - a).forEach((x, i) => (w[i] = (w[i] as number) + (weights[k] as number) * x)));
  return w;
}

function minusReversed(w: Float64Array): Float64Array {
  return Float64Array.from(w, (_, i) => -(w[w.length - 1 - i] as number));
}

function plus(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((x, i) => x + (b[i] as number));
}

/**
 * The weights `ω` (ascending, length `T`) with `measure(r) = Σₖ ωₖ·r₍ₖ₎` for `T` returns sorted ascending: losses
 * count positive. CVaR at β; worst realisation; Gini mean difference `(4k − 2(T + 1)) / (T(T − 1))`; tail Gini
 * ({@link tailGini}); range; CVaR range and tail-Gini range (losses' tail plus gains' tail) — Riskfolio-Lib's
 * `owa_cvar`, `owa_wr`, `owa_gmd`, `owa_tg`, `owa_rg`, `owa_cvrg`, `owa_tgrg`.
 *
 * @example
 * ```ts
 * owaWeights("range", 4);              // => Float64Array [-1, 0, 0, 1]
 * owaWeights("giniMeanDifference", 4); // => Float64Array [-0.5, -1/6, 1/6, 0.5]
 * ```
 * @throws InputError BAD_LENGTH for fewer than 2 returns; UNKNOWN_MEASURE naming the measures there are.
 */
export function owaWeights(measure: OwaMeasure, T: number, options: OwaOptions = {}): Float64Array {
  if (!Number.isSafeInteger(T) || T < 2) throw new InputError("BAD_LENGTH", `owaWeights: ${String(T)} returns; an ordered weighted average needs at least 2`, { T });
  const beta = options.beta ?? 0.95;
  const gainsBeta = options.gainsBeta ?? beta;
  const steps = options.steps ?? 100;
  switch (measure) {
    case "cvar":
      return cvarWeights(T, beta);
    case "worstRealisation": {
      const w = new Float64Array(T);
      w[0] = -1;
      return w;
    }
    case "giniMeanDifference":
      return Float64Array.from({ length: T }, (_, i) => (4 * (i + 1) - 2 * (T + 1)) / (T * (T - 1)));
    case "tailGini":
      return tailGiniOwa(T, beta, steps);
    case "range": {
      const w = new Float64Array(T);
      w[0] = -1;
      w[T - 1] = 1;
      return w;
    }
    case "cvarRange":
      return plus(cvarWeights(T, beta), minusReversed(cvarWeights(T, gainsBeta)));
    case "tailGiniRange":
      return plus(tailGiniOwa(T, beta, steps), minusReversed(tailGiniOwa(T, gainsBeta, steps)));
    default:
      throw new InputError("UNKNOWN_MEASURE", `owaWeights: unknown measure ${String(measure)}; choose one of ${OWA_MEASURES.join(", ")}`, { measure });
  }
}

/**
 * The ordered weighted average `Σₖ ωₖ·r₍ₖ₎` of returns (sorted ascending inside; not changed).
 *
 * @example
 * ```ts
 * owaValue([0.1, -0.5, -0.3, 0.8], owaWeights("giniMeanDifference", 4)); // => ≈ 0.7166667
 * ```
 * @throws InputError LENGTH_MISMATCH when the lengths differ.
 */
export function owaValue(returns: ArrayLike<number>, weights: ArrayLike<number>): number {
  if (returns.length !== weights.length) throw new InputError("LENGTH_MISMATCH", `owaValue: ${returns.length} returns but ${weights.length} weights`);
  const sorted = Float64Array.from(returns).sort();
  let s = 0;
  for (let i = 0; i < sorted.length; i++) s += (weights[i] as number) * (sorted[i] as number);
  return s;
}
