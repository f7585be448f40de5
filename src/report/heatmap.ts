import { InputError } from "../core/index";
import type { LabelledMatrix } from "../core/index";
import { hrp } from "../optimise/index";
import type { Figure } from "./figure";

/** Options of {@link heatmap}. */
export interface HeatmapOptions {
  /** Lowest value of the colour scale (e.g. −1 for correlations). */
  readonly zmin?: number;
  /** Highest value of the colour scale. */
  readonly zmax?: number;
  /**
   * Row and column order: `"cluster"` (default) puts assets that move together next to each other, so blocks
   * show: the leaf order of average-linkage clustering on the correlation distance `√((1 − ρ)/2)` (the
   * quasi-diagonal order of HRP, computed from the correlations of a covariance); `"given"` keeps the matrix's
   * own order.
   */
  readonly order?: "cluster" | "given";
}

/**
 * The order in which {@link heatmap} shows a square matrix's labels with `order: "cluster"`: the dendrogram
 * leaf order of average-linkage clustering on correlation distance.
 *
 * @returns label indices in display order.
 * @example
 * ```ts
 * // A and C move together, B apart: A and C end up next to each other.
 * clusterOrder({ labels: ["A", "B", "C"], values: Float64Array.of(1, 0, 0.9, 0, 1, 0, 0.9, 0, 1) }); // => [1, 0, 2]
 * ```
 */
export function clusterOrder(matrix: LabelledMatrix): number[] {
  const n = matrix.labels.length;
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const v = matrix.values;
  const scale = Array.from({ length: n }, (_, i) => Math.sqrt(v[i * n + i]!));
  if (scale.some((s) => !(s > 0))) return Array.from({ length: n }, (_, i) => i); // no variance: nothing to cluster on
  const rho = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rho[i * n + j] = Math.max(-1, Math.min(1, v[i * n + j]! / (scale[i]! * scale[j]!)));
  return hrp.quasiDiagonalOrder(hrp.averageLinkage(hrp.correlationDistance(rho), n));
}

/**
 * A heatmap of a square labelled matrix (a correlation or covariance matrix), by default with correlated
 * labels next to each other ({@link HeatmapOptions.order}).
 *
 * @example
 * ```ts
 * heatmap("Correlation", { labels: ["A", "B"], values: Float64Array.from([1, 0.3, 0.3, 1]) }, { zmin: -1, zmax: 1 }).data[0].z;
 * // => [[1, 0.3], [0.3, 1]]
 * ```
 * @throws InputError when `values` is not `labels.length²` long, or a value is not finite with `order: "cluster"`.
 */
export function heatmap(title: string, matrix: LabelledMatrix, options: HeatmapOptions = {}): Figure {
  const n = matrix.labels.length;
  if (matrix.values.length !== n * n) {
    throw new InputError("SHAPE_MISMATCH", `heatmap: ${n} labels need ${n * n} values, got ${matrix.values.length}`);
  }
  const { order = "cluster", ...range } = options;
  const at = order === "cluster" ? clusterOrder(matrix) : Array.from({ length: n }, (_, i) => i);
  const labels = at.map((i) => matrix.labels[i]!);
  const z = at.map((i) => at.map((j) => matrix.values[i * n + j]!));
  return {
    data: [{ type: "heatmap", z, x: labels, y: labels, colorscale: "RdBu", zmid: 0, ...range }],
    layout: { title: { text: title }, height: Math.max(420, 16 * n + 160), yaxis: { automargin: true, type: "category", autorange: "reversed" }, xaxis: { automargin: true, type: "category" } },
  };
}
