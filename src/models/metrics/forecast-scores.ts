import { auc } from "./auc";
import { brierScore, calibrationCurve, expectedCalibrationError, type CalibrationBin } from "./calibration-curve";
import { hitRate } from "./hit-rate";
import { informationCoefficient } from "./information-coefficient";
import { mae } from "./mae";
import { rankIcByDate } from "./rank-ic-by-date";
import { rankInformationCoefficient } from "./rank-information-coefficient";
import { rmse } from "./rmse";

/**
 * The scores of a set of point forecasts.
 *
 * @example
 * ```ts
 * const s: RegressionScores = { count: 1200, rmse: 0.16, mae: 0.12, ic: 0.31, rankIc: 0.29, meanRankIc: 0.27, hitRate: 0.64 };
 * ```
 */
export interface RegressionScores {
  readonly count: number;
  readonly rmse: number;
  readonly mae: number;
  /** Pearson correlation of forecasts and outcomes, pooled over all rows. */
  readonly ic: number;
  /** Spearman correlation, pooled over all rows. */
  readonly rankIc: number;
  /** Mean of the per-date rank ICs (dates with at least 5 rows); `NaN` without dates. */
  readonly meanRankIc: number;
  /** Share of rows where forecast and outcome have the same sign. */
  readonly hitRate: number;
}

/**
 * RMSE, MAE, IC, rank IC (pooled and mean per date) and hit rate of forecasts.
 *
 * @param dates optional as-of date per row, for the mean per-date rank IC.
 * @throws InputError SHAPE_MISMATCH, TOO_FEW_ROWS (< 2), NAN_IN_INPUT.
 * @example
 * ```ts
 * regressionScores([0.1, -0.2, 0.3], [0.05, -0.1, 0.2]).hitRate; // => 1
 * ```
 */
export function regressionScores(actual: ArrayLike<number>, predicted: ArrayLike<number>, dates?: readonly string[]): RegressionScores {
  const byDate = dates ? rankIcByDate(dates, actual, predicted).filter((d) => Number.isFinite(d.rankIc)) : [];
  return {
    count: actual.length,
    rmse: rmse(actual, predicted),
    mae: mae(actual, predicted),
    ic: informationCoefficient(actual, predicted),
    rankIc: rankInformationCoefficient(actual, predicted),
    meanRankIc: byDate.length > 0 ? byDate.reduce((a, d) => a + d.rankIc, 0) / byDate.length : Number.NaN,
    hitRate: hitRate(actual, predicted),
  };
}

/**
 * The scores of probability forecasts.
 *
 * @example
 * ```ts
 * const s: ProbabilityScores = { count: 1200, auc: 0.71, brier: 0.19, calibrationError: 0.04, baseRate: 0.62, curve: [] };
 * ```
 */
export interface ProbabilityScores {
  readonly count: number;
  readonly auc: number;
  readonly brier: number;
  /** Expected calibration error over 10 bins. */
  readonly calibrationError: number;
  /** Share of outcomes equal to 1 (a forecaster always saying this rate has Brier rate·(1 − rate)). */
  readonly baseRate: number;
  readonly curve: readonly CalibrationBin[];
}

/**
 * AUC, Brier score, calibration curve (10 bins) and calibration error of probabilities.
 *
 * @throws InputError SHAPE_MISMATCH, NAN_IN_INPUT, BAD_LABEL, ONE_CLASS, BAD_PROBABILITY.
 * @example
 * ```ts
 * probabilityScores([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).auc; // => 0.75
 * ```
 */
export function probabilityScores(outcomes: ArrayLike<number>, probabilities: ArrayLike<number>, nBins = 10): ProbabilityScores {
  const curve = calibrationCurve(outcomes, probabilities, nBins);
  let ones = 0;
  for (let i = 0; i < outcomes.length; i++) ones += outcomes[i]!;
  return {
    count: outcomes.length,
    auc: auc(outcomes, probabilities),
    brier: brierScore(outcomes, probabilities),
    calibrationError: expectedCalibrationError(curve),
    baseRate: ones / outcomes.length,
    curve,
  };
}
