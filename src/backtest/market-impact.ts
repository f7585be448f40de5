/**
 * Market impact: the price concession a large order pays, as a model object.
 */

/**
 * One order as an impact model sees it. Volatility and volume are trailing estimates made from rows up to
 * the trade date (see `runBacktest`'s `volatilityWindow` and `volumeWindow`).
 *
 * @example
 * ```ts
 * const order: ImpactInput = { ticker: "A", shares: 1_000, price: 50, notional: 50_000, dailyVolatility: 0.02, averageDailyVolume: 100_000 };
 * ```
 */
export interface ImpactInput {
  readonly ticker: string;
  /** Shares traded, > 0 (either side). */
  readonly shares: number;
  /** Execution price (the close). */
  readonly price: number;
  /** `shares × price`. */
  readonly notional: number;
  /** Standard deviation of daily returns over the trailing window (a fraction per day); `NaN` when unknown. */
  readonly dailyVolatility: number;
  /** Mean daily volume in shares over the trailing window; `NaN` when no volumes were given. */
  readonly averageDailyVolume: number;
}

/**
 * A market-impact model: the cost in money of one order beyond commission and half-spread.
 *
 * @example
 * ```ts
 * const flat: MarketImpact = { name: "5 bps slippage", needsVolume: false, parameters: { bps: 5 }, cost: (o) => o.notional * 5e-4 };
 * ```
 */
export interface MarketImpact {
  readonly name: string;
  /** `true` when the model reads `averageDailyVolume` (the backtest then needs `volumes`). */
  readonly needsVolume: boolean;
  /** Settings, stored with the run. */
  readonly parameters: Readonly<Record<string, number | string>>;
  /**
   * The impact cost of an order, money, ≥ 0. Must be zero for zero shares and grow at least linearly with size
   * (so that scaling an order down scales its cost down at least as much — the engine relies on it).
   */
  cost(order: ImpactInput): number;
}
