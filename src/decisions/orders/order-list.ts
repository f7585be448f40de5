/**
 * From target weights and holdings to a list of orders in whole shares (lot sizes, a minimum trade size), each with
 * its cost estimate: what a broker could take. Paper only: nothing is sent anywhere.
 */
import { InputError, tableOfRows, vector, type LabelledVector, type Table } from "../../core/index";

type LabelledNumbers = LabelledVector | Readonly<Record<string, number>>;

/** One order: whole shares (a multiple of the lot size) at the price given, and its estimated cost in money. */
export interface Order {
  readonly ticker: string;
  readonly side: "buy" | "sell";
  /** Shares, > 0 (a multiple of the lot size). */
  readonly shares: number;
  /** Price per share the order was sized at (money). */
  readonly price: number;
  /** `shares × price` (money). */
  readonly notional: number;
  readonly commission: number;
  /** Half the bid-ask spread on the notional. */
  readonly spread: number;
  /** Quadratic impact `impact · (notional / value)² · value`. */
  readonly impact: number;
  /** commission + spread + impact. */
  readonly cost: number;
  /** The weight asked for, and the weight after the order (fractions of the value). */
  readonly targetWeight: number;
  readonly weightAfter: number;
}

/** Cost settings of {@link orderList}: as the backtest's `TransactionCosts`, with impact as in `RebalanceCosts`. */
export interface OrderCosts {
  /** Commission, basis points of the notional. Default 0. */
  readonly commissionBps?: number;
  /** Commission per share (money). Default 0. */
  readonly commissionPerShare?: number;
  /** Full bid-ask spread, basis points; each order pays half. Default 0. */
  readonly spreadBps?: number;
  /** Quadratic impact coefficient (per unit of weight squared), one or per ticker. Default 0. */
  readonly impact?: number | LabelledNumbers;
}

/** Options of {@link orderList}. */
export interface OrderListOptions {
  /** Shares held now, by ticker. Default none. */
  readonly holdings?: LabelledNumbers;
  /** Price per share of every ticker traded or held (money). */
  readonly prices: LabelledNumbers;
  /** Cash held now (money). Default 0. */
  readonly cash?: number;
  /** Shares per lot: one for all or per ticker. Default 1. */
  readonly lotSize?: number | LabelledNumbers;
  /** Orders worth less than this (money) are not placed. Default 0. */
  readonly minTradeValue?: number;
  readonly costs?: OrderCosts;
}

/** The orders of a rebalance and what is left. */
export interface OrderList {
  /** Sales first, then purchases, each largest first. */
  readonly orders: readonly Order[];
  /** Value of holdings and cash before the orders (money). */
  readonly value: number;
  /** Cash after every order and its cost (money, ≥ 0). */
  readonly cashAfter: number;
  /** Total estimated cost (money). */
  readonly totalCost: number;
  /** The orders as a table (one row per order, labelled by ticker). */
  readonly table: Table;
  /** The orders as CSV text (header `ticker,side,shares,price,notional,commission,spread,impact,cost`). */
  toCsv(): string;
  /** The orders as JSON text: `{ value, cashAfter, totalCost, orders: [...] }`. */
  toJson(): string;
}

function record(source: LabelledNumbers | undefined, what: string): Map<string, number> {
  const out = new Map<string, number>();
  if (source === undefined) return out;
  const v = vector(source);
  v.labels.forEach((l, i) => {
    const x = v.values[i]!;
    if (!Number.isFinite(x)) throw new InputError("NON_FINITE_VALUE", `orderList: ${what} of ${l} is ${x}; pass finite numbers`, { label: l });
    out.set(l, x);
  });
  return out;
}

function nonNegative(x: number | undefined, name: string): number {
  const v = x ?? 0;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new InputError("BAD_COST", `orderList: ${name} ${String(v)} must be a finite number ≥ 0`, { [name]: v });
  return v;
}

