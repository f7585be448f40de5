import { checkPairs } from "./check-pairs";

/**
 * Mean absolute error, `mean(|actual − predicted|)`, in the label's unit.
 *
 * @throws InputError SHAPE_MISMATCH, TOO_FEW_ROWS (empty), NAN_IN_INPUT.
 * @example
 * ```ts
 * mae([1, 2, 3], [1, 2, 5]); // => 0.6667
 * ```
 */
export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPairs("mae", actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i]! - predicted[i]!);
  return s / actual.length;
}
