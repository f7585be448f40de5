/**
 * Several probability forecasts of the same event, scored side by side, and their calibration curves.
 */
import { InputError, tableOfRows } from "../../core/index";
import type { Panel, Table } from "../../core/index";
import type { CalibrationBin } from "./calibration-curve";
import { forecastPairs } from "./forecast-pairs";
import { probabilityScores, type ProbabilityScores } from "./forecast-scores";
import type { ScoreOptions } from "./score-forecasts";

/** Options of {@link scoreProbabilities} and {@link calibrationCurves}. */
export interface ProbabilityScoreOptions extends ScoreOptions {
  /** The event is `outcome > threshold` (default 0: positive growth). */
  readonly threshold?: number;
}

function scoresOf(panel: Panel, column: string, options: ProbabilityScoreOptions): ProbabilityScores {
  const pairs = forecastPairs(panel, column, options.outcome);
  const threshold = options.threshold ?? 0;
  return probabilityScores(pairs.actual.map((v) => (v > threshold ? 1 : 0)), pairs.predicted);
}

/**
 * One row per probability column: {@link probabilityScores} of the event `outcome > threshold` (AUC, Brier score, the
 * Brier score of always saying the base rate, and the expected calibration error) on the rows where both are known.
 *
 * @param panel rows with an outcome column and probability columns, e.g. `rows.toPanel().with("p", run.outputs.probability)`.
 * @param columns the probability columns to score, in the order shown.
 * @example
 * ```ts
 * scoreProbabilities(growth.toPanel().with("ensemble", run.outputs.probability), ["ensemble"]);
 * // model     auc     brier   base-rate brier  calibration error
 * // ensemble  0.7973  0.1787           0.2360             0.0636  (notebook 04)
 * ```
 * @throws InputError EMPTY_TABLE when no column is given; as `forecastPairs` and `probabilityScores` (ONE_CLASS
 *   when every outcome is on the same side of the threshold).
 */
export function scoreProbabilities(panel: Panel, columns: readonly string[], options: ProbabilityScoreOptions = {}): Table {
  if (columns.length === 0) throw new InputError("EMPTY_TABLE", "scoreProbabilities: no probability column given; name at least one");
  const rows = columns.map((column) => {
    const s = scoresOf(panel, column, options);
    return { model: column, auc: s.auc, brier: s.brier, "base-rate brier": s.baseRate * (1 - s.baseRate), calibrationError: s.calibrationError };
  });
  return tableOfRows(rows, { caption: options.caption });
}

/**
 * The calibration curve of each probability column (10 bins), named by its column: what `calibrationChart` draws.
 *
 * @example
 * ```ts
 * show(calibrationChart("Calibration", calibrationCurves(panel, ["ensemble", "logistic regression"])));
 * ```
 * @throws InputError as {@link scoreProbabilities}.
 */
export function calibrationCurves(panel: Panel, columns: readonly string[], options: ProbabilityScoreOptions = {}): { name: string; bins: readonly CalibrationBin[] }[] {
  return columns.map((column) => ({ name: column, bins: scoresOf(panel, column, options).curve }));
}
