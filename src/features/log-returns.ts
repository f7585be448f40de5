import { simpleReturns } from "../measures/index";

/**
 * Log returns of one price series: `ln(p[t] / p[t−1])`, `NaN` at index 0. Not annualised.
 *
 * @param prices positive prices, length `n`.
 * @returns a new `Float64Array` of length `n`.
 * @throws InputError NON_POSITIVE_PRICE when a price is ≤ 0 or ±Infinity.
 * @example
 * ```ts
 * logReturns(Float64Array.from([100, 110])); // => Float64Array [NaN, 0.09531]
 * ```
 */
export function logReturns(prices: ArrayLike<number>): Float64Array {
  const out = simpleReturns(prices);
  for (let t = 0; t < out.length; t++) out[t] = Math.log1p(out[t]!);
  return out;
}
