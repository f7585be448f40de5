/**
 * How often a strategy beats its benchmark.
 */
import { InputError } from "../core/index";

/**
 * The share of periods in which the strategy's return beats the benchmark's (strictly; a tie is a miss).
 *
 * @param returns per-period returns of the strategy; not changed.
 * @param benchmark the benchmark's returns over the same periods, same length; not changed.
 * @returns a fraction in [0, 1], or `null` for no periods.
 * @throws InputError LENGTH_MISMATCH; NON_FINITE_RETURN.
 * @example
 * ```ts
 * hitRate([0.02, -0.01, 0.03, 0.0], [0.01, 0.0, 0.01, 0.0]); // => 0.5
 * ```
 */
export function hitRate(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number | null {
  if (returns.length !== benchmark.length) {
    throw new InputError("LENGTH_MISMATCH", `hitRate: ${returns.length} returns but ${benchmark.length} benchmark returns; align both on the same periods`, {});
  }
  if (returns.length === 0) return null;
  let wins = 0;
  for (let i = 0; i < returns.length; i++) {
    const a = returns[i]!;
    const b = benchmark[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new InputError("NON_FINITE_RETURN", `hitRate: period ${i} has returns ${a} and ${b}; pass finite returns`, { index: i });
    if (a > b) wins++;
  }
  return wins / returns.length;
}
