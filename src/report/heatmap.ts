import { InputError } from "../core/index";
import type { LabelledMatrix } from "../core/index";
import type { Figure } from "./figure";

/**
 * A heatmap of a square labelled matrix (a correlation or covariance matrix).
 *
 * @example
 * ```ts
 * heatmap("Correlation", { labels: ["A", "B"], values: Float64Array.from([1, 0.3, 0.3, 1]) }, { zmin: -1, zmax: 1 }).data[0].z;
 * // => [[1, 0.3], [0.3, 1]]
 * ```
 * @throws InputError when `values` is not `labels.length²` long.
 */
export function heatmap(title: string, matrix: LabelledMatrix, range: { zmin?: number; zmax?: number } = {}): Figure {
  const n = matrix.labels.length;
  if (matrix.values.length !== n * n) {
    throw new InputError("SHAPE_MISMATCH", `heatmap: ${n} labels need ${n * n} values, got ${matrix.values.length}`);
  }
  const z = Array.from({ length: n }, (_, i) => Array.from(matrix.values.subarray(i * n, (i + 1) * n)));
  return {
    data: [{ type: "heatmap", z, x: matrix.labels, y: matrix.labels, colorscale: "RdBu", zmid: 0, ...range }],
    layout: { title: { text: title }, height: Math.max(420, 16 * n + 160), yaxis: { automargin: true, type: "category" }, xaxis: { automargin: true, type: "category" } },
  };
}
