/**
 * Several forecasts of the same outcome, scored side by side: a table that displays itself.
 */
import { InputError, tableOfRows } from "../../core/index";
import type { Panel, Table } from "../../core/index";
import { forecastPairs } from "./forecast-pairs";
import { regressionScores } from "./forecast-scores";

/** Options of {@link scoreForecasts} and {@link scoreProbabilities}. */
export interface ScoreOptions {
  /** The column of outcomes (default `"outcome"`, as `LabelledRows.toPanel` names the label). */
  readonly outcome?: string;
  readonly caption?: string;
}

/**
 * One row per forecast column: {@link regressionScores} (count, RMSE, MAE, IC, rank IC, mean rank IC per date, hit
 * rate) on the rows where the forecast and the outcome are both known.
 *
 * @param panel rows with an outcome column and forecast columns, e.g. `rows.toPanel().with("forest", run.outputs.forecast)`.
 * @param columns the forecast columns to score, in the order shown.
 * @example
 * ```ts
 * scoreForecasts(returns.toPanel().with("random forest", forestRun.outputs.forecast), ["random forest"]);
 * // model          count    rmse     mae      ic  rank ic  mean rank ic  hit rate
 * // random forest  5,308  0.0799  0.0601  0.0720   0.0987        0.1333   57.46 %  (notebook 04)
 * ```
 * @throws InputError EMPTY_TABLE when no column is given; as `forecastPairs` and `regressionScores`.
 */
export function scoreForecasts(panel: Panel, columns: readonly string[], options: ScoreOptions = {}): Table {
  if (columns.length === 0) throw new InputError("EMPTY_TABLE", "scoreForecasts: no forecast column given; name at least one");
  const rows = columns.map((column) => {
    const pairs = forecastPairs(panel, column, options.outcome);
    return { model: column, ...regressionScores(pairs.actual, pairs.predicted, pairs.dates) };
  });
  return tableOfRows(rows, { units: { count: "count", hitRate: "fraction" }, caption: options.caption });
}
