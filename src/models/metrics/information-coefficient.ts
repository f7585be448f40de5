import { checkPairs } from "./check-pairs";

/**
 * Information coefficient: the Pearson correlation between forecasts and outcomes. `NaN` when
 * either is constant (no ranking information).
 *
 * @throws InputError SHAPE_MISMATCH, TOO_FEW_ROWS (fewer than 2), NAN_IN_INPUT.
 * @example
 * ```ts
 * informationCoefficient([1, 2, 3, 4], [1, 3, 2, 4]); // => 0.8
 * ```
 */
export function informationCoefficient(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPairs("informationCoefficient", actual, predicted, 2);
  return pearson(actual, predicted);
}

/**
 * Pearson correlation of two aligned arrays of finite numbers (`NaN` if one is constant); no checks.
 *
 * @example
 * ```ts
 * pearson([1, 2, 3], [2, 4, 7]); // => 0.9934
 * ```
 */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    saa += da * da;
    sbb += db * db;
    sab += da * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}
