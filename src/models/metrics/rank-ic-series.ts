/**
 * How well a forecast ranked the cross-section, date by date, as a labelled vector.
 */
import { vector } from "../../core/index";
import type { Panel, Vector } from "../../core/index";
import { forecastPairs } from "./forecast-pairs";
import { rankIcByDate } from "./rank-ic-by-date";

/**
 * The rank IC of a forecast column against the outcome on every date with at least `minCount` rows
 * ({@link rankIcByDate}), labelled by date (unit `"ratio"`, name `"rank IC"`).
 *
 * @param panel rows with an outcome column and the forecast column.
 * @example
 * ```ts
 * const ic = rankIcSeries(returnForecasts, "random forest");
 * ic.mean(); // => 0.133 (the mean rank IC per month)
 * ```
 * @throws InputError as `forecastPairs`.
 */
export function rankIcSeries(panel: Panel, column: string, options: { readonly outcome?: string; readonly minCount?: number } = {}): Vector {
  const pairs = forecastPairs(panel, column, options.outcome);
  const byDate = rankIcByDate(pairs.dates, pairs.actual, pairs.predicted, options.minCount);
  return vector({ labels: byDate.map((d) => d.date), values: Float64Array.from(byDate, (d) => d.rankIc) }, { unit: "ratio", name: "rank IC", labelName: "date" });
}
