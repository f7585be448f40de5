/**
 * Drawdowns: how far a compounded return series has fallen from its running peak.
 */
import { InputError } from "../core/index";
import { checkReturns } from "./check-inputs";
import type { ReturnSeries } from "./return-series";

/**
 * The deepest fall of a compounded series from a running peak, with its dates.
 *
 * @example
 * ```ts
 * const m: MaxDrawdown = { maxDrawdown: 0.19, peakDate: "d1", troughDate: "d3", recoveryDate: null,
 *   periodsToTrough: 2, periodsToRecovery: null };
 * ```
 */
export interface MaxDrawdown {
  /** Maximum drawdown as a **positive loss fraction** from the peak (0.19 = 19 % below the peak); 0 if the series never falls. */
  readonly maxDrawdown: number;
  /** Date of the peak the drawdown is measured from, or `null` when the peak is the starting value (before the first date). */
  readonly peakDate: string | null;
  /** Date of the trough (the deepest point), or `null` when there is no drawdown. */
  readonly troughDate: string | null;
  /** First date after the trough on which wealth is back at (or above) the peak, or `null` if it never recovers in the sample. */
  readonly recoveryDate: string | null;
  /** Periods (trading days for daily returns) from the peak to the trough. */
  readonly periodsToTrough: number;
  /** Periods from the trough to the recovery, or `null` when not recovered. */
  readonly periodsToRecovery: number | null;
}

function checkSeries(series: ReturnSeries, caller: string): number {
  if (series.dates.length !== series.values.length) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `${caller}: the series has ${series.dates.length} dates but ${series.values.length} returns; pass one return per date`,
      { dates: series.dates.length, values: series.values.length },
    );
  }
  for (let i = 1; i < series.dates.length; i++) {
    if (!(series.dates[i - 1]! < series.dates[i]!)) {
      throw new InputError(
        "UNSORTED_DATES",
        `${caller}: dates are not strictly increasing at position ${i} (${series.dates[i - 1]} then ${series.dates[i]}); sort the series by date`,
        { position: i },
      );
    }
  }
  return checkReturns(series.values, caller, "returns", 1);
}

/**
 * Drawdown at each date: `Wₜ / maxₛ≤ₜ Wₛ − 1`, where wealth `Wₜ = ∏(1 + rₛ)` compounds the returns
 * from a starting value of 1 (which counts as a peak). Values are ≤ 0 ("underwater"): −0.2 means 20 % below
 * the highest value reached so far.
 *
 * @param returns a dated per-period return series; not changed.
 * @returns a new series on the same dates holding the drawdowns (non-positive fractions).
 * @throws InputError when the series is empty, a return is not finite, dates and values differ in length, or dates are not increasing.
 *
 * @example
 * ```ts
 * drawdowns({ dates: ["d1", "d2", "d3"], values: Float64Array.of(0.1, -0.1, 0.05) }).values;
 * // => ≈ Float64Array [0, -0.1, -0.055]
 * ```
 */
export function drawdowns(returns: ReturnSeries): ReturnSeries {
  const n = checkSeries(returns, "drawdowns");
  return { dates: [...returns.dates], values: drawdownValues(returns.values, n) };
}

/**
 * Drawdown values of finite returns, without checks (callers check): one per return, the starting wealth of 1
 * counting as a peak.
 *
 * @example
 * ```ts
 * drawdownValues([0.1, -0.1]); // => ≈ Float64Array [0, -0.1]
 * ```
 */
export function drawdownValues(returns: ArrayLike<number>, n = returns.length): Float64Array {
  const out = new Float64Array(n);
  let wealth = 1;
  let peak = 1;
  for (let i = 0; i < n; i++) {
    wealth *= 1 + returns[i]!;
    if (wealth > peak) peak = wealth;
    out[i] = wealth / peak - 1;
  }
  return out;
}

