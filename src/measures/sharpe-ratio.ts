/**
 * The Sharpe ratio of a return series.
 */
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import { DEFAULT_RISK_FREE_RATE } from "../core/index";
import { InputError } from "../core/index";
import { returnMoments } from "./index";

/** Options of {@link sharpeRatio} and {@link sortinoRatio}. */
export interface RatioOptions {
  /** Annual risk-free rate (a fraction). Default {@link DEFAULT_RISK_FREE_RATE} (0); state it when you report a ratio. */
  readonly riskFreeRate?: number;
  /** Periods per year. Default 252. */
  readonly frequency?: number;
}

/**
 * The per-period risk-free rate equivalent to an annual one: `(1 + rate)^(1 / frequency) − 1`.
 *
 * @throws InputError BAD_RISK_FREE_RATE unless the rate is finite and above −1; BAD_FREQUENCY.
 * @example
 * ```ts
 * periodRiskFreeRate(0.02, 252); // => ≈ 0.0000786
 * ```
 */
export function periodRiskFreeRate(riskFreeRate: number, frequency: number): number {
  if (typeof riskFreeRate !== "number" || !Number.isFinite(riskFreeRate) || riskFreeRate <= -1) {
    throw new InputError("BAD_RISK_FREE_RATE", `riskFreeRate ${String(riskFreeRate)} must be a finite annual rate above −1, e.g. 0.02`, { riskFreeRate });
  }
  if (!(frequency > 0) || !Number.isFinite(frequency)) throw new InputError("BAD_FREQUENCY", `frequency ${String(frequency)} must be a positive number of periods per year`, { frequency });
  return Math.pow(1 + riskFreeRate, 1 / frequency) - 1;
}

/**
 * The annualised Sharpe ratio: `mean(rₜ − r_f) / sd(rₜ) · √frequency`, with `r_f` the per-period equivalent of the
 * annual risk-free rate and the sample standard deviation (ddof 1) — the convention of empyrical and of most
 * performance reports.
 *
 * @param returns per-period simple returns, at least 2, finite; not changed.
 * @param options `{ riskFreeRate = 0, frequency = 252 }`.
 * @returns the ratio, or `null` when the returns do not vary (no risk to divide by).
 * @throws InputError for fewer than 2 or non-finite returns, a bad rate or frequency.
 * @example
 * ```ts
 * sharpeRatio([0.01, -0.005, 0.02, 0.0], { frequency: 1 }); // => ≈ 0.5637 (mean 0.00625 / sd 0.011087)
 * ```
 */
export function sharpeRatio(returns: ArrayLike<number>, options: RatioOptions = {}): number | null {
  const frequency = options.frequency ?? TRADING_DAYS_PER_YEAR;
  const rf = periodRiskFreeRate(options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE, frequency);
  const moments = returnMoments(returns);
  if (moments.standardDeviation <= 1e-15 * Math.max(1, Math.abs(moments.mean))) return null;
  return ((moments.mean - rf) / moments.standardDeviation) * Math.sqrt(frequency);
}
