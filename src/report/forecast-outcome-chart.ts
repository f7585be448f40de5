/**
 * A forecast column against the outcome, one point per row of a panel.
 */
import type { Panel } from "../core/index";
import { metrics } from "../models/index";
import type { Figure } from "./figure";
import { forecastScatterChart } from "./forecast-scatter-chart";

/**
 * `forecastScatterChart` of a panel's forecast column against its outcome column, on the rows where both are known,
 * each point labelled "TICKER date" on hover.
 *
 * @param panel rows with an outcome column and the forecast column (e.g. `rows.toPanel().with("ensemble", …)`).
 * @param column the forecast column.
 * @param options `outcome` column (default `"outcome"`), d3 `format` of both axes (e.g. `".0%"`).
 * @example
 * ```ts
 * show(forecastOutcomeChart("Next year's growth: forecast against outcome", growthForecasts, "stacked ensemble", { format: ".0%" }));
 * ```
 * @throws InputError as `metrics.forecastPairs` (an unknown column, no row with both).
 */
export function forecastOutcomeChart(title: string, panel: Panel, column: string, options: { readonly outcome?: string; readonly format?: string } = {}): Figure {
  const pairs = metrics.forecastPairs(panel, column, options.outcome);
  const labels = pairs.tickers.map((t, i) => `${t} ${pairs.dates[i]}`);
  return forecastScatterChart({ title, predicted: pairs.predicted, actual: pairs.actual, labels, format: options.format });
}