/**
 * Maximum drawdown of a compounded return series, with the peak, trough and recovery dates: the largest
 * loss an investor who bought at the worst time (a peak) and sold at the worst time (the following trough)
 * would have suffered. Wealth starts at 1 before the first date; that start counts as a peak.
 *
 * Sign: `maxDrawdown` is a **positive loss fraction**. Horizon: the whole sample (a path measure, not a
 * per-period one: a longer sample can only deepen it).
 *
 * @param returns a dated per-period return series (e.g. from `portfolioReturns`); not changed.
 * @throws InputError when the series is empty, a return is not finite, or the dates are malformed.
 *
 * @example
 * ```ts
 * maxDrawdown({ dates: ["d1", "d2", "d3", "d4", "d5"], values: Float64Array.of(0.1, -0.1, -0.1, 0.1, 0.3) });
 * // => { maxDrawdown: 0.19, peakDate: "d1", troughDate: "d3", recoveryDate: "d5", periodsToTrough: 2, periodsToRecovery: 2 }
 * ```
 */
export function maxDrawdown(returns: ReturnSeries): MaxDrawdown {
  const n = checkSeries(returns, "maxDrawdown");
  let wealth = 1;
  const wealthPath = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    wealth *= 1 + returns.values[i]!;
    wealthPath[i] = wealth;
  }
  const { worst, peakIndex: worstPeak, troughIndex } = deepestFall(wealthPath, 1);
  if (troughIndex < 0) {
    return { maxDrawdown: 0, peakDate: null, troughDate: null, recoveryDate: null, periodsToTrough: 0, periodsToRecovery: null };
  }
  const peakWealth = worstPeak < 0 ? 1 : wealthPath[worstPeak]!;
  let recoveryIndex = -1;
  for (let i = troughIndex + 1; i < n; i++) {
    if (wealthPath[i]! >= peakWealth) {
      recoveryIndex = i;
      break;
    }
  }
  return {
    maxDrawdown: -worst,
    peakDate: worstPeak < 0 ? null : returns.dates[worstPeak]!,
    troughDate: returns.dates[troughIndex]!,
    recoveryDate: recoveryIndex < 0 ? null : returns.dates[recoveryIndex]!,
    periodsToTrough: troughIndex - worstPeak,
    periodsToRecovery: recoveryIndex < 0 ? null : recoveryIndex - troughIndex,
  };
}

/**
 * Maximum drawdown of a price (or wealth) path: the largest fall from a running peak, `1 − pₜ / maxₛ≤ₜ pₛ`, over
 * the finite prices in order (`NaN` and ±Infinity, i.e. missing prices, are skipped). The first finite price is the
 * first peak. The same running-peak rule as {@link maxDrawdown}, which applies it to the wealth compounded from
 * returns; use this one when you hold prices rather than returns (no compounding round-off).
 *
 * Sign: a **positive loss fraction** of the peak (0 = never fell, 0.5 = halved). Horizon: the whole path.
 *
 * @param prices a price path (any positive unit, e.g. adjusted closes in USD), in date order; not changed.
 * @returns the maximum drawdown, or `NaN` when fewer than two prices are finite.
 *
 * @example
 * ```ts
 * maxDrawdownOfPrices([100, 120, 60, 90, 130]); // => 0.5 (from 120 to 60)
 * maxDrawdownOfPrices([NaN, 5]);                 // => NaN
 * ```
 */
export function maxDrawdownOfPrices(prices: ArrayLike<number>): number {
  const finite: number[] = [];
  for (let i = 0; i < prices.length; i++) if (Number.isFinite(prices[i]!)) finite.push(prices[i]!);
  if (finite.length < 2) return Number.NaN;
  const { worst, troughIndex } = deepestFall(finite, finite[0]!);
  return troughIndex < 0 ? 0 : -worst;
}

/**
 * The deepest drawdown `pathᵢ / peak − 1` (≤ 0) of a value path from its running peak, `start` (the value before
 * the first one) counting as the first peak; `peakIndex` −1 means that start, `troughIndex` −1 no fall at all.
 */
function deepestFall(path: ArrayLike<number>, start: number): { worst: number; peakIndex: number; troughIndex: number } {
  let peak = start;
  let currentPeak = -1; // -1 = the starting value
  let worst = 0;
  let peakIndex = -1;
  let troughIndex = -1;
  for (let i = 0; i < path.length; i++) {
    const value = path[i]!;
    if (value > peak) {
      peak = value;
      currentPeak = i;
    }
    const drawdown = value / peak - 1;
    if (drawdown < worst) {
      worst = drawdown;
      peakIndex = currentPeak;
      troughIndex = i;
    }
  }
  return { worst, peakIndex, troughIndex };
}
