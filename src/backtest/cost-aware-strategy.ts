/**
 * Backtest strategies that rebalance with their costs in view: the single-period cost-aware optimiser, its
 * tax-aware mode (the backtest's tax lots handed to the optimiser), the multi-period planner (trading its first
 * step), and the cost-blind maximum-utility strategy they are compared with.
 */
import { InputError, type LabelledVector } from "../core/index";
import type { Prior, PriorOptions } from "../moments/index";
import { costAwareRebalance, multiPeriodRebalance, portfolioOf, portfolios, rebalance, type CurrentHoldings, type RebalanceCosts, type TaxLot, type WeightBounds } from "../optimise/index";
import type { OptimizeContext } from "./optimizer-strategy";
import { portfolioStrategy } from "./portfolio-strategy";
import type { Strategy } from "./strategy";
import type { TransactionCosts } from "./transaction-costs";

/** Options of {@link costAwareStrategy}, {@link multiPeriodStrategy} and {@link costBlindStrategy}. */
export interface CostAwareStrategyOptions {
  /** The strategy's name (defaults: "cost-aware", "multi-period (H steps)", "cost-blind"). */
  readonly name?: string;
  /** Risk aversion γ of `μᵀw − γ/2·wᵀΣw` (annual). Default 1. */
  readonly riskAversion?: number;
  /** Costs the optimiser sees (per unit of weight traded). Default none; see {@link rebalanceCostsOf}. */
  readonly costs?: RebalanceCosts;
  /** Weight of the costs against the annual utility (cvxportfolio's `gamma_trade`). Default 1. */
  readonly tradeAversion?: number;
  /** No-trade band (single period only). Default none. */
  readonly noTradeBand?: number;
  /** Weight bounds. Default `[0, 1]`. */
  readonly bounds?: WeightBounds;
  /** Estimators of the prior. Default PyPortfolioOpt's. */
  readonly prior?: Omit<PriorOptions, "lookback">;
  /** Trailing trading days of the prior. Default 252. */
  readonly lookbackDays?: number;
  /** Fewest prices a ticker needs in the window. Default 60. */
  readonly minObservations?: number;
}

/**
 * The costs a backtest charges, as the optimiser sees them: the same commission (basis points) and spread;
 * commission per share and the impact model are left out (they depend on share counts and volume, not weights) —
 * pass `impact` yourself, e.g. from `quadraticImpact`.
 *
 * @example
 * ```ts
 * rebalanceCostsOf({ commissionBps: 2, spreadBps: 10 }); // => { commissionBps: 2, spreadBps: 10 }
 * ```
 */
export function rebalanceCostsOf(costs: TransactionCosts): RebalanceCosts {
  return { commissionBps: costs.commissionBps ?? 0, spreadBps: costs.spreadBps ?? 0 };
}

const settings = (o: CostAwareStrategyOptions) => ({
  riskAversion: o.riskAversion ?? 1,
  costs: o.costs ?? {},
  tradeAversion: o.tradeAversion ?? 1,
  bounds: o.bounds ?? [0, 1],
});

/**
 * A strategy that at each rebalance builds a prior from trailing prices and trades to
 * `optimise.costAwareRebalance` from the weights it holds: mean-variance utility net of the costs it sees, so it
 * trades only where the gain pays for the trade.
 *
 * @example
 * ```ts
 * const s = costAwareStrategy({ riskAversion: 4, costs: { commissionBps: 2, spreadBps: 20, impact: 0.5 } });
 * await runBacktest(prices, s, { rebalance: calendarRebalance("monthly"), costs: { commissionBps: 2, spreadBps: 20 } });
 * ```
 */
export function costAwareStrategy(options: CostAwareStrategyOptions = {}): Strategy {
  const s = settings(options);
  return portfolioStrategy({
    name: options.name ?? "cost-aware",
    ...estimation(options),
    optimise: (p, context) => costAwareRebalance(p, { current: { weights: context.current }, ...s, noTradeBand: options.noTradeBand }),
    parameters: { optimiser: "costAwareRebalance", ...s, noTradeBand: options.noTradeBand ?? 0 },
  });
}

/**
 * Options of {@link taxAwareStrategy}: the cost-aware strategy's and the tax rate its optimiser weighs.
 *
 * @example
 * ```ts
 * const options: TaxAwareStrategyOptions = { taxRate: 0.25, riskAversion: 4, lookbackDays: 126 };
 * ```
 */
export interface TaxAwareStrategyOptions extends CostAwareStrategyOptions {
  /**
   * Tax rate on realised gains the optimiser weighs, a fraction in [0, 1): the backtest's `tax.rate`, so that what
   * it weighs is what it pays.
   */
  readonly taxRate: number;
}

/**
 * The holdings the optimiser sees: shares from the lots of the tickers it optimises, their prices on the date (the
 * window's last row), and the rest of the portfolio's value as cash (what other tickers hold is sold by the engine).
 */
function holdingsOf(p: Prior, context: OptimizeContext, lots: readonly TaxLot[], value: number): CurrentHoldings {
  const labels = p.expectedReturns.labels;
  const window = p.prices!;
  const last = window.dates.length - 1;
  const column = new Map(window.tickers.map((t, j) => [t, j]));
  const prices: LabelledVector = { labels, values: Float64Array.from(labels, (t) => window.values[last * window.tickers.length + column.get(t)!]!) };
  const shares = new Float64Array(labels.length);
  const position = new Map(labels.map((t, i) => [t, i]));
  for (const lot of lots) shares[position.get(lot.ticker)!] += lot.shares;
  let invested = 0;
  labels.forEach((_, i) => {
    // a weight without lots (a lot book that missed it) still counts, as shares at today's price
    if (shares[i] === 0 && context.current.values[i]! > 0) shares[i] = (context.current.values[i]! * value) / prices.values[i]!;
    invested += shares[i]! * prices.values[i]!;
  });
  return { shares: { labels, values: shares }, prices, cash: Math.max(0, value - invested) };
}

