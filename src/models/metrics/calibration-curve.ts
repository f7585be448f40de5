import { InputError } from "../../core/index";
import { checkPairs } from "./check-pairs";

/**
 * One bin of a calibration curve: rows whose predicted probability fell in `[lower, upper)`.
 *
 * @example
 * ```ts
 * const bin: CalibrationBin = { lower: 0.6, upper: 0.7, count: 40, meanPredicted: 0.65, observedRate: 0.6 };
 * ```
 */
export interface CalibrationBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean predicted probability in the bin. */
  readonly meanPredicted: number;
  /** Share of outcomes equal to 1 in the bin. */
  readonly observedRate: number;
}

/**
 * Calibration (reliability) curve: probabilities cut into `nBins` equal-width bins on [0, 1];
 * per non-empty bin, the mean predicted probability and the observed frequency of 1s, as
 * scikit-learn's `calibration_curve(strategy="uniform")`. A calibrated model lies on the diagonal.
 *
 * @throws InputError SHAPE_MISMATCH, NAN_IN_INPUT, BAD_LABEL, BAD_PROBABILITY (outside [0, 1]), BAD_ARGUMENT (nBins).
 * @example
 * ```ts
 * calibrationCurve([0, 1, 1, 0], [0.2, 0.8, 0.7, 0.1], 2);
 * // => [{ lower: 0, upper: 0.5, count: 2, meanPredicted: 0.15, observedRate: 0 },
 * //     { lower: 0.5, upper: 1, count: 2, meanPredicted: 0.75, observedRate: 1 }]
 * ```
 */
export function calibrationCurve(outcomes: ArrayLike<number>, probabilities: ArrayLike<number>, nBins = 10): CalibrationBin[] {
  checkPairs("calibrationCurve", outcomes, probabilities);
  if (!Number.isInteger(nBins) || nBins < 1) throw new InputError("BAD_ARGUMENT", `calibrationCurve: nBins ${nBins} must be an integer ≥ 1`);
  const count = new Float64Array(nBins);
  const sumP = new Float64Array(nBins);
  const sumY = new Float64Array(nBins);
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    const p = probabilities[i]!;
    if (o !== 0 && o !== 1) throw new InputError("BAD_LABEL", `calibrationCurve: outcome ${i} is ${o}; pass 0 or 1`, { index: i });
    if (p < 0 || p > 1) throw new InputError("BAD_PROBABILITY", `calibrationCurve: probability ${i} is ${p}; probabilities lie in [0, 1]`, { index: i });
    const b = Math.min(nBins - 1, Math.floor(p * nBins));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += o;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < nBins; b++) {
    if (count[b] === 0) continue;
    out.push({ lower: b / nBins, upper: (b + 1) / nBins, count: count[b]!, meanPredicted: sumP[b]! / count[b]!, observedRate: sumY[b]! / count[b]! });
  }
  return out;
}

/**
 * Brier score: mean squared difference between probabilities and 0/1 outcomes (lower is better;
 * always predicting the base rate p scores p(1 − p)).
 *
 * @throws InputError SHAPE_MISMATCH, NAN_IN_INPUT.
 * @example
 * ```ts
 * brierScore([0, 1], [0.2, 0.6]); // => 0.1
 * ```
 */
export function brierScore(outcomes: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  checkPairs("brierScore", outcomes, probabilities);
  let s = 0;
  for (let i = 0; i < outcomes.length; i++) s += (probabilities[i]! - outcomes[i]!) ** 2;
  return s / outcomes.length;
}

/**
 * Expected calibration error: the count-weighted mean gap |observed rate − mean predicted| over
 * the bins of a {@link calibrationCurve}.
 *
 * @example
 * ```ts
 * expectedCalibrationError(calibrationCurve([0, 1, 1, 0], [0.2, 0.8, 0.7, 0.1], 2)); // => 0.2
 * ```
 */
export function expectedCalibrationError(curve: readonly CalibrationBin[]): number {
  let n = 0;
  let s = 0;
  for (const b of curve) {
    n += b.count;
    s += b.count * Math.abs(b.observedRate - b.meanPredicted);
  }
  return n > 0 ? s / n : Number.NaN;
}
