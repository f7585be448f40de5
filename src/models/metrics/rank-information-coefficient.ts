import { checkPairs } from "./check-pairs";
import { pearson } from "./information-coefficient";

/**
 * Ranks from 1 to n, ties sharing their mean rank (as scipy's `rankdata`).
 *
 * @example
 * ```ts
 * ranks([10, 30, 20, 20]); // => Float64Array [1, 4, 2.5, 2.5]
 * ```
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const out = new Float64Array(n);
  let k = 0;
  while (k < n) {
    let e = k;
    while (e + 1 < n && values[order[e + 1]!] === values[order[k]!]) e++;
    const r = (k + e) / 2 + 1;
    for (let q = k; q <= e; q++) out[order[q]!] = r;
    k = e + 1;
  }
  return out;
}

/**
 * Rank information coefficient: Spearman's correlation between forecasts and outcomes (the
 * Pearson correlation of their ranks), the usual score of a cross-sectional ranking.
 *
 * @throws InputError SHAPE_MISMATCH, TOO_FEW_ROWS (fewer than 2), NAN_IN_INPUT.
 * @example
 * ```ts
 * rankInformationCoefficient([0.01, 0.05, 0.02], [0.1, 0.9, 0.3]); // => 1
 * ```
 */
export function rankInformationCoefficient(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPairs("rankInformationCoefficient", actual, predicted, 2);
  return pearson(ranks(actual), ranks(predicted));
}
