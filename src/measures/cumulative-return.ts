/**
 * Cumulative return of a series of periodic returns.
 */
import { InputError } from "../core/index";

/**
 * The compounded return over the whole series, `∏(1 + rₜ) − 1`.
 *
 * @param returns per-period simple returns (fractions), finite; not changed.
 * @throws InputError NON_FINITE_RETURN naming the position.
 * @example
 * ```ts
 * cumulativeReturn([0.1, -0.1]); // => ≈ -0.01
 * cumulativeReturn([]);          // => 0
 * ```
 */
export function cumulativeReturn(returns: ArrayLike<number>): number {
  let wealth = 1;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (!Number.isFinite(r)) throw new InputError("NON_FINITE_RETURN", `cumulativeReturn: returns[${i}] is ${r}; pass finite returns`, { index: i });
    wealth *= 1 + r;
  }
  return wealth - 1;
}
