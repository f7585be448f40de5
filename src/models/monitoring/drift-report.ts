/**
 * When should the models be retrained? Drift indicators over a recent window against the training one.
 */
import { InputError } from "../../core/index";
import type { FeatureFrame } from "../../features/index";
import { populationStabilityIndex } from "./population-stability-index";
import { retrainDecision, type RetrainThresholds } from "./retrain-decision";
import { volatilityShift } from "./volatility-shift";

/**
 * Thresholds of {@link driftReport}; each crossed one is a reason to retrain (see {@link retrainThresholds}).
 *
 * @example
 * ```ts
 * const t: DriftThresholds = { psi: 0.25, errorRatio: 1.25, volatilityRatio: 1.5 };
 * ```
 */
export type DriftThresholds = Omit<RetrainThresholds, "maxAgeDays">;

/** What {@link driftReport} compares. */
export interface DriftInput {
  /** Feature rows the model was trained on. */
  readonly reference: FeatureFrame;
  /** Recent feature rows (same features). */
  readonly recent: FeatureFrame;
  /** Forecast errors (actual − forecast) on the validation period, and on the recent period. */
  readonly errors?: { readonly reference: ArrayLike<number>; readonly recent: ArrayLike<number> };
  /** Daily benchmark returns during the reference and the recent period. */
  readonly marketReturns?: { readonly reference: ArrayLike<number>; readonly recent: ArrayLike<number> };
  readonly thresholds?: DriftThresholds;
}

/**
 * The drift indicators and the verdict.
 *
 * @example
 * ```ts
 * const r: DriftReport = { psi: [{ feature: "volatility_63d", psi: 0.41 }], maxPsi: 0.41, errorRatio: 1.1,
 *   volatilityRatio: 2.2, retrain: true, reasons: ["volatility_63d has shifted (PSI 0.41 > 0.25)", "…"] };
 * ```
 */
export interface DriftReport {
  /** PSI per feature, largest first. */
  readonly psi: readonly { readonly feature: string; readonly psi: number }[];
  readonly maxPsi: number;
  /** Recent RMSE / reference RMSE (`NaN` without errors). */
  readonly errorRatio: number;
  /** Recent / reference annualised volatility of the benchmark (`NaN` without returns). */
  readonly volatilityRatio: number;
  /** True when any threshold is crossed. */
  readonly retrain: boolean;
  /** One sentence per crossed threshold. */
  readonly reasons: readonly string[];
}

function checkFinite(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) throw new InputError("NAN_IN_INPUT", `driftReport: ${what} value ${i} is ${values[i]}`, { index: i });
  }
}

function rms(values: ArrayLike<number>, what: string): number {
  if (values.length === 0) throw new InputError("TOO_FEW_ROWS", `driftReport: ${what} is empty`);
  checkFinite(values, what);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! ** 2;
  return Math.sqrt(s / values.length);
}

/**
 * Drift indicators that say when to retrain: feature distribution shift (PSI of every feature,
 * recent rows against the training rows), error growth (recent RMSE over the validation RMSE) and
 * a volatility regime change (recent annualised benchmark volatility over the reference's).
 *
 * @throws InputError FEATURE_MISMATCH when the two frames' features differ; TOO_FEW_ROWS, NAN_IN_INPUT; BAD_THRESHOLD
 *   (as {@link retrainDecision}); as {@link volatilityShift} for the market returns.
 * @example
 * ```ts
 * const report = driftReport({ reference: train, recent: lastYear, errors: { reference: validationErrors, recent: recentErrors } });
 * report.retrain; // => false
 * ```
 */
export function driftReport(input: DriftInput): DriftReport {
  const { reference, recent } = input;
  if (reference.names.join("\u0000") !== recent.names.join("\u0000")) {
    throw new InputError("FEATURE_MISMATCH", `driftReport: the reference rows have features ${reference.names.join(", ")} but the recent rows ${recent.names.join(", ")}; build both with the same request`);
  }
  const psi = reference.names
    .map((feature, j) => ({ feature, psi: populationStabilityIndex(reference.columns[j]!, recent.columns[j]!) }))
    .sort((a, b) => b.psi - a.psi);
  const maxPsi = psi.length > 0 ? psi[0]!.psi : 0;
  const errorRatio = input.errors ? rms(input.errors.recent, "recent errors") / rms(input.errors.reference, "reference errors") : Number.NaN;
  const volatilityRatio = input.marketReturns ? volatilityShift(input.marketReturns.reference, input.marketReturns.recent).ratio : Number.NaN;
  const { reasons } = retrainDecision({ psi, errorRatio, volatilityRatio }, input.thresholds);
  return { psi, maxPsi, errorRatio, volatilityRatio, retrain: reasons.length > 0, reasons };
}