/**
 * The cost-aware strategy in tax-aware mode: at each rebalance it hands the optimiser the backtest's tax lots of
 * the tickers it optimises (`view.taxLots`) and `tax: { rate: taxRate }`, and trades to `optimise.costAwareRebalance`
 * with them: each lot sold pays `taxRate × max(0, 1 − costBasis/price)` per unit in the objective, so it sells lots
 * with losses or small gains first and keeps large gains unless the trade is worth their tax. Run it with the same
 * rate charged, and `highestCostLots` as the backtest's lot accounting: the lots it sells are then the lots the
 * optimiser chose (it sells a ticker's highest-cost lots first).
 *
 * @param options the cost-aware strategy's (`riskAversion = 1`, `costs`, `tradeAversion = 1`, `noTradeBand`,
 *   `bounds = [0, 1]`, `prior`, `lookbackDays = 252`, `minObservations = 60`) and `taxRate`.
 * @throws InputError BAD_TAX_RATE for a rate outside [0, 1); at a rebalance, NO_TAX_LOTS when the backtest's lot
 *   accounting cannot list its lots.
 * @example
 * ```ts
 * const taxed = { tax: { rate: 0.25, lots: highestCostLots }, rebalance: calendarRebalance("monthly") };
 * const aware = await runBacktest(prices, taxAwareStrategy({ taxRate: 0.25, riskAversion: 4 }), taxed);
 * const blind = await runBacktest(prices, costAwareStrategy({ riskAversion: 4 }), taxed);
 * aware.totals.tax < blind.totals.tax; // => true on a market with gains
 * ```
 */
export function taxAwareStrategy(options: TaxAwareStrategyOptions): Strategy {
  const s = settings(options);
  const rate = rebalance.checkTaxRates({ rate: options.taxRate }, "taxAwareStrategy").rate;
  return portfolioStrategy({
    name: options.name ?? "tax-aware",
    ...estimation(options),
    optimise: (p, context) => {
      const lots = context.taxLots;
      if (lots === undefined || context.value === undefined) {
        throw new InputError("NO_TAX_LOTS", "taxAwareStrategy: the backtest shows no tax lots (its lot accounting cannot list them); use fifoLots, averageCostLots or highestCostLots", {});
      }
      const current = holdingsOf(p, context, lots, context.value);
      return costAwareRebalance(p, { current, taxLots: lots, tax: { rate, asOf: context.date }, ...s, noTradeBand: options.noTradeBand });
    },
    parameters: { optimiser: "costAwareRebalance", taxRate: rate, ...s, noTradeBand: options.noTradeBand ?? 0 },
  });
}

/**
 * A strategy that at each rebalance plans the move over `horizon` periods with `optimise.multiPeriodRebalance`
 * (the same costs at every step, steps of `periodsPerYear`) and trades the first step only (receding horizon, as
 * cvxportfolio's multi-period policy).
 *
 * @example
 * ```ts
 * multiPeriodStrategy({ horizon: 3, periodsPerYear: 12, costs: { spreadBps: 20, impact: 1 } }).name; // => "multi-period (3 steps)"
 * ```
 */
export function multiPeriodStrategy(options: CostAwareStrategyOptions & { readonly horizon: number; readonly periodsPerYear?: number }): Strategy {
  const s = settings(options);
  return portfolioStrategy({
    name: options.name ?? `multi-period (${options.horizon} steps)`,
    ...estimation(options),
    optimise: (p, context) => {
      const plan = multiPeriodRebalance(p, { current: { weights: context.current }, horizon: options.horizon, periodsPerYear: options.periodsPerYear, ...s });
      return portfolioOf("first step", plan.path[1]!, p);
    },
    parameters: { optimiser: "multiPeriodRebalance", horizon: options.horizon, periodsPerYear: options.periodsPerYear ?? 12, ...s },
  });
}

/**
 * Today's cost-blind rebalancing, for comparison: `portfolios.maxUtility` with the same risk aversion and bounds at
 * every rebalance, whatever the trades cost.
 *
 * @example
 * ```ts
 * costBlindStrategy({ riskAversion: 4 }).name; // => "cost-blind"
 * ```
 */
export function costBlindStrategy(options: CostAwareStrategyOptions = {}): Strategy {
  const s = settings(options);
  return portfolioStrategy({
    name: options.name ?? "cost-blind",
    ...estimation(options),
    optimise: (p) => portfolios.maxUtility(p, { riskAversion: s.riskAversion, bounds: s.bounds }),
    parameters: { optimiser: "maxUtility", riskAversion: s.riskAversion, bounds: s.bounds },
  });
}

/** The prior and window every cost-aware strategy passes on to `portfolioStrategy`. */
function estimation(options: CostAwareStrategyOptions): Pick<CostAwareStrategyOptions, "prior" | "lookbackDays" | "minObservations"> {
  return { prior: options.prior, lookbackDays: options.lookbackDays, minObservations: options.minObservations };
}
