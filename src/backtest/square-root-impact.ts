/**
 * The square-root law of market impact.
 */
import { DataError, InputError } from "../core/index";
import type { ImpactInput, MarketImpact } from "./market-impact";

/** Options of {@link squareRootImpact}. */
export interface SquareRootImpactOptions {
  /** The constant k of the law, dimensionless. Default 0.1 (empirical studies find 0.1–1 for equities). */
  readonly coefficient?: number;
}

/**
 * The square-root impact law: an order of `q` shares moves the price against it by `k · σ · √(q / ADV)`, a
 * fraction of the price, so it costs `k · σ · √(q / ADV) · q · price` in money, where σ is the daily volatility
 * and ADV the average daily volume in shares (Almgren et al. 2005; Tóth et al. 2011). The cost grows as
 * `q^1.5`: splitting an order does not avoid it within a day, which is why rebalancing a large fund is expensive.
 *
 * @param options `{ coefficient = 0.1 }`.
 * @throws InputError BAD_COEFFICIENT for a negative or non-finite k. Its `cost` throws DataError NO_VOLUME when an
 *   order's ADV is unknown or zero (no volumes, or none over the window): pass volumes that cover the ticker, or use
 *   a model without volume; NO_VOLATILITY when its volatility is unknown.
 * @example
 * ```ts
 * // k = 0.1, σ = 2 %/day, 1,000 shares against an ADV of 100,000 at 50 USD:
 * // 0.1 × 0.02 × √0.01 = 0.0002 of the price, on 50,000 USD → 10 USD
 * squareRootImpact().cost({ ticker: "A", shares: 1000, price: 50, notional: 50_000, dailyVolatility: 0.02, averageDailyVolume: 100_000 });
 * // => 10
 * ```
 */
export function squareRootImpact(options: SquareRootImpactOptions = {}): MarketImpact {
  const k = options.coefficient ?? 0.1;
  if (typeof k !== "number" || !Number.isFinite(k) || k < 0) {
    throw new InputError("BAD_COEFFICIENT", `squareRootImpact: coefficient ${String(k)} must be a finite number ≥ 0, e.g. 0.1`, { coefficient: k });
  }
  return {
    name: `square-root impact (k = ${k})`,
    needsVolume: true,
    parameters: { model: "square-root", coefficient: k },
    cost(o: ImpactInput): number {
      if (o.shares === 0 || k === 0) return 0;
      if (!(o.averageDailyVolume > 0)) {
        throw new DataError(
          "NO_VOLUME",
          `squareRootImpact: ${o.ticker} has average daily volume ${o.averageDailyVolume}; pass volumes that cover it (runBacktest's volumes) or use an impact model without volume`,
          { ticker: o.ticker },
        );
      }
      if (!(o.dailyVolatility >= 0)) {
        throw new DataError("NO_VOLATILITY", `squareRootImpact: ${o.ticker} has daily volatility ${o.dailyVolatility}; it needs a trailing estimate (at least 2 daily returns)`, { ticker: o.ticker });
      }
      return k * o.dailyVolatility * Math.sqrt(o.shares / o.averageDailyVolume) * o.notional;
    },
  };
}
