/**
 * Realised against expected returns: how the last model's forecasts fared once their outcomes became known.
 */
import { InputError } from "../../core/index";
import { hitRate } from "../metrics/hit-rate";
import { informationCoefficient } from "../metrics/information-coefficient";
import { rmse } from "../metrics/rmse";

/**
 * The model's forecasts set against what happened (simple returns over the forecast horizon, as fractions).
 *
 * @example
 * ```ts
 * const r: RealisedVersusExpected = { count: 240, expected: 0.008, realised: -0.031, bias: -0.039, rmse: 0.094,
 *   errorRatio: 1.9, ic: 0.02, hitRate: 0.45 };
 * ```
 */
export interface RealisedVersusExpected {
  /** Forecasts whose outcome is known. */
  readonly count: number;
  /** Mean forecast return. */
  readonly expected: number;
  /** Mean realised return. */
  readonly realised: number;
  /** `realised − expected`: negative when the model was too optimistic. */
  readonly bias: number;
  /** Root mean squared error of the forecasts (`NaN` without rows). */
  readonly rmse: number;
  /** `rmse` over the reference RMSE (the model's out-of-sample RMSE when it was trained); `NaN` without one. */
  readonly errorRatio: number;
  /** Pearson correlation of forecasts and outcomes (`NaN` with fewer than 3 rows or constant forecasts). */
  readonly ic: number;
  /** Share of rows where forecast and outcome have the same sign (`NaN` without rows). */
  readonly hitRate: number;
}

/** Options of {@link realisedVersusExpected}. */
export interface RealisedVersusExpectedOptions {
  /** The RMSE the model scored out of sample when it was trained; gives `errorRatio`. */
  readonly referenceRmse?: number;
}

/**
 * Compares forecast returns with the realised ones: mean of each, bias, RMSE (and its ratio to the model's
 * out-of-sample RMSE at training, the error growth a monitor retrains on), IC and hit rate (the metrics of the models
 * layer). With no row, every figure but `count` is `NaN`, so a monitor can report "not known yet".
 *
 * @param realised outcomes, one per forecast; not changed.
 * @param expected the forecasts; not changed.
 * @throws InputError SHAPE_MISMATCH (lengths differ), NAN_IN_INPUT, BAD_ARGUMENT (a reference RMSE ≤ 0 or not finite).
 * @example
 * ```ts
 * realisedVersusExpected([0.02, -0.01, 0.03], [0.01, 0.01, 0.01], { referenceRmse: 0.01 }).bias; // => 0.00333…
 * ```
 */
export function realisedVersusExpected(realised: ArrayLike<number>, expected: ArrayLike<number>, options: RealisedVersusExpectedOptions = {}): RealisedVersusExpected {
  const n = realised.length;
  if (expected.length !== n) throw new InputError("SHAPE_MISMATCH", `realisedVersusExpected: ${n} realised returns but ${expected.length} forecasts; pass one of each per row`);
  for (const [what, values] of [["realised", realised], ["expected", expected]] as const) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(values[i]!)) throw new InputError("NAN_IN_INPUT", `realisedVersusExpected: ${what} value ${i} is ${values[i]}; keep only rows whose outcome is known`, { what, index: i });
    }
  }
  const reference = options.referenceRmse;
  if (reference !== undefined && !(Number.isFinite(reference) && reference > 0)) {
    throw new InputError("BAD_ARGUMENT", `realisedVersusExpected: referenceRmse ${reference} must be a finite number > 0 (the model's out-of-sample RMSE)`);
  }
  if (n === 0) return { count: 0, expected: Number.NaN, realised: Number.NaN, bias: Number.NaN, rmse: Number.NaN, errorRatio: Number.NaN, ic: Number.NaN, hitRate: Number.NaN };
  let sumRealised = 0;
  let sumExpected = 0;
  for (let i = 0; i < n; i++) {
    sumRealised += realised[i]!;
    sumExpected += expected[i]!;
  }
  const error = rmse(realised, expected);
  let ic = Number.NaN;
  if (n >= 3) {
    const v = informationCoefficient(realised, expected);
    ic = Number.isFinite(v) ? v : Number.NaN;
  }
  return {
    count: n,
    expected: sumExpected / n,
    realised: sumRealised / n,
    bias: (sumRealised - sumExpected) / n,
    rmse: error,
    errorRatio: reference === undefined ? Number.NaN : error / reference,
    ic,
    hitRate: hitRate(realised, expected),
  };
}
