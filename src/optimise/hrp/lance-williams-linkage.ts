/**
 * Complete, average, weighted and Ward linkage in O(n²) by the nearest-neighbour chain, with scipy's
 * `linkage(y, method)` output.
 */
import { NumericalError } from "../../core/index";
import { condensedDistances, labelMerges } from "./linkage-steps";
import type { LinkageMatrix, LinkageMethod } from "./single-linkage";

/**
 * A Lance–Williams update: the distance from cluster `i` to the cluster formed by merging `x` and `y`, from
 * `d(x, i)`, `d(y, i)`, `d(x, y)` and the three cluster sizes — the arguments of scipy's `linkage_distance_update`.
 */
export type LanceWilliamsUpdate = (dxi: number, dyi: number, dxy: number, nx: number, ny: number, ni: number) => number;

/**
 * Agglomerative clustering with a given Lance–Williams update, by scipy's nearest-neighbour chain (`nn_chain`),
 * as a {@link LinkageMethod}. The chain finds the right merges only for a *reducible* update (a merged cluster is
 * never closer to a third than both its parts were): complete, average, weighted and Ward are; centroid and median
 * are not (do not pass them here).
 *
 * The algorithm and tie-breaking are scipy's: the chain starts at the lowest live cluster, extends to the first
 * nearest neighbour (strictly smaller distance wins, the previous chain element is preferred on a tie), merges a
 * mutual pair into the higher slot; then the merges are stably sorted by distance and relabelled `n, n + 1, …`
 * with a union–find. Only the upper triangle (`i < j`) of `distance` is read, as `squareform(D, checks=False)`.
 * O(n²) time and memory.
 *
 * @param name the method's name, used in error messages (e.g. `"wardLinkage"`).
 * @param update the Lance–Williams update.
 * @returns the linkage method: a row-major `n × n` distance matrix and `n` in, a {@link LinkageMatrix} out; it
 *   throws InputError when the shape is wrong or a distance is not finite, and NumericalError when an updated
 *   distance is NaN (e.g. Ward's squares overflow: rescale the distances).
 *
 * @example
 * ```ts
 * // Complete linkage written out: the larger of the two distances.
 * const farthest = lanceWilliamsLinkage("farthest", (dxi, dyi) => Math.max(dxi, dyi));
 * farthest(Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0), 3).values;
 * // => Float64Array [0, 1, 1, 2, 2, 3, 5, 3]
 * ```
 */
export function lanceWilliamsLinkage(name: string, update: LanceWilliamsUpdate): LinkageMethod {
  return (distance: Float64Array, n: number): LinkageMatrix => nearestNeighbourChain(name, update, distance, n);
}

/**
 * Complete-linkage (farthest-neighbour) clustering: the distance between clusters is the largest distance
 * between their members (update `max(dxi, dyi)`). Exactly scipy's `linkage(squareform(D), "complete")`, i.e.
 * PyPortfolioOpt's `HRPOpt.optimize(linkage_method="complete")`. See {@link lanceWilliamsLinkage}.
 *
 * @param distance row-major `n × n` distances (finite, ≥ 0; only `i < j` is read).
 * @param n number of items, ≥ 1.
 * @returns the {@link LinkageMatrix}.
 * @throws InputError when the shape is wrong or a distance is not finite.
 *
 * @example
 * ```ts
 * // Points 0, 1, 5 on a line: {0,1} merge at 1, then with 2 at max(5, 4) = 5
 * completeLinkage(Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0), 3).values;
 * // => Float64Array [0, 1, 1, 2, 2, 3, 5, 3]
 * ```
 */
export const completeLinkage: LinkageMethod = lanceWilliamsLinkage("completeLinkage", (dxi, dyi) => (dyi > dxi ? dyi : dxi));

/**
 * Average-linkage (UPGMA) clustering: the distance between clusters is the mean distance between their members
 * (update `(nx·dxi + ny·dyi) / (nx + ny)`). Exactly scipy's `linkage(squareform(D), "average")`. See
 * {@link lanceWilliamsLinkage}.
 *
 * @param distance row-major `n × n` distances (finite, ≥ 0; only `i < j` is read).
 * @param n number of items, ≥ 1.
 * @returns the {@link LinkageMatrix}.
 * @throws InputError when the shape is wrong or a distance is not finite.
 *
 * @example
 * ```ts
 * // Points 0, 1, 5 on a line: {0,1} merge at 1, then with 2 at (5 + 4) / 2 = 4.5
 * averageLinkage(Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0), 3).values;
 * // => Float64Array [0, 1, 1, 2, 2, 3, 4.5, 3]
 * ```
 */
export const averageLinkage: LinkageMethod = lanceWilliamsLinkage("averageLinkage", (dxi, dyi, _dxy, nx, ny) => (nx * dxi + ny * dyi) / (nx + ny));

