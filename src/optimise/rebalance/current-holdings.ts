/**
 * What is held before a rebalance: weights, or shares at prices with cash, resolved to weights in a prior's order.
 */
import { InputError, vector, type LabelledVector } from "../../core/index";

/** Labelled numbers: a `Vector`/`LabelledVector` or a record ticker → number. */
export type LabelledNumbers = LabelledVector | Readonly<Record<string, number>>;

/**
 * The current portfolio, either as weights (fractions of its value, cash is `1 − Σw`) or as shares held at
 * prices plus cash (money), from which the weights follow.
 *
 * @example
 * ```ts
 * const byWeight: CurrentHoldings = { weights: { A: 0.6, B: 0.4 } };
 * const byShares: CurrentHoldings = { shares: { A: 100 }, prices: { A: 50, B: 20 }, cash: 5_000 }; // A is 50 %
 * ```
 */
export type CurrentHoldings =
  | { readonly weights: LabelledNumbers }
  | { readonly shares: LabelledNumbers; readonly prices: LabelledNumbers; readonly cash?: number };

/** Current holdings aligned with a prior's tickers. */
export interface ResolvedHoldings {
  /** Current weights `w⁰`, in the given label order (0 where nothing is held). */
  readonly weights: Float64Array;
  /** Portfolio value (shares × price + cash), money; `undefined` when the holdings were given as weights. */
  readonly value: number | undefined;
  /** Price per label (`NaN` where none was given); `undefined` for weights. */
  readonly prices: Float64Array | undefined;
  /** Shares per label; `undefined` for weights. */
  readonly shares: Float64Array | undefined;
}

function finiteRecord(source: LabelledNumbers, what: string, caller: string): Map<string, number> {
  const v = vector(source);
  const out = new Map<string, number>();
  v.labels.forEach((label, i) => {
    const x = v.values[i]!;
    if (!Number.isFinite(x)) {
      throw new InputError("NON_FINITE_VALUE", `${caller}: ${what} of ${label} is ${x}; pass finite numbers`, { label, value: x });
    }
    out.set(label, x);
  });
  return out;
}

/**
 * Current weights in the order of `labels` (a prior's tickers) from {@link CurrentHoldings}.
 *
 * @param holdings weights, or shares + prices + cash (money; cash default 0).
 * @param labels the prior's tickers.
 * @param caller the public function name used in messages.
 * @throws InputError UNKNOWN_TICKER for a non-zero holding of a ticker not among `labels` (build the prior from
 *   prices that include it, or sell it first); MISSING_PRICE for shares held without a positive price;
 *   BAD_HOLDINGS for a portfolio value ≤ 0 or negative cash or shares; NON_FINITE_VALUE for NaN or ±∞.
 * @example
 * ```ts
 * resolveHoldings({ shares: { A: 100 }, prices: { A: 50, B: 20 }, cash: 5_000 }, ["A", "B"], "rebalance").weights;
 * // => Float64Array [0.5, 0]
 * ```
 */
export function resolveHoldings(holdings: CurrentHoldings, labels: readonly string[], caller: string): ResolvedHoldings {
  const index = new Map(labels.map((l, i) => [l, i]));
  const checkKnown = (held: Map<string, number>) => {
    const unknown = [...held].filter(([l, x]) => x !== 0 && !index.has(l)).map(([l]) => l);
    if (unknown.length > 0) {
      throw new InputError(
        "UNKNOWN_TICKER",
        `${caller}: holdings of ${unknown.join(", ")} but the prior has no ${unknown.length === 1 ? "such ticker" : "such tickers"}; build the prior from prices that include ${unknown.length === 1 ? "it" : "them"}, or sell ${unknown.length === 1 ? "it" : "them"} outside the optimiser`,
        { tickers: unknown },
      );
    }
  };
  if (typeof holdings !== "object" || holdings === null) {
    throw new InputError("BAD_HOLDINGS", `${caller}: current holdings must be { weights } or { shares, prices, cash }`, {});
  }
  if ("weights" in holdings) {
    const held = finiteRecord(holdings.weights, "current weight", caller);
    checkKnown(held);
    return { weights: Float64Array.from(labels, (l) => held.get(l) ?? 0), value: undefined, prices: undefined, shares: undefined };
  }
  if (!("shares" in holdings) || !("prices" in holdings)) {
    throw new InputError("BAD_HOLDINGS", `${caller}: current holdings must be { weights } or { shares, prices, cash }`, {});
  }
  const shares = finiteRecord(holdings.shares, "shares", caller);
  const prices = finiteRecord(holdings.prices, "price", caller);
  checkKnown(shares);
  const cash = holdings.cash ?? 0;
  if (!Number.isFinite(cash) || cash < 0) {
    throw new InputError("BAD_HOLDINGS", `${caller}: cash ${cash} must be a finite amount ≥ 0`, { cash });
  }
  let value = cash;
  for (const [label, s] of shares) {
    if (s === 0) continue;
    if (s < 0) throw new InputError("BAD_HOLDINGS", `${caller}: ${s} shares of ${label}; pass shares held, ≥ 0`, { label, shares: s });
    const p = prices.get(label);
    if (p === undefined || !(p > 0)) {
      throw new InputError("MISSING_PRICE", `${caller}: ${s} shares of ${label} are held but its price is ${String(p)}; pass a positive price for every holding`, { label });
    }
    value += s * p;
  }
  if (!(value > 0)) throw new InputError("BAD_HOLDINGS", `${caller}: the holdings are worth ${value}; pass shares or cash worth more than 0`, { value });
  const sharesOut = Float64Array.from(labels, (l) => shares.get(l) ?? 0);
  const pricesOut = Float64Array.from(labels, (l) => prices.get(l) ?? Number.NaN);
  const weights = Float64Array.from(labels, (_, i) => (sharesOut[i] === 0 ? 0 : (sharesOut[i]! * pricesOut[i]!) / value));
  return { weights, value, prices: pricesOut, shares: sharesOut };
}
