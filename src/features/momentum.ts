import { checkSeries, evaluationIndices } from "./check-series";

/**
 * Momentum: the simple return over the last `horizon` periods, `p[t] / p[t − horizon] − 1`.
 * `NaN` where the price `horizon` periods back is not observed.
 *
 * @param prices positive prices, `NaN` only before the first observation.
 * @param horizon look-back in periods (integer ≥ 1), e.g. 252 trading days for 12-month momentum.
 * @param at optional indices to evaluate (default: every index).
 * @throws InputError BAD_WINDOW, NAN_IN_INPUT, TOO_FEW_OBSERVATIONS (fewer than `horizon + 1` prices).
 * @example
 * ```ts
 * momentum(Float64Array.from([100, 105, 110, 121]), 2); // => Float64Array [NaN, NaN, 0.1, 0.15238]
 * ```
 */
export function momentum(prices: ArrayLike<number>, horizon: number, at?: ArrayLike<number>): Float64Array {
  const first = checkSeries("momentum", prices, horizon + 1, 2, "prices");
  const idx = evaluationIndices("momentum", prices.length, at);
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const t = idx[k]!;
    out[k] = t - horizon < first ? Number.NaN : prices[t]! / prices[t - horizon]! - 1;
  }
  return out;
}