/**
 * Weighted-average-linkage (WPGMA) clustering: the new cluster's distance is the simple mean of its two parts'
 * distances, whatever their sizes (update `(dxi + dyi) / 2`). Exactly scipy's `linkage(squareform(D), "weighted")`.
 * See {@link lanceWilliamsLinkage}.
 *
 * @param distance row-major `n × n` distances (finite, ≥ 0; only `i < j` is read).
 * @param n number of items, ≥ 1.
 * @returns the {@link LinkageMatrix}.
 * @throws InputError when the shape is wrong or a distance is not finite.
 *
 * @example
 * ```ts
 * // Points 0, 1, 3, 7 on a line: {0,1} at 1, then 2 joins at (3 + 2) / 2 = 2.5, then 3 at ((7 + 6) / 2 + 4) / 2
 * weightedLinkage(Float64Array.of(0, 1, 3, 7, 1, 0, 2, 6, 3, 2, 0, 4, 7, 6, 4, 0), 4).values;
 * // => Float64Array [0, 1, 1, 2, 2, 4, 2.5, 3, 3, 5, 5.25, 4]
 * ```
 */
export const weightedLinkage: LinkageMethod = lanceWilliamsLinkage("weightedLinkage", (dxi, dyi) => 0.5 * (dxi + dyi));

/**
 * Ward (minimum variance) clustering, by the Lance–Williams update
 * `√(((nᵢ + nₓ)·dxi² + (nᵢ + nᵧ)·dyi² − nᵢ·dxy²) / (nₓ + nᵧ + nᵢ))` applied to the distances given — exactly
 * scipy's `linkage(squareform(D), "ward")`, which is Ward's criterion only when the distances are Euclidean (the
 * correlation distance `√((1 − ρ)/2)` is: half the Euclidean distance between standardised return series). Merge
 * heights are in the units of the distances. See {@link lanceWilliamsLinkage}.
 *
 * @param distance row-major `n × n` distances (finite, ≥ 0; only `i < j` is read).
 * @param n number of items, ≥ 1.
 * @returns the {@link LinkageMatrix}.
 * @throws InputError when the shape is wrong or a distance is not finite; NumericalError when the squares
 *   overflow (distances near 1e154: rescale them).
 *
 * @example
 * ```ts
 * // Points 0, 1, 5 on a line: {0,1} at 1, then with 2 at √((2·25 + 2·16 − 1) / 3) = √27
 * wardLinkage(Float64Array.of(0, 1, 5, 1, 0, 4, 5, 4, 0), 3).values;
 * // => ≈ Float64Array [0, 1, 1, 2, 2, 3, 5.1962, 3]
 * ```
 */
export const wardLinkage: LinkageMethod = lanceWilliamsLinkage("wardLinkage", (dxi, dyi, dxy, nx, ny, ni) => {
  const t = 1.0 / (nx + ny + ni); // scipy's `_ward`, term by term, for the same rounding
  return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
});

/** scipy's nearest-neighbour chain (`nn_chain`), then its stable sort by distance and union–find relabelling. */
function nearestNeighbourChain(caller: string, update: LanceWilliamsUpdate, distance: Float64Array, n: number): LinkageMatrix {
  // The condensed upper triangle (squareform's layout), checked and copied: it is updated in place.
  const D = condensedDistances(distance, n, caller);
  const at = (i: number, j: number) => (i < j ? n * i - (i * (i + 1)) / 2 + (j - i - 1) : n * j - (j * (j + 1)) / 2 + (i - j - 1));

  // Merges in the order found: slots x < y (the new cluster takes slot y), distance, size.
  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  const height = new Float64Array(n - 1);
  const size = new Int32Array(n).fill(1); // 0 = slot no longer live
  const chain = new Int32Array(n);
  let chainLength = 0;
  let y = 0;
  for (let k = 0; k < n - 1; k++) {
    if (chainLength === 0) {
      chainLength = 1;
      for (let i = 0; i < n; i++) {
        if (size[i]! > 0) {
          chain[0] = i;
          break;
        }
      }
    }
    let x: number;
    let currentMin: number;
    for (;;) {
      x = chain[chainLength - 1]!;
      // Prefer the previous chain element on a tie, so the chain cannot cycle.
      if (chainLength > 1) {
        y = chain[chainLength - 2]!;
        currentMin = D[at(x, y)]!;
      } else {
        currentMin = Infinity;
      }
      for (let i = 0; i < n; i++) {
        if (size[i] === 0 || i === x) continue;
        const d = D[at(x, i)]!;
        if (d < currentMin) {
          currentMin = d;
          y = i;
        }
      }
      if (chainLength > 1 && y === chain[chainLength - 2]) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) [x, y] = [y, x];
    const nx = size[x]!;
    const ny = size[y]!;
    from[k] = x;
    to[k] = y;
    height[k] = currentMin;
    size[x] = 0;
    size[y] = nx + ny;
    for (let i = 0; i < n; i++) {
      const ni = size[i]!;
      if (ni === 0 || i === y) continue;
      const updated = update(D[at(i, x)]!, D[at(i, y)]!, currentMin, nx, ny, ni);
      if (Number.isNaN(updated)) {
        throw new NumericalError(
          "NAN_LINKAGE_DISTANCE",
          `${caller}: the distance from cluster ${i} to the merge of ${x} and ${y} is NaN; rescale the distances (squares must not overflow)`,
          { i, x, y },
        );
      }
      D[at(i, y)] = updated;
    }
  }

  return labelMerges(n, from, to, height);
}
