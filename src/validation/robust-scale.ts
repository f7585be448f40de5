/**
 * Robust location and scale of a sample: the median and 1.4826 × the median absolute deviation
 * (MAD), which estimates the standard deviation of normal data and ignores a few outliers.
 */
import { InputError } from "../core/index";

/** Consistency constant that makes the MAD an estimate of a normal standard deviation. */
export const MAD_TO_SD = 1.4826;

/**
 * The median of the finite values (NaN skipped).
 *
 * @example
 * ```ts
 * median([3, 1, Number.NaN, 2]); // => 2
 * ```
 * @throws InputError EMPTY_INPUT when no value is finite.
 */
export function median(values: ArrayLike<number>): number {
  const xs = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) throw new InputError("EMPTY_INPUT", "median: no finite value; pass at least one number");
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/**
 * Median and robust standard deviation (1.4826 × MAD) of the finite values.
 *
 * @example
 * ```ts
 * robustScale([1, 2, 3, 4, 100]); // => { center: 3, scale: 1.4826 }
 * ```
 * @throws InputError EMPTY_INPUT when no value is finite.
 */
export function robustScale(values: ArrayLike<number>): { center: number; scale: number } {
  const center = median(values);
  const deviations = Array.from(values).filter(Number.isFinite).map((v) => Math.abs(v - center));
  return { center, scale: MAD_TO_SD * median(deviations) };
}
