import { checkPairs } from "./check-pairs";

/**
 * Hit rate: the share of rows where the forecast has the sign of the outcome (a zero counts as
 * positive), relative to `centre` (default 0).
 *
 * @throws InputError SHAPE_MISMATCH, TOO_FEW_ROWS (empty), NAN_IN_INPUT.
 * @example
 * ```ts
 * hitRate([0.1, -0.2, 0.3, -0.1], [0.05, 0.1, 0.2, -0.3]); // => 0.75
 * ```
 */
export function hitRate(actual: ArrayLike<number>, predicted: ArrayLike<number>, centre = 0): number {
  checkPairs("hitRate", actual, predicted);
  let hits = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i]! >= centre === predicted[i]! >= centre) hits++;
  return hits / actual.length;
}
