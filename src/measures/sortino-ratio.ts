/**
 * The Sortino ratio of a return series.
 */
import { TRADING_DAYS_PER_YEAR, DEFAULT_RISK_FREE_RATE } from "../core/index";
import { downsideDeviation } from "./index";
import { periodRiskFreeRate, type RatioOptions } from "./sharpe-ratio";

/**
 * The annualised Sortino ratio: `mean(rₜ − r_f) · frequency / DD`, where DD is the annualised downside deviation
 * below `r_f` over all periods (`risk.downsideDeviation`), `r_f` the per-period risk-free rate. Like the Sharpe
 * ratio, but only returns below the risk-free rate count as risk.
 *
 * @param returns per-period simple returns, at least 1, finite; not changed.
 * @param options `{ riskFreeRate = 0, frequency = 252 }`.
 * @returns the ratio, or `null` when no return falls below the risk-free rate.
 * @throws InputError for empty or non-finite returns, a bad rate or frequency.
 * @example
 * ```ts
 * sortinoRatio([0.02, -0.01, 0.03, -0.02], { frequency: 1 }); // => ≈ 0.4472 (mean 0.005 / √((0.0001 + 0.0004) / 4))
 * ```
 */
export function sortinoRatio(returns: ArrayLike<number>, options: RatioOptions = {}): number | null {
  const frequency = options.frequency ?? TRADING_DAYS_PER_YEAR;
  const rf = periodRiskFreeRate(options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE, frequency);
  const downside = downsideDeviation(returns, { minimumAcceptableReturn: rf, frequency });
  if (downside === 0) return null;
  let sum = 0;
  for (let i = 0; i < returns.length; i++) sum += returns[i]! - rf;
  return ((sum / returns.length) * frequency) / downside;
}
