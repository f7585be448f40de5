/**
 * Simple returns from prices, element by element: the one place `p[t] / p[t−1] − 1` is computed.
 */
import { InputError } from "./errors";

/**
 * Simple returns of a price path: `r[t] = p[t] / p[t−stride] − 1` (a fraction per period, not annualised), `NaN`
 * for the first `stride` entries, and `NaN` wherever either price is `NaN` (missing: before a listing, in a gap).
 *
 * With `stride = 1` it is one series (`r[0] = NaN`); with `stride = m` it is every column of a row-major
 * `nDates × m` price table at once (the first row `NaN`), as `moments.returnsFromPrices` uses it.
 *
 * @param prices prices (any currency, e.g. adjusted closes in USD), each positive and finite or `NaN`; length `n`;
 *   not changed.
 * @param stride distance between the two prices of a return, in entries (the number of columns of a row-major
 *   table). Default 1.
 * @returns a new `Float64Array` of length `n`.
 * @throws InputError NON_POSITIVE_PRICE when a price is ≤ 0 or ±Infinity (naming its index); BAD_STRIDE when
 *   `stride` is not a whole number ≥ 1.
 * @example
 * ```ts
 * simpleReturns(Float64Array.from([100, 110, 99])); // => Float64Array [NaN, 0.1, -0.1]
 * simpleReturns([10, 20, 11, 22], 2);               // => Float64Array [NaN, NaN, 0.1, 0.1]
 * ```
 */
export function simpleReturns(prices: ArrayLike<number>, stride = 1): Float64Array {
  if (!Number.isSafeInteger(stride) || stride < 1) {
    throw new InputError("BAD_STRIDE", `simpleReturns: stride ${String(stride)} must be a whole number ≥ 1 (1 for one series, the number of columns for a row-major table)`, { stride });
  }
  const n = prices.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const p = prices[t]!;
    if (!Number.isNaN(p) && !(p > 0 && p < Infinity)) {
      throw new InputError("NON_POSITIVE_PRICE", `simpleReturns: price ${p} at index ${t} must be positive and finite; fix it or mark it missing (NaN)`, { index: t, value: p });
    }
    out[t] = t < stride ? Number.NaN : p / prices[t - stride]! - 1;
  }
  return out;
}
