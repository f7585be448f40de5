/**
 * What a trade costs: commission, half the bid-ask spread, and market impact.
 */
import { InputError } from "../core/index";
import type { ImpactInput, MarketImpact } from "./market-impact";

/**
 * The cost settings of a backtest. Every order pays, in money:
 *
 * - commission: `commissionBps / 10⁴ × notional + commissionPerShare × shares`;
 * - spread: half the quoted bid-ask spread, `spreadBps / 2 / 10⁴ × notional` (trades are booked at the close, a
 *   mid price; a buyer pays the ask, half a spread above it, and a seller gets the bid);
 * - impact: the `impact` model's cost (none by default), e.g. {@link squareRootImpact}.
 *
 * Costs are charged to cash, not folded into the price: the trade log's price is the close, and its cost
 * columns carry every friction. All default to 0.
 *
 * @example
 * ```ts
 * const costs: TransactionCosts = { commissionBps: 1, commissionPerShare: 0.005, spreadBps: 5, impact: squareRootImpact() };
 * ```
 */
export interface TransactionCosts {
  /** Commission, basis points of the notional. Default 0. */
  readonly commissionBps?: number;
  /** Commission per share, in the currency of the prices. Default 0. */
  readonly commissionPerShare?: number;
  /** Full quoted bid-ask spread, basis points of the price; each trade pays half. Default 0. */
  readonly spreadBps?: number;
  /** Market-impact model. Default none. */
  readonly impact?: MarketImpact;
}

/**
 * The cost of one order, by part, in money.
 *
 * @example
 * ```ts
 * const c: OrderCost = { commission: 5.5, spread: 5, impact: 0, total: 10.5 };
 * ```
 */
export interface OrderCost {
  readonly commission: number;
  readonly spread: number;
  readonly impact: number;
  readonly total: number;
}

/**
 * Checks cost settings: every number finite and ≥ 0.
 *
 * @returns the settings with defaults filled in.
 * @throws InputError BAD_COST naming the setting.
 * @example
 * ```ts
 * checkTransactionCosts({ commissionBps: 2 }); // => { commissionBps: 2, commissionPerShare: 0, spreadBps: 0, impact: undefined }
 * ```
 */
export function checkTransactionCosts(costs: TransactionCosts = {}): Required<Omit<TransactionCosts, "impact">> & { readonly impact: MarketImpact | undefined } {
  const out = {
    commissionBps: costs.commissionBps ?? 0,
    commissionPerShare: costs.commissionPerShare ?? 0,
    spreadBps: costs.spreadBps ?? 0,
    impact: costs.impact,
  };
  for (const key of ["commissionBps", "commissionPerShare", "spreadBps"] as const) {
    const v = out[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new InputError("BAD_COST", `transaction costs: ${key} ${String(v)} must be a finite number ≥ 0 (basis points or money per share)`, { [key]: v });
    }
  }
  if (out.impact !== undefined && (typeof out.impact !== "object" || typeof out.impact.cost !== "function")) {
    throw new InputError("BAD_COST", "transaction costs: impact must be a MarketImpact model such as squareRootImpact()", {});
  }
  return out;
}

/**
 * The cost of one order under the given settings (see {@link TransactionCosts}), in money, by part.
 *
 * @param costs cost settings (not changed).
 * @param order the order: shares (> 0, either side), price, notional, trailing volatility and volume.
 * @throws InputError BAD_COST for bad settings; whatever the impact model throws (e.g. DataError NO_VOLUME).
 * @example
 * ```ts
 * // 50 shares at 100: 10 bp commission (5) + 1 cent a share (0.50) + half of a 20 bp spread (5)
 * orderCost({ commissionBps: 10, commissionPerShare: 0.01, spreadBps: 20 },
 *   { ticker: "A", shares: 50, price: 100, notional: 5000, dailyVolatility: NaN, averageDailyVolume: NaN });
 * // => { commission: 5.5, spread: 5, impact: 0, total: 10.5 }
 * ```
 */
export function orderCost(costs: TransactionCosts, order: ImpactInput): OrderCost {
  const c = checkTransactionCosts(costs);
  return costOf(c.commissionBps, c.commissionPerShare, c.spreadBps, c.impact, order);
}

/**
 * {@link orderCost} without the settings checks, for the engine's inner loop (settings already checked).
 *
 * @throws InputError BAD_COST when the impact model returns a negative or non-finite cost.
 * @example
 * ```ts
 * costOf(10, 0.01, 20, undefined, { ticker: "A", shares: 50, price: 100, notional: 5000, dailyVolatility: NaN, averageDailyVolume: NaN }).total;
 * // => 10.5
 * ```
 */
export function costOf(commissionBps: number, commissionPerShare: number, spreadBps: number, impact: MarketImpact | undefined, order: ImpactInput): OrderCost {
  const commission = (commissionBps * order.notional) / 10_000 + commissionPerShare * order.shares;
  const spread = (spreadBps * order.notional) / 20_000;
  const impactCost = impact === undefined ? 0 : impact.cost(order);
  if (!Number.isFinite(impactCost) || impactCost < 0) {
    throw new InputError("BAD_COST", `transaction costs: impact model ${impact!.name} returned ${impactCost} for ${order.ticker}; it must return a finite cost ≥ 0`, { ticker: order.ticker });
  }
  return { commission, spread, impact: impactCost, total: commission + spread + impactCost };
}
