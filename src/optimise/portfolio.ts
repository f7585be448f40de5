/**
 * What every `(prior, options)` optimiser returns: a portfolio that knows its weights, its name, its performance
 * under the prior, its risk contributions, its holdings and its weights by group, and displays itself.
 */
import {
  DISPLAY_TABLE,
  InputError,
  INSPECT,
  inspectDisplayable,
  table,
  vector,
  type Displayable,
  type DisplayTable,
  type GroupOf,
  type LabelledVector,
  type Table,
  type Vector,
  type Weights,
} from "../core/index";
import { historicalCvar, portfolioPerformance, portfolioReturns, riskContributions, type PortfolioPerformance } from "../measures/index";
import type { Prior } from "../moments/index";

/** Weights below this (in absolute value) are not holdings: a hundredth of a percent. */
export const HOLDING_TOLERANCE = 1e-4;

/** What an optimiser reports beside the weights, by name. */
export type PortfolioDetails = object;

/** Options of {@link portfolioOf}. */
export interface PortfolioOptions<D extends PortfolioDetails = PortfolioDetails> {
  /** Annual risk-free rate of the Sharpe ratio (fraction per year). Default 0.02, PyPortfolioOpt's default. */
  readonly riskFreeRate?: number;
  /** What the optimiser reports beside the weights (the HRP dendrogram order, the CVaR at the optimum…). */
  readonly details?: D;
}

/**
 * A portfolio: named weights under a prior. Its figures are computed from the prior on demand (annual
 * fractions); it displays itself as its holdings, largest first, with each one's share of risk.
 *
 * @example
 * ```ts
 * const p = portfolios.maxSharpe(prior(prices), { bounds: [0, 0.25] });
 * p.sharpe;                         // => 1.12 (for example)
 * p.holdings().top(5);              // the five largest weights, displayed in percent
 * p.byGroup(universe.sectorOf);     // weights by sector
 * p;                                // (last value of a cell) a table of holdings and risk shares
 * ```
 */
export class Portfolio<D extends PortfolioDetails = PortfolioDetails> implements Displayable {
  readonly name: string;
  /** Weights by ticker, fractions of capital (unit `"fraction"`), in the prior's ticker order. */
  readonly weights: Vector & Weights;
  readonly prior: Prior;
  readonly riskFreeRate: number;
  /** What the optimiser reported beside the weights (typed per optimiser, e.g. HRP's `order`). */
  readonly details: D;
  #performance: PortfolioPerformance | undefined;

  /** Use {@link portfolioOf} or an optimiser of `portfolios`. */
  constructor(name: string, weights: LabelledVector, prior: Prior, options: PortfolioOptions<D> = {}) {
    this.name = name;
    this.weights = vector(weights, { unit: "fraction", name: "weight" });
    this.prior = prior;
    this.riskFreeRate = options.riskFreeRate ?? 0.02;
    this.details = options.details ?? ({} as D);
  }

  /** Expected return, volatility and Sharpe ratio under the prior (PyPortfolioOpt's `portfolio_performance`). */
  performance(): PortfolioPerformance {
    this.#performance ??= portfolioPerformance(this.weights, this.prior.expectedReturns, this.prior.covariance, { riskFreeRate: this.riskFreeRate });
    return this.#performance;
  }

  /** Expected annual return, a fraction. */
  get expectedReturn(): number {
    return this.performance().expectedReturn;
  }

  /** Annual volatility, a fraction. */
  get volatility(): number {
    return this.performance().volatility;
  }

  /** Sharpe ratio at the portfolio's risk-free rate. */
  get sharpe(): number {
    return this.performance().sharpe;
  }

  /** Each asset's share of portfolio variance (sums to 1; unit `"fraction"`). */
  riskContributions(): Vector {
    return vector(riskContributions(this.weights, this.prior.covariance), { unit: "fraction", name: "risk share" });
  }

  /** The weights above `tolerance` in absolute value (default {@link HOLDING_TOLERANCE}). */
  holdings(tolerance = HOLDING_TOLERANCE): Vector {
    return this.weights.nonZero(tolerance);
  }

  /** Weights summed by group (sector, asset class), largest first. */
  byGroup(groupOf: GroupOf): Vector {
    return this.weights.groupBy(groupOf).sort();
  }

  /** Periodic returns of the portfolio over the prior's window (rebalanced to these weights), labelled by date. */
  returns(): Vector {
    const series = portfolioReturns(this.prior.returns, this.weights, { dropIncompleteDates: true });
    return vector({ labels: series.dates, values: series.values }, { unit: "fraction", name: this.name, labelName: "date" });
  }

  /**
   * Historical CVaR of one period's return at confidence `beta` (default 0.95), a loss as a positive fraction, over
   * {@link returns} (the dates on which every holding has a return; the CVaR optimisers use the dates on which every
   * ticker has one, so on a window with late listings the two may differ).
   */
  cvar(beta = 0.95): number {
    const r = this.returns();
    return historicalCvar(r.values, [1], beta);
  }

  /** The holdings, largest first, with their share of risk. */
  toTable(): Table {
    const held = this.holdings().sort();
    return table({ weight: held, "risk share": this.riskContributions() }, { labels: held.labels });
  }

  /** One row of a comparison: the portfolio's figures. */
  summary(): Record<string, number | string> {
    const p = this.performance();
    return { expectedReturn: p.expectedReturn, volatility: p.volatility, sharpe: p.sharpe, holdings: this.holdings().length, largest: this.weights.max() };
  }

  [DISPLAY_TABLE](): DisplayTable {
    const p = this.performance();
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    const caption = `${this.name}: expected return ${pct(p.expectedReturn)}, volatility ${pct(p.volatility)}, Sharpe ${p.sharpe.toFixed(2)} (risk-free ${pct(this.riskFreeRate)}); ${this.holdings().length} holdings`;
    return this.toTable().titled(caption)[DISPLAY_TABLE]();
  }

  [INSPECT](depth: number): string {
    return inspectDisplayable(this, depth, `Portfolio ${this.name}`);
  }
}

/**
 * A {@link Portfolio} from weights made elsewhere (a rule, a model, a file), under a prior.
 *
 * @example
 * ```ts
 * portfolioOf("60/40", vector({ MKTIDX: 0.6, LTBX: 0.4 }), p); // weights must name the prior's tickers
 * ```
 * @throws InputError UNKNOWN_TICKER when the weights name a ticker the prior lacks (tickers it lacks weights for get 0).
 */
export function portfolioOf(name: string, weights: LabelledVector | Readonly<Record<string, number>>, prior: Prior, options: PortfolioOptions = {}): Portfolio {
  const labels = prior.expectedReturns.labels;
  const given = vector(weights);
  const aligned = vector({ labels, values: Float64Array.from(labels, (l) => given.getOr(l, 0)) });
  const unknown = given.labels.filter((l) => !prior.expectedReturns.has(l));
  if (unknown.length > 0) {
    throw new InputError("UNKNOWN_TICKER", `portfolioOf: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not among the prior's ${labels.length} tickers; build the prior from prices that include them`, { tickers: unknown });
  }
  return new Portfolio(name, aligned, prior, options);
}
