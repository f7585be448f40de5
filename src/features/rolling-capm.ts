import { InputError } from "../core/index";
import { windowMean } from "../measures/index";
import { checkSeries, evaluationIndices } from "./check-series";
import { rollingStatistic } from "./rolling-statistic";

/**
 * Trailing CAPM regression of an asset's returns on a benchmark's over `window` periods.
 * `beta = cov(r, m) / var(m)`; `alpha = mean(r) − beta · mean(m)`, per period (not annualised;
 * multiply by 252 for daily returns), with a risk-free rate of 0 (the project default).
 *
 * @param asset the asset's periodic returns, `NaN` only before its first observation.
 * @param market the benchmark's returns, aligned with `asset`.
 * @param window periods per window (integer ≥ 3).
 * @param at optional indices to evaluate (default: every index).
 * @returns `{ beta, alpha }`, one value per evaluated index; `NaN` before a full window is
 *   observed or where the benchmark is constant over the window.
 * @throws InputError SHAPE_MISMATCH, BAD_WINDOW, NAN_IN_INPUT, TOO_FEW_OBSERVATIONS.
 * @example
 * ```ts
 * rollingCapm(Float64Array.from([0.02, 0.04, 0.00]), Float64Array.from([0.01, 0.02, 0.00]), 3);
 * // => { beta: Float64Array [NaN, NaN, 2], alpha: Float64Array [NaN, NaN, 0] }
 * ```
 */
export function rollingCapm(
  asset: ArrayLike<number>,
  market: ArrayLike<number>,
  window: number,
  at?: ArrayLike<number>,
): { readonly beta: Float64Array; readonly alpha: Float64Array } {
  if (asset.length !== market.length) {
    throw new InputError("SHAPE_MISMATCH", `rollingCapm: asset has ${asset.length} returns and market ${market.length}; align them on the same dates`);
  }
  const first = Math.max(checkSeries("rollingCapm", asset, window, 3, "asset returns"), checkSeries("rollingCapm", market, window, 3, "market returns"));
  const idx = evaluationIndices("rollingCapm", asset.length, at);
  const alpha = new Float64Array(idx.length).fill(Number.NaN);
  const beta = rollingStatistic(idx, first, window, (start, end, k) => {
    const mr = windowMean(asset, start, end);
    const mm = windowMean(market, start, end);
    let smm = 0;
    let srm = 0;
    for (let i = start; i <= end; i++) {
      const dm = market[i]! - mm;
      smm += dm * dm;
      srm += (asset[i]! - mr) * dm;
    }
    const b = smm > 0 ? srm / smm : Number.NaN;
    alpha[k] = mr - b * mm;
    return b;
  });
  return { beta, alpha };
}
