import { InputError } from "../../core/index";

/**
 * Checks two aligned arrays of finite numbers with at least `min` entries.
 *
 * @throws InputError SHAPE_MISMATCH, TOO_FEW_ROWS, NAN_IN_INPUT (naming the index).
 * @example
 * ```ts
 * checkPairs("rmse", [1, 2], [1, 3]); // no error
 * ```
 */
export function checkPairs(caller: string, actual: ArrayLike<number>, predicted: ArrayLike<number>, min = 1): void {
  if (actual.length !== predicted.length) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: ${actual.length} actual values but ${predicted.length} predictions; align them row by row`);
  }
  if (actual.length < min) throw new InputError("TOO_FEW_ROWS", `${caller}: ${actual.length} values; pass at least ${min}`);
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(actual[i]!) || !Number.isFinite(predicted[i]!)) {
      throw new InputError("NAN_IN_INPUT", `${caller}: value ${i} is ${actual[i]} (actual) / ${predicted[i]} (predicted); drop rows without a known label first`, { index: i });
    }
  }
}
