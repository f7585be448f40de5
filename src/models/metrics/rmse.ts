import { checkPairs } from "./check-pairs";

/**
 * Root mean squared error, `√(mean((actual − predicted)²))`, in the label's unit.
 *
 * @throws InputError SHAPE_MISMATCH, TOO_FEW_ROWS (empty), NAN_IN_INPUT.
 * @example
 * ```ts
 * rmse([1, 2, 3], [1, 2, 5]); // => 1.1547
 * ```
 */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPairs("rmse", actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (actual[i]! - predicted[i]!) ** 2;
  return Math.sqrt(s / actual.length);
}
