/**
 * The leaf order of a dendrogram (HRP's quasi-diagonalisation), as scipy's `to_tree(Z).pre_order()`.
 */
import { InputError } from "../../core/index";
import type { LinkageMatrix } from "./single-linkage";

/**
 * The items in the left-to-right order of the leaves of a linkage's dendrogram — each merged cluster lists its
 * first child (`Z[k, 0]`, the smaller label) before its second — as `scipy.cluster.hierarchy.to_tree(Z).pre_order()`,
 * which PyPortfolioOpt's HRP uses to quasi-diagonalise the covariance. Iterative, so deep trees are fine.
 *
 * @param linkage a {@link LinkageMatrix}.
 * @returns item indices `0…n−1` in dendrogram order.
 * @throws InputError when the linkage is malformed (a label out of range).
 *
 * @example
 * ```ts
 * quasiDiagonalOrder({ n: 3, values: Float64Array.of(0, 2, 1, 2, 1, 3, 4, 3) }); // => [1, 0, 2]
 * ```
 */
export function quasiDiagonalOrder(linkage: LinkageMatrix): number[] {
  const { n, values } = linkage;
  if (n === 1) return [0];
  if (values.length !== 4 * (n - 1)) {
    throw new InputError("BAD_LINKAGE", `quasiDiagonalOrder: linkage has ${values.length} values; n = ${n} needs ${4 * (n - 1)}`, { n });
  }
  const order: number[] = [];
  const stack = [2 * n - 2];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node < n) {
      order.push(node);
      continue;
    }
    const row = node - n;
    const left = values[4 * row]!;
    const right = values[4 * row + 1]!;
    if (!(left >= 0 && left < node && right >= 0 && right < node)) {
      throw new InputError("BAD_LINKAGE", `quasiDiagonalOrder: row ${row} merges clusters ${left} and ${right}, which do not exist yet`, { row });
    }
    stack.push(right, left); // left is visited first
  }
  return order;
}
