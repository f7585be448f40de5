/**
 * A linear market-impact model: basis points per percent of daily volume.
 */
import { DataError, InputError } from "../core/index";
import type { ImpactInput, MarketImpact } from "./market-impact";

/** Options of {@link participationImpact}. */
export interface ParticipationImpactOptions {
  /** Basis points of slippage per percentage point of participation (order shares / ADV). Default 1. */
  readonly bpsPerPercent?: number;
}

/**
 * A simple participation model: slippage grows linearly with the order's share of the day's volume,
 * `bpsPerPercent × 100 · q / ADV` basis points of the notional. Trading 5 % of the average day at 1 bp per
 * percent costs 5 bp. Cheaper than the square-root law for large orders, dearer for small ones.
 *
 * @param options `{ bpsPerPercent = 1 }`.
 * @throws InputError BAD_COEFFICIENT for a negative or non-finite rate. Its `cost` throws DataError NO_VOLUME when
 *   an order's ADV is unknown or zero.
 * @example
 * ```ts
 * // 5,000 shares of an ADV of 100,000 (5 %) at 2 bp per percent: 10 bp of 50,000 USD
 * participationImpact({ bpsPerPercent: 2 }).cost({ ticker: "A", shares: 5000, price: 10, notional: 50_000, dailyVolatility: 0.01, averageDailyVolume: 100_000 });
 * // => 50
 * ```
 */
export function participationImpact(options: ParticipationImpactOptions = {}): MarketImpact {
  const rate = options.bpsPerPercent ?? 1;
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0) {
    throw new InputError("BAD_COEFFICIENT", `participationImpact: bpsPerPercent ${String(rate)} must be a finite number ≥ 0, e.g. 1`, { bpsPerPercent: rate });
  }
  return {
    name: `participation impact (${rate} bp per % of ADV)`,
    needsVolume: true,
    parameters: { model: "participation", bpsPerPercent: rate },
    cost(o: ImpactInput): number {
      if (o.shares === 0 || rate === 0) return 0;
      if (!(o.averageDailyVolume > 0)) {
        throw new DataError("NO_VOLUME", `participationImpact: ${o.ticker} has average daily volume ${o.averageDailyVolume}; pass volumes that cover it (runBacktest's volumes) or use an impact model without volume`, { ticker: o.ticker });
      }
      const participationPercent = (100 * o.shares) / o.averageDailyVolume;
      return (rate * participationPercent * o.notional) / 10_000;
    },
  };
}
