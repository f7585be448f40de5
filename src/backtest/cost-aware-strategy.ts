/**
 * Backtest strategies that rebalance with their costs in view: the single-period cost-aware optimiser, the
 * multi-period planner (trading its first step), and the cost-blind maximum-utility strategy they are compared with.
 */
import type { PriorOptions } from "../moments/index";
import { costAwareRebalance, multiPeriodRebalance, portfolioOf, portfolios, type RebalanceCosts, type WeightBounds } from "../optimise/index";
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
