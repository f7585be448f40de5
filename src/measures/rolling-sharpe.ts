/**
 * The Sharpe ratio over a moving window.
 */
import { TRADING_DAYS_PER_YEAR, DEFAULT_RISK_FREE_RATE } from "../core/index";
import { InputError } from "../core/index";
import type { ReturnSeries } from "./index";
import { windowMean, windowStandardDeviation } from "./window-moments";
import { periodRiskFreeRate } from "./sharpe-ratio";

/** Options of {@link rollingSharpe}. */
export interface RollingSharpeOptions {
  /** Periods per window. Default 126 (half a year of trading days). */
  readonly window?: number;
  /** Annual risk-free rate. Default 0. */
  readonly riskFreeRate?: number;
  /** Periods per year. Default 252. */
  readonly frequency?: number;
}

/**
 * The annualised Sharpe ratio of each trailing window, `mean(r − r_f) / sd(r) · √frequency` (as `sharpeRatio`),
 * each window's mean and standard deviation from {@link windowMean} and {@link windowStandardDeviation} (`NaN` returns skipped). The first value is dated at the end of the first full window; a window whose
 * returns do not vary gives `NaN` (a gap in a chart).
 *
 * @param series dated per-period returns; not changed.
 * @param options `{ window = 126, riskFreeRate = 0, frequency = 252 }`.
 * @returns a series dated from `dates[window − 1]` on (empty when the series is shorter than a window).
 * @throws InputError BAD_WINDOW for a window below 2; as `sharpeRatio` for the rate and frequency.
 * @example
 * ```ts
 * rollingSharpe({ dates: ["d1", "d2", "d3"], values: Float64Array.of(0.01, 0.03, 0.02) }, { window: 2, frequency: 1 }).values;
 * // => ≈ Float64Array [1.4142, 3.5355]
 * ```
 */
export function rollingSharpe(series: ReturnSeries, options: RollingSharpeOptions = {}): ReturnSeries {
  const window = options.window ?? 126;
  if (!Number.isSafeInteger(window) || window < 2) throw new InputError("BAD_WINDOW", `rollingSharpe: window ${String(window)} must be a whole number ≥ 2`, { window });
  const frequency = options.frequency ?? TRADING_DAYS_PER_YEAR;
  const rf = periodRiskFreeRate(options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE, frequency);
  const n = series.values.length;
  if (n < window) return { dates: [], values: new Float64Array() };
  const out = new Float64Array(n - window + 1);
  const scale = Math.sqrt(frequency);
  for (let i = window - 1; i < n; i++) {
    const start = i - window + 1;
    const sd = windowStandardDeviation(series.values, start, i);
    out[start] = sd > 1e-15 ? ((windowMean(series.values, start, i) - rf) / sd) * scale : Number.NaN;
  }
  return { dates: series.dates.slice(window - 1), values: out };
}