/**
 * Orders in whole lots that move the holdings to the target weights: for each ticker the share difference
 * `target × value / price − held`, rounded to the nearest lot; orders worth less than `minTradeValue` dropped; then
 * purchases cut back a lot at a time (the most over-weight first) until cash after sales pays for them and every
 * order's cost. Each order's cost: `commissionBps/10⁴ × notional + commissionPerShare × shares + spreadBps/2/10⁴ ×
 * notional + impact × (notional/value)² × value` — the backtest's commission and spread, the optimiser's impact.
 *
 * @param target target weights (fractions of the value; tickers left out are sold).
 * @param options `{ prices, holdings, cash = 0, lotSize = 1, minTradeValue = 0, costs }`.
 * @returns an {@link OrderList}: the orders, a table, CSV and JSON.
 * @throws InputError MISSING_PRICE for a ticker traded or held without a positive price; BAD_LOT_SIZE for a lot
 *   size that is not a whole number ≥ 1; BAD_COST for a negative cost or minimum; BAD_HOLDINGS for negative shares
 *   or cash, or weights summing above 1.
 * @example
 * ```ts
 * const list = orderList({ A: 0.5, B: 0.5 }, { prices: { A: 100, B: 30 }, cash: 10_000, lotSize: 1 });
 * list.orders.map((o) => `${o.side} ${o.shares} ${o.ticker}`); // => ["buy 50 A", "buy 166 B"]
 * ```
 */
