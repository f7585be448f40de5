/**
 * The most important features by several measures of importance, side by side.
 */
import { InputError, tableOfRows } from "../core/index";
import type { LabelledVector, Table } from "../core/index";
import { topFeatures } from "./permutation-importance";

/**
 * One row per rank (1 = most important), one column per importance measure, each naming its `k`-th feature
 * ({@link topFeatures}).
 *
 * @param importances importance vectors by name, e.g. `{ "by impurity": forest.featureImportance(), "by permutation": p.importance }`.
 * @param k how many features (default 8).
 * @example
 * ```ts
 * topFeaturesTable({ a: { labels: ["x", "y"], values: Float64Array.of(1, 2) } }, 2).toRows();
 * // => [{ rank: "1", a: "y" }, { rank: "2", a: "x" }]
 * ```
 * @throws InputError EMPTY_TABLE when no importance is given; as `topFeatures` (a bad k).
 */
export function topFeaturesTable(importances: Readonly<Record<string, LabelledVector>>, k = 8): Table {
  const names = Object.keys(importances);
  if (names.length === 0) throw new InputError("EMPTY_TABLE", "topFeaturesTable: no importance given; pass at least one, e.g. { impurity: forest.featureImportance() }");
  const tops = names.map((n) => topFeatures(importances[n] as LabelledVector, k));
  const ranks = Math.max(...tops.map((t) => t.length));
  const rows = Array.from({ length: ranks }, (_, r) => ({ rank: r + 1, ...Object.fromEntries(names.map((n, j) => [n, tops[j]?.[r] ?? ""])) }));
  return tableOfRows(rows);
}
