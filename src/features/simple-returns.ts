import { InputError } from "../core/index";

/**
 * Simple returns of one price series: `r[t] = p[t] / p[t−1] − 1`, `r[0] = NaN`. Not annualised.
 * `NaN` prices (before a listing) give `NaN` returns.
 *
 * @param prices positive prices, length `n`.
 * @returns a new `Float64Array` of length `n`.
 * @throws InputError NON_POSITIVE_PRICE when a price is ≤ 0 or ±Infinity (naming its index).
 * @example
 * ```ts
 * simpleReturns(Float64Array.from([100, 110, 99])); // => Float64Array [NaN, 0.1, -0.1]
 * ```
 */
export function simpleReturns(prices: ArrayLike<number>): Float64Array {
  const n = prices.length;
  const out = new Float64Array(n);
  out[0] = Number.NaN;
  for (let t = 0; t < n; t++) {
    const p = prices[t]!;
    if (!Number.isNaN(p) && !(p > 0 && p < Infinity)) {
      throw new InputError("NON_POSITIVE_PRICE", `simpleReturns: price ${p} at index ${t} must be positive and finite; fix it or mark it missing (NaN)`, { index: t, value: p });
    }
    if (t > 0) out[t] = p / prices[t - 1]! - 1;
  }
  return out;
}
