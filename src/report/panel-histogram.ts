/**
 * Histograms of columns of feature rows, formatted by their unit.
 */
import type { Panel } from "../core/index";
import { featureHistogram, type FeatureHistogramOptions } from "./feature-histogram";
import type { Figure } from "./figure";

/** Options of {@link panelHistogram}: those of `featureHistogram` but the title and series. */
export type PanelHistogramOptions = Partial<Omit<FeatureHistogramOptions, "title" | "series">>;

/**
 * The distribution of one or more columns of a panel over all its rows, overlaid on shared bins; the x axis in
 * percent when the first column is a fraction.
 *
 * @param title the chart's title.
 * @param rows feature rows (`panel(store.build(), store.units)`).
 * @param columns the columns to draw, one series each.
 * @example
 * ```ts
 * show(panelHistogram("Momentum", rows, ["momentum_252d", "momentum_21d"], { normalise: true }));
 * ```
 * @throws InputError UNKNOWN_COLUMN for a column the panel lacks; as `featureHistogram` for no values.
 */
export function panelHistogram(title: string, rows: Panel, columns: readonly string[], options: PanelHistogramOptions = {}): Figure {
  const series = columns.map((name) => ({ name, values: rows.values(name) }));
  const first = columns[0];
  const xFormat = options.xFormat ?? (first !== undefined && rows.units[first] === "fraction" ? ".0%" : undefined);
  return featureHistogram({ ...options, title, series, xFormat });
}
