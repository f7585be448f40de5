/**
 * Rounding to the nearest integer with ties to even: Python's `round` and numpy's `rint`.
 */

/**
 * The nearest integer to `x`, ties to the even one (banker's rounding), as Python's `round(x)` and numpy's
 * `np.rint(x)`: where a port of an anchor rounds, `Math.round` (ties up) would differ on every `k + 0.5`.
 *
 * @param x a finite number (`NaN` and `±Infinity` are returned as they are).
 * @returns the nearest integer, ties to even.
 *
 * @example
 * ```ts
 * roundHalfEven(2.5); // => 2
 * roundHalfEven(3.5); // => 4
 * roundHalfEven(-2.5); // => -2
 * roundHalfEven(2.6); // => 3
 * ```
 */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