export function orderList(target: LabelledNumbers, options: OrderListOptions): OrderList {
  const weights = record(target, "target weight");
  const held = record(options.holdings, "shares held");
  const prices = record(options.prices, "price");
  const lots = typeof options.lotSize === "object" ? record(options.lotSize, "lot size") : new Map<string, number>();
  const defaultLot = typeof options.lotSize === "number" ? options.lotSize : 1;
  const impacts = typeof options.costs?.impact === "object" ? record(options.costs.impact, "impact") : new Map<string, number>();
  const costs = options.costs ?? {};
  const commissionBps = nonNegative(costs.commissionBps, "commissionBps");
  const perShare = nonNegative(costs.commissionPerShare, "commissionPerShare");
  const spreadBps = nonNegative(costs.spreadBps, "spreadBps");
  const defaultImpact = nonNegative(typeof costs.impact === "number" ? costs.impact : 0, "impact");
  for (const [l, x] of impacts) nonNegative(x, `impact of ${l}`);
  const minTrade = nonNegative(options.minTradeValue, "minTradeValue");
  const cash = options.cash ?? 0;
  if (!Number.isFinite(cash) || cash < 0) throw new InputError("BAD_HOLDINGS", `orderList: cash ${cash} must be a finite amount ≥ 0`, { cash });
  let weightSum = 0;
  for (const [l, w] of weights) {
    if (w < 0) throw new InputError("BAD_HOLDINGS", `orderList: target weight of ${l} is ${w}; orders are long only, pass weights ≥ 0`, { label: l });
    weightSum += w;
  }
  if (weightSum > 1 + 1e-9) throw new InputError("BAD_HOLDINGS", `orderList: target weights sum to ${weightSum}; they must sum to at most 1 (the rest stays in cash)`, {});
  const tickers = [...new Set([...held.keys(), ...weights.keys()])].filter((t) => (held.get(t) ?? 0) !== 0 || (weights.get(t) ?? 0) !== 0);
  const priceOf = (t: string) => {
    const p = prices.get(t);
    if (p === undefined || !(p > 0)) throw new InputError("MISSING_PRICE", `orderList: ${t} is held or wanted but its price is ${String(p)}; pass a positive price`, { ticker: t });
    return p;
  };
  const lotOf = (t: string) => {
    const lot = lots.get(t) ?? defaultLot;
    if (!Number.isSafeInteger(lot) || lot < 1) throw new InputError("BAD_LOT_SIZE", `orderList: lot size of ${t} is ${lot}; pass a whole number of shares ≥ 1`, { ticker: t });
    return lot;
  };
  let value = cash;
  for (const t of tickers) {
    const s = held.get(t) ?? 0;
    if (s < 0) throw new InputError("BAD_HOLDINGS", `orderList: ${s} shares of ${t}; pass shares held, ≥ 0`, { ticker: t });
    if (s > 0) value += s * priceOf(t);
  }
  if (!(value > 0)) throw new InputError("BAD_HOLDINGS", "orderList: holdings and cash are worth 0; nothing to allocate", {});
  const costOf = (t: string, shares: number) => {
    const price = priceOf(t);
    const notional = shares * price;
    const commission = (commissionBps * notional) / 1e4 + perShare * shares;
    const spread = (spreadBps * notional) / 2e4;
    const dw = notional / value;
    const impact = (impacts.get(t) ?? defaultImpact) * dw * dw * value;
    return { notional, commission, spread, impact, cost: commission + spread + impact };
  };
  // signed share changes in whole lots
  const delta = new Map<string, number>();
  for (const t of tickers) {
    const price = priceOf(t);
    const lot = lotOf(t);
    const want = ((weights.get(t) ?? 0) * value) / price - (held.get(t) ?? 0);
    let d = Math.round(want / lot) * lot;
    if (d < 0) d = Math.max(d, -(held.get(t) ?? 0)); // never sell more than held
    if (Math.abs(d) * price < minTrade) d = 0;
    if (d !== 0) delta.set(t, d);
  }
  const cashAfter = () => {
    let c = cash;
    for (const [t, d] of delta) c += -d * priceOf(t) - costOf(t, Math.abs(d)).cost;
    return c;
  };
  // cut purchases a lot at a time, the most over-weight first, until they are paid for
  for (let guard = 0; cashAfter() < -1e-9 && guard < 1_000_000; guard++) {
    let worst: string | undefined;
    let excess = -Infinity;
    for (const [t, d] of delta) {
      if (d <= 0) continue;
      const over = ((held.get(t) ?? 0) + d) * priceOf(t) / value - (weights.get(t) ?? 0);
      if (over > excess) {
        excess = over;
        worst = t;
      }
    }
    if (worst === undefined) break;
    const d = delta.get(worst)! - lotOf(worst);
    if (d <= 0 || d * priceOf(worst) < minTrade) delta.delete(worst);
    else delta.set(worst, d);
  }
  const orders: Order[] = [...delta].map(([t, d]) => {
    const shares = Math.abs(d);
    const c = costOf(t, shares);
    return {
      ticker: t,
      side: d > 0 ? "buy" : "sell",
      shares,
      price: priceOf(t),
      ...c,
      targetWeight: weights.get(t) ?? 0,
      weightAfter: (((held.get(t) ?? 0) + d) * priceOf(t)) / value,
    };
  });
  orders.sort((a, b) => (a.side === b.side ? b.notional - a.notional : a.side === "sell" ? -1 : 1));
  const totalCost = orders.reduce((s, o) => s + o.cost, 0);
  const left = Math.max(0, cashAfter());
  const columns = ["ticker", "side", "shares", "price", "notional", "commission", "spread", "impact", "cost"] as const;
  const tableRows = orders.map((o) => ({
    ticker: o.ticker,
    side: o.side,
    shares: o.shares,
    price: o.price,
    notional: o.notional,
    cost: o.cost,
    "target weight": o.targetWeight,
    "weight after": o.weightAfter,
  }));
  const caption = `${orders.length} orders, estimated cost ${totalCost.toFixed(2)}, cash after ${left.toFixed(2)} of ${value.toFixed(2)}`;
  const view =
    tableRows.length === 0
      ? tableOfRows([{ ticker: "(none)", side: "", shares: 0, price: 0, notional: 0, cost: 0, "target weight": 0, "weight after": 0 }], { caption: "no orders" })
      : tableOfRows(tableRows, {
          units: { shares: "count", price: "money", notional: "money", cost: "money", "target weight": "fraction", "weight after": "fraction" },
          caption,
        });
  return {
    orders,
    value,
    cashAfter: left,
    totalCost,
    table: view,
    toCsv: () => [columns.join(","), ...orders.map((o) => columns.map((k) => (typeof o[k] === "number" ? String(Number((o[k] as number).toFixed(6))) : csvText(String(o[k])))).join(","))].join("\n") + "\n",
    toJson: () => `${JSON.stringify({ value, cashAfter: left, totalCost, orders }, null, 2)}\n`,
  };
}

function csvText(s: string): string {
  // quote text with separators; a leading =, +, - or @ would be read as a formula by a spreadsheet
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
