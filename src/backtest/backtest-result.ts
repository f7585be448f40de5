/**
 * What a backtest returns: the equity curve, every trade, every rebalance, and the versions of its inputs.
 */
import type { LabelledVector } from "../core/index";

/**
 * One executed order. Money in the currency of the prices; `price` is the day's close; `cost` = commission +
 * spread + impact, paid from cash on top of the notional (a buy) or out of the proceeds (a sale).
 *
 * @example
 * ```ts
 * const t: Trade = { date: "2024-01-31", ticker: "A", side: "buy", shares: 50, price: 100, notional: 5000,
 *   commission: 5.5, spread: 5, impact: 0, cost: 10.5, tax: 0, realisedGain: null };
 * ```
 */
export interface Trade {
  readonly date: string;
  readonly ticker: string;
  readonly side: "buy" | "sell";
  /** Shares traded, > 0 (whole numbers unless the backtest trades fractional shares). */
  readonly shares: number;
  readonly price: number;
  /** `shares × price`. */
  readonly notional: number;
  readonly commission: number;
  readonly spread: number;
  readonly impact: number;
  /** commission + spread + impact. */
  readonly cost: number;
  /** Tax on the gain this sale realised (0 for buys and without tax). */
  readonly tax: number;
  /** Gain realised by a sale under the lot accounting, net of costs; `null` for buys and when tax is not modelled. */
  readonly realisedGain: number | null;
}

/**
 * One rebalance: what the strategy asked for and what trading it cost.
 *
 * @example
 * ```ts
 * const r: RebalanceRecord = { date: "2024-02-01", valueBefore: 10362.9, target, orders: 2, traded: 522, turnover: 0.0252,
 *   commission: 0.592, spread: 0.522, impact: 0, cost: 1.114, tax: 0, buyScale: 1 };
 * ```
 */
export interface RebalanceRecord {
  readonly date: string;
  /** Portfolio value at the close, before trading. */
  readonly valueBefore: number;
  /** The strategy's target weights (every ticker, column order). */
  readonly target: LabelledVector;
  readonly orders: number;
  /** Σ |notional| of the orders, money. */
  readonly traded: number;
  /** One-way turnover, `traded / (2 · valueBefore)` = ½ Σ|Δwᵢ|: 0.1 means a tenth of the portfolio changed hands. */
  readonly turnover: number;
  readonly commission: number;
  readonly spread: number;
  readonly impact: number;
  /** commission + spread + impact. */
  readonly cost: number;
  readonly tax: number;
  /** Fraction of the wanted buys executed: below 1 when cash (after sales, costs and tax) could not pay for all of them. */
  readonly buyScale: number;
}

/** The settings a backtest ran with, as stored in its audit record. */
export interface BacktestSettings {
  readonly capital: number;
  readonly start: string;
  readonly end: string;
  readonly rebalance: string;
  readonly fractionalShares: boolean;
  readonly allowLeverage: boolean;
  /** Annual rate earned on cash (paid on borrowed cash), a fraction. */
  readonly cashRate: number;
  readonly costs: { readonly commissionBps: number; readonly commissionPerShare: number; readonly spreadBps: number; readonly impact: Readonly<Record<string, number | string>> | null };
  readonly tax: { readonly rate: number; readonly lots: string } | null;
}

/**
 * The result of {@link runBacktest}.
 *
 * @example
 * ```ts
 * result.equity[result.equity.length - 1]; // => final value, e.g. 11054.286
 * result.trades.length;                    // => every order
 * ```
 */
export interface BacktestResult {
  readonly strategy: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly settings: BacktestSettings;
  /** The trading days of the backtest, `start` … `end`. */
  readonly dates: readonly string[];
  /** Portfolio value (cash + shares × last close) at each close, after that day's trades and costs. */
  readonly equity: Float64Array;
  /** Cash at each close, after trades. */
  readonly cash: Float64Array;
  /** Daily simple returns of `equity`; the first is against the starting capital, so it holds the initial costs. */
  readonly returns: Float64Array;
  readonly trades: readonly Trade[];
  readonly rebalances: readonly RebalanceRecord[];
  /** Shares held after the last day, every ticker (0 for those not held). */
  readonly finalHoldings: LabelledVector;
  /** The last close of every ticker (the last known one for a ticker without a price on the last day). */
  readonly finalPrices: LabelledVector;
  readonly totals: {
    readonly commission: number;
    readonly spread: number;
    readonly impact: number;
    /** commission + spread + impact. */
    readonly cost: number;
    readonly tax: number;
    /** Interest earned on cash (negative when borrowing). */
    readonly cashInterest: number;
    /** Σ |notional| of every order. */
    readonly traded: number;
  };
  /** Remarks: fallbacks a strategy took, positions that could not be traded, … each dated. */
  readonly notes: readonly string[];
  /** What the result can be traced to (stored in `backtest_runs`). */
  readonly versions: {
    /** Hash of the price table rows the run could see (its first row up to `end`). */
    readonly data: string;
    /** Hash of the strategy's parameters and name. */
    readonly strategy: string;
    readonly signal: string | null;
    readonly model: string | null;
  };
  /** Wall-clock time of the run, milliseconds. */
  readonly elapsedMs: number;
}
