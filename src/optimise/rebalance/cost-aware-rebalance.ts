/**
 * Single-period rebalancing that counts its costs and taxes: mean-variance utility from the current holdings,
 * minus commission and half-spread (linear), market impact (quadratic), a turnover penalty and, in tax-aware mode,
 * the tax each lot sold realises; with an optional no-trade band.
 */
import { InputError, NumericalError, tableOfRows, vector, type Table, type Vector } from "../../core/index";
import type { Prior } from "../../moments/index";
import { budgetOf } from "../max-quadratic-utility";
import { objectiveOf, setupMeanVariance, type MeanVarianceOptions, type MeanVarianceSetup } from "../mean-variance-options";
import { Portfolio } from "../portfolio";
import type { NamedOptions } from "../portfolios/mean-variance";
import { qpFromSystem, solvePortfolioQp } from "../solve-portfolio-qp";
import { projectedGradientGuess } from "../../optim/index";
import { resolveHoldings, type CurrentHoldings, type ResolvedHoldings } from "./current-holdings";
import { resolveCosts, type RebalanceCosts, type ResolvedCosts } from "./rebalance-costs";
import { lotPieces, type TaxLot, type TaxRates } from "./tax-lot";

/** Tangents of the outer approximation of the 3/2-power impact, at `range · 2^{−k/2}`, k = 0…15 (down to range/181). */
const TANGENTS = 16;

/** Ridge on the 3/2-power impact bounds, relative to the mean weight curvature. */
const IMPACT_RIDGE = 1e-4;

/** Relative ridge on the trade variables (whose split `Δw = u⁺ − u⁻` has no curvature along `u⁺ + u⁻`). */
export const TRADE_RIDGE = 1e-9;

/** Options of {@link costAwareRebalance}. */
export interface CostAwareRebalanceOptions extends MeanVarianceOptions, NamedOptions {
  /** What is held now: `{ weights }` or `{ shares, prices, cash }` (needed with tax lots). */
  readonly current: CurrentHoldings;
  /** Risk aversion γ of the utility `μᵀw − γ/2·wᵀΣw` (annual units). Default 1, as `portfolios.maxUtility`. */
  readonly riskAversion?: number;
  /** Trading costs per unit of weight traded; default none (then the result is `maxUtility`'s). */
  readonly costs?: RebalanceCosts;
  /**
   * Weight of the costs (and taxes) against the annual utility, cvxportfolio's `gamma_trade`. Default 1: a cost is
   * weighed like the same fraction of a year's expected return.
   */
  readonly tradeAversion?: number;
  /**
   * No-trade band: an asset whose optimal trade is smaller than this (a fraction of the portfolio) is not traded,
   * and the others are optimised again, until every trade is 0 or at least the band. Default 0 (none).
   */
  readonly noTradeBand?: number;
  /** Tax lots of the holdings (tax-aware mode; needs `current` as shares and `tax`). */
  readonly taxLots?: readonly TaxLot[];
  /** Tax rates of the tax-aware mode. */
  readonly tax?: TaxRates;
}

/** Estimated costs of a rebalance, fractions of the portfolio's value before it. */
export interface RebalanceCostEstimate {
  readonly commission: number;
  readonly spread: number;
  readonly impact: number;
  /** Tax on the gains realised (tax-aware mode; 0 otherwise). */
  readonly tax: number;
  /** commission + spread + impact + tax. */
  readonly total: number;
}

/** What {@link costAwareRebalance} reports beside the weights (`portfolio.details`). */
export interface RebalanceDetails {
  /** Weights held before, in the prior's order (unit fraction). */
  readonly current: Vector;
  /** Trades `Δw = w − w⁰` (unit fraction; 0 for an asset not traded). */
  readonly trades: Vector;
  /** Two-way turnover `Σ|Δw|`. */
  readonly turnover: number;
  /** The cost estimate of the trades. */
  readonly cost: RebalanceCostEstimate;
  /** Net utility at the optimum: `μᵀw − γ/2·wᵀΣw − extra terms − tradeAversion·(costs + penalty·turnover)`. */
  readonly objective: number;
  /** One row per asset held or traded: current, target, trade and its cost (fractions). */
  readonly tradeTable: Table;
  /** One row per lot sold (tax-aware mode): shares sold, gain and tax in money; `undefined` otherwise. */
  readonly lotSales: Table | undefined;
  /** Assets held still by the no-trade band. */
  readonly heldByBand: readonly string[];
  /** Portfolio value the weights refer to (money), when the holdings were given as shares. */
  readonly value: number | undefined;
}

/** One sell variable: part of an asset's position (a lot, or the whole position outside tax-aware mode). */
interface SellPiece {
  readonly asset: number;
  readonly cap: number;
  /** Tax per unit sold, before the trade aversion. */
  readonly tax: number;
  readonly lot: number | undefined;
}

/** The problem in trade variables: everything but the assets the band holds. */
interface TradeProblem {
  readonly setup: MeanVarianceSetup;
  readonly w0: Float64Array;
  readonly H: Float64Array;
  readonly g: Float64Array;
  readonly costs: ResolvedCosts;
  readonly tradeAversion: number;
  readonly pieces: readonly SellPiece[];
}

function checkPositive(x: number | undefined, fallback: number, name: string, caller: string, allowZero: boolean): number {
  const v = x ?? fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
    throw new InputError("BAD_OPTION", `${caller}: ${name} ${String(v)} must be a finite number ${allowZero ? "≥ 0" : "> 0"}`, { [name]: v });
  }
  return v;
}

function sellPieces(caller: string, setup: MeanVarianceSetup, holdings: ResolvedHoldings, prior: Prior, options: CostAwareRebalanceOptions): SellPiece[] {
  const { n, system } = setup;
  const w0 = holdings.weights;
  const pieces: SellPiece[] = [];
  const lots = options.taxLots;
  if (lots === undefined || lots.length === 0) {
    if (options.tax !== undefined) lotPieces([], () => Number.NaN, 1, options.tax, caller); // checks the rates
    for (let i = 0; i < n; i++) {
      if (w0[i]! > system.lower[i]! && w0[i]! < system.upper[i]!) pieces.push({ asset: i, cap: w0[i]! - system.lower[i]!, tax: 0, lot: undefined });
    }
    return pieces;
  }
  if (options.tax === undefined) throw new InputError("MISSING_TAX_RATE", `${caller}: tax lots were given without tax rates; pass tax: { rate } (e.g. 0.15)`, {});
  if (holdings.value === undefined || holdings.prices === undefined || holdings.shares === undefined) {
    throw new InputError("NEEDS_SHARES", `${caller}: tax lots need the holdings as { shares, prices, cash }, not weights`, {});
  }
  const index = new Map(setup.labels.map((l, i) => [l, i]));
  const unknown = [...new Set(lots.map((l) => l.ticker).filter((t) => !index.has(t)))];
  if (unknown.length > 0) {
    throw new InputError("UNKNOWN_TICKER", `${caller}: tax lots of ${unknown.join(", ")}, which the prior lacks; build the prior from prices that include ${unknown.length === 1 ? "it" : "them"}`, { tickers: unknown });
  }
  const asOf = options.tax.asOf ?? prior.prices?.dates[prior.prices.dates.length - 1];
  if (asOf === undefined && options.tax.longTermRate !== undefined && options.tax.longTermRate !== options.tax.rate) {
    throw new InputError("MISSING_DATE", `${caller}: long-term rates need the sale date; pass tax.asOf`, {});
  }
  const prices = holdings.prices;
  const value = holdings.value;
  const lotList = lotPieces(lots, (t) => prices[index.get(t)!]!, value, { ...options.tax, asOf }, caller);
  const byAsset: SellPiece[][] = Array.from({ length: n }, () => []);
  const inLots = new Float64Array(n);
  lotList.forEach((p) => {
    const i = index.get(lots[p.lot]!.ticker)!;
    inLots[i] = inLots[i]! + lots[p.lot]!.shares;
    byAsset[i]!.push({ asset: i, cap: p.weight, tax: p.taxPerUnit, lot: p.lot });
  });
  for (let i = 0; i < n; i++) {
    const held = holdings.shares[i]!;
    if (inLots[i]! > held * (1 + 1e-9) + 1e-9) {
      throw new InputError("LOTS_EXCEED_HOLDINGS", `${caller}: the lots of ${setup.labels[i]} hold ${inLots[i]} shares but ${held} are held; pass the lots of the shares held`, { ticker: setup.labels[i] });
    }
    // Shares no lot covers (and any sale below zero when shorting is allowed) are sold tax-free.
    const rest = Math.max(0, w0[i]! - system.lower[i]!) - ((inLots[i]! * prices[i]!) / value);
    if (rest > 1e-12) byAsset[i]!.push({ asset: i, cap: rest, tax: 0, lot: undefined });
    pieces.push(...byAsset[i]!);
  }
  return pieces;
}

interface Solved {
  readonly trades: Float64Array;
  readonly sold: Float64Array;
  /** The 3/2-power impact variable of each asset that has one, at the solution (its approximated cost). */
  readonly impactBounds: ReadonlyMap<number, number>;
}

/**
 * {@link solveTrades} with the 3/2-power impact's outer approximation refined where the solution lands: a tangent is
 * added at each asset's trade whose approximated cost is below the true one by more than 1e-9 (Kelley's cutting
 * planes), until none is (at most 30 rounds).
 */
function solveWithCuts(problem: TradeProblem, held: ReadonlySet<number>): Solved {
  const cuts = new Map<number, number[]>();
  let solved = solveTrades(problem, held, cuts);
  const k32 = problem.costs.impactThreeHalves;
  if (!k32.some((k) => k > 0)) return solved;
  for (let round = 0; round < 30; round++) {
    let added = 0;
    for (const [i, t] of solved.impactBounds) {
      const d = Math.abs(solved.trades[i]!);
      const exact = k32[i]! * d ** 1.5;
      if (d > 0 && exact - t > 1e-9 * Math.max(1, exact) + 1e-12) {
        const list = cuts.get(i) ?? [];
        list.push(d);
        cuts.set(i, list);
        added++;
      }
    }
    if (added === 0) break;
    solved = solveTrades(problem, held, cuts);
  }
  return solved;
}

function solveTrades(problem: TradeProblem, held: ReadonlySet<number>, cuts: ReadonlyMap<number, readonly number[]> = new Map()): Solved {
  const { setup, w0, H, g, costs, tradeAversion: tau, pieces } = problem;
  const { n } = setup;
  // A copy of the constraint system, with one sell variable per piece: sᵢ = Σ pieces of i ≥ w⁰ᵢ − wᵢ, so that the
  // linear cost κ|Δw| is κ(Δw + 2s) (s is as small as it can be at the optimum: s = max(0, −Δw)).
  const system = Object.assign(Object.create(Object.getPrototypeOf(setup.system)) as typeof setup.system, setup.system, {
    lower: [...setup.system.lower],
    upper: [...setup.system.upper],
    variableNames: [...setup.system.variableNames],
    lowerSource: [...setup.system.lowerSource],
    upperSource: [...setup.system.upperSource],
    rows: [...setup.system.rows],
    sources: [...setup.system.sources],
  });
  const Q = Float64Array.from(H);
  const c0 = Float64Array.from(g);
  const linear = (i: number) => tau * (costs.commission[i]! + costs.halfSpread[i]! + costs.turnoverPenalty);
  for (let i = 0; i < n; i++) {
    const eta = 2 * tau * costs.impact[i]!;
    Q[i * n + i] = Q[i * n + i]! + eta; // impact η(w − w⁰)²
    c0[i] = c0[i]! - eta * w0[i]!;
  }
  const hasPieces = new Uint8Array(n);
  for (const p of pieces) hasPieces[p.asset] = 1;
  for (let i = 0; i < n; i++) {
    if (hasPieces[i]) c0[i] = c0[i]! + linear(i);
    else if (w0[i]! <= system.lower[i]!) c0[i] = c0[i]! + linear(i); // only buys: κ(w − w⁰)
    else c0[i] = c0[i]! - linear(i); // only sales: κ(w⁰ − w)
  }
  const extra: number[] = [];
  const extraAux: number[] = [];
  const impactVars: [number, number][] = [];
  const pieceVars: number[] = [];
  const byAsset: number[][] = Array.from({ length: n }, () => []);
  pieces.forEach((p, k) => {
    const v = system.addVariable(`sell[${setup.labels[p.asset]}#${k}]`, 0, held.has(p.asset) ? 0 : p.cap, "trading costs");
    pieceVars.push(v);
    byAsset[p.asset]!.push(v);
    extra.push(2 * linear(p.asset) + tau * p.tax);
  });
  for (let i = 0; i < n; i++) {
    const own = byAsset[i]!;
    if (own.length === 0) continue;
    system.addRow({
      indices: [i, ...own],
      values: [1, ...own.map(() => 1)],
      lower: w0[i]!,
      upper: Infinity,
      source: "trading costs",
      description: `sales of ${setup.labels[i]} cover its decrease`,
    });
  }
  // 3/2-power impact: tᵢ ≥ tangents of cᵢ·x^{3/2} at x = R·2^{−k/2} (and the cuts), x = |Δwᵢ| = Δwᵢ + 2sᵢ, Δwᵢ or −Δwᵢ
  for (let i = 0; i < n; i++) {
    const k32 = costs.impactThreeHalves[i]!;
    if (k32 === 0 || held.has(i) || system.upper[i]! <= system.lower[i]!) continue;
    const range = Math.max(system.upper[i]! - w0[i]!, w0[i]! - system.lower[i]!, 0);
    if (range <= 0) continue;
    const t = system.addVariable(`impact[${setup.labels[i]}]`, 0, Infinity, "trading costs");
    extraAux.push(t);
    impactVars.push([i, t]);
    const own = byAsset[i]!;
    const side = own.length > 0 || w0[i]! <= system.lower[i]! ? 1 : -1;
    const points = [...Array.from({ length: TANGENTS }, (_, k) => range * 2 ** (-k / 2)), ...(cuts.get(i) ?? [])];
    for (const [k, x] of points.entries()) {
      const slope = 1.5 * k32 * Math.sqrt(x);
      // t − slope·(side·(w − w⁰) + 2s) ≥ −½·k32·x^{3/2}
      system.addRow({
        indices: [t, i, ...own],
        values: [1, -slope * side, ...own.map(() => -2 * slope)],
        lower: -0.5 * k32 * x ** 1.5 - slope * side * w0[i]!,
        upper: Infinity,
        source: "trading costs",
        description: `impact of ${setup.labels[i]} above its tangent ${k}`,
      });
    }
  }
  for (const i of held) {
    system.lower[i] = w0[i]!;
    system.upper[i] = w0[i]!;
  }
  const c = new Float64Array(system.nVariables);
  c.set(c0);
  pieceVars.forEach((v, k) => (c[v] = extra[k]!));
  for (const v of extraAux) c[v] = tau;
  const qp = qpFromSystem(system, Q, c);
  {
    // the impact bounds t (a cost, ~1e-3) get a firmer ridge: t² × 1e-4 × the mean variance moves nothing
    let trace = 0;
    for (let i = 0; i < n; i++) trace += Q[i * n + i]!;
    const N = system.nVariables;
    for (const v of extraAux) qp.Q[v * N + v] = IMPACT_RIDGE * Math.max(trace / n, Number.MIN_VALUE);
  }
  const start = system.nVariables > 60 ? firstWorkingSet(Q, c0, w0, system, byAsset, costs, tau, held) : undefined;
  const solveOptions = { caller: setup.caller, ridgeOnFailure: setup.ridgeOnFailure, initialWorkingSet: start };
  let x: Float64Array;
  try {
    x = solvePortfolioQp(qp, solveOptions).x;
  } catch (error) {
    // The sales have no curvature but a tiny ridge: quadprog's start −c/ridge is far out and can cost it the last
    // digits. Again with a thousand times that ridge on them (it moves the optimum by about 1e-6 of a weight).
    if (!(error instanceof NumericalError && error.code === "CONSTRAINT_VIOLATED")) throw error;
    const N = system.nVariables;
    const stiffer = Float64Array.from(qp.Q);
    for (const v of [...pieceVars, ...extraAux]) stiffer[v * N + v] = 1000 * stiffer[v * N + v]!;
    x = solvePortfolioQp({ ...qp, Q: stiffer }, solveOptions).x;
  }
  const trades = Float64Array.from({ length: n }, (_, i) => x[i]! - w0[i]!);
  const sold = Float64Array.from(pieceVars, (v) => Math.max(0, x[v]!));
  // the sales the lots report: no more than the decrease (the rest of s is solver slack when a piece costs nothing)
  for (let i = 0; i < n; i++) {
    const own = byAsset[i]!;
    if (own.length === 0) continue;
    let excess = -Math.min(0, trades[i]!);
    const cheapestFirst = own.map((v) => pieceVars.indexOf(v)).sort((a, b) => pieces[a]!.tax - pieces[b]!.tax);
    cheapestFirst.forEach((k) => {
      const take = Math.min(sold[k]!, excess);
      excess -= take;
      sold[k] = take;
    });
  }
  return { trades, sold, impactBounds: new Map(impactVars.map(([i, t]) => [i, x[t]!])) };
}

/**
 * A first working set for the solver (only its speed depends on it): the support of a few hundred projected-gradient
 * steps on the weights (each asset's cost taken on the side it can trade, none for assets that can trade both ways),
 * the assets held now, their sell variables and every auxiliary variable.
 */
function firstWorkingSet(
  Q: Float64Array,
  c0: Float64Array,
  w0: Float64Array,
  system: { readonly lower: readonly number[]; readonly upper: readonly number[]; readonly nAssets: number; readonly nVariables: number },
  byAsset: readonly (readonly number[])[],
  costs: ResolvedCosts,
  tau: number,
  held: ReadonlySet<number>,
): number[] | undefined {
  const n = system.nAssets;
  const lower = Float64Array.from({ length: n }, (_, i) => system.lower[i]!);
  const upper = Float64Array.from({ length: n }, (_, i) => system.upper[i]!);
  if (!lower.every((v) => Number.isFinite(v))) return undefined;
  const c = Float64Array.from(c0);
  for (let i = 0; i < n; i++) {
    if (byAsset[i]!.length > 0) c[i] = c[i]! - tau * (costs.commission[i]! + costs.halfSpread[i]! + costs.turnoverPenalty);
  }
  const x = projectedGradientGuess({ Q, c, a: new Float64Array(n).fill(1), b: 1, lower, upper });
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]!));
  const set = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (held.has(i) || upper[i]! <= lower[i]!) continue;
    if (x[i]! - lower[i]! > 1e-6 * scale || w0[i]! > lower[i]!) {
      set.add(i);
      for (const v of byAsset[i]!) set.add(v);
    }
  }
  for (let v = n; v < system.nVariables; v++) if (!byAsset.some((own) => own.includes(v))) set.add(v);
  return [...set].sort((a, b) => a - b);
}

/**
 * The rebalance from the current holdings that maximises mean-variance utility net of trading costs and taxes:
 *
 * `maximise μᵀw − γ/2·wᵀΣw − τ·[Σᵢ (cᵢ + sᵢ/2 + ρ)|Δwᵢ| + Σᵢ ηᵢΔwᵢ² + Σᵢ θᵢ|Δwᵢ|^{3/2} + Σ_lots taxₗ·soldₗ]`,
 * `Δw = w − w⁰`, over the bounds and constraints of the mean-variance family (weights sum to 1), with commission `c`
 * and spread `s` (see {@link RebalanceCosts}), quadratic impact `η`, cvxportfolio's 3/2-power impact `θ`, turnover
 * penalty `ρ` and trade aversion `τ`. `|Δw|` is made linear by sell variables `sᵢ ≥ w⁰ᵢ − wᵢ`, `s ≥ 0`
 * (`|Δw| = Δw + 2s` at the optimum, the split `Δw = u⁺ − u⁻` with `u⁺ = Δw + s`, `u⁻ = s`): one QP, solved exactly with
 * quadprog on a working set; the 3/2 power by tangents refined at the solution (cutting planes). In tax-aware
 * mode (`taxLots` and `tax`), each lot is its own sell variable paying `rate × max(0, 1 − basis/price)` per unit
 * sold, so the optimiser sells losses and small gains first (HIFO-like) and only sells a gain when the utility
 * gained beats its tax.
 *
 * With zero costs it is `portfolios.maxUtility` with the same risk aversion; with large costs it holds the current
 * weights; with linear costs alone an asset is not traded while its marginal utility is within its cost of the
 * budget's multiplier (the no-trade region). `noTradeBand` adds an explicit band.
 *
 * @param prior the prior (annual μ and Σ).
 * @param options `{ current, riskAversion = 1, costs, tradeAversion = 1, noTradeBand, taxLots, tax, bounds,
 *   constraints, objectives, name, riskFreeRate }`.
 * @returns a {@link Portfolio} whose `details` are {@link RebalanceDetails} (trades, costs, turnover, lots sold).
 * @throws InputError UNKNOWN_TICKER for holdings or lots of tickers the prior lacks; BAD_COST for a negative cost;
 *   BAD_TAX_RATE for a negative rate; BAD_OPTION for a bad risk or trade aversion or band; NEEDS_SHARES for lots with
 *   holdings given as weights; UNSUPPORTED_CONSTRAINT for `maxHoldings`.
 * @throws InfeasibleError when the constraints admit no portfolio.
 * @example
 * ```ts
 * const p = rebalance.costAwareRebalance(prior, { current: { weights: { A: 0.5, B: 0.5 } },
 *   costs: { commissionBps: 5, spreadBps: 10, impact: 0.1 }, riskAversion: 4 });
 * p.details.turnover;    // => e.g. 0.18
 * p.details.tradeTable;  // displays current, target, trade and cost by ticker
 * ```
 */
export function costAwareRebalance(prior: Prior, options: CostAwareRebalanceOptions): Portfolio<RebalanceDetails> {
  const caller = "costAwareRebalance";
  if (typeof options !== "object" || options === null || options.current === undefined) {
    throw new InputError("MISSING_HOLDINGS", `${caller}: pass the current holdings, e.g. { current: { weights: { A: 0.5, B: 0.5 } } }`, {});
  }
  const gamma = checkPositive(options.riskAversion, 1, "riskAversion", caller, false);
  const tau = checkPositive(options.tradeAversion, 1, "tradeAversion", caller, true);
  const band = checkPositive(options.noTradeBand, 0, "noTradeBand", caller, true);
  const setup = setupMeanVariance(caller, prior.covariance, prior.expectedReturns, options, budgetOf(false, options.bounds, caller));
  if (setup.system.maxHoldings !== undefined) {
    throw new InputError("UNSUPPORTED_CONSTRAINT", `${caller}: maxHoldings is not supported with trading costs; drop it (the costs already keep few trades)`, {});
  }
  const labels = setup.labels;
  const n = setup.n;
  const holdings = resolveHoldings(options.current, labels, caller);
  const costs = resolveCosts(options.costs ?? {}, labels, caller);
  const { Q: H, c: g } = objectiveOf(setup, gamma / 2, 1);
  const pieces = sellPieces(caller, setup, holdings, prior, options);
  const problem: TradeProblem = { setup, w0: holdings.weights, H, g, costs, tradeAversion: tau, pieces };
  const held = new Set<number>();
  let solved = solveWithCuts(problem, held);
  if (band > 0) {
    for (let round = 0; round < n; round++) {
      const small: number[] = [];
      for (let i = 0; i < n; i++) {
        const d = Math.abs(solved.trades[i]!);
        const forced = holdings.weights[i]! < setup.system.lower[i]! || holdings.weights[i]! > setup.system.upper[i]!;
        if (d > 0 && d < band && !held.has(i) && !forced) small.push(i);
      }
      if (small.length === 0) break;
      // hold the smallest trade first: holding one changes the others
      small.sort((a, b) => Math.abs(solved.trades[a]!) - Math.abs(solved.trades[b]!));
      held.add(small[0]!);
      solved = solveWithCuts(problem, held);
    }
  }
  return buildPortfolio(prior, options, problem, holdings, solved, held, gamma);
}

function buildPortfolio(
  prior: Prior,
  options: CostAwareRebalanceOptions,
  problem: TradeProblem,
  holdings: ResolvedHoldings,
  solved: Solved,
  held: ReadonlySet<number>,
  gamma: number,
): Portfolio<RebalanceDetails> {
  const { setup, w0, H, g, costs, tradeAversion: tau, pieces } = problem;
  const { n, labels, system } = setup;
  const cutoff = setup.cutoff;
  const trades = Float64Array.from(solved.trades, (d) => (Math.abs(d) < cutoff ? 0 : d));
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    w[i] = Math.min(system.upper[i]!, Math.max(system.lower[i]!, w0[i]! + trades[i]!));
    if (Math.abs(w[i]!) < cutoff) w[i] = 0;
    trades[i] = w[i]! - w0[i]!;
  }
  let commission = 0;
  let spread = 0;
  let impact = 0;
  let turnover = 0;
  const assetCost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = Math.abs(trades[i]!);
    turnover += d;
    commission += costs.commission[i]! * d;
    spread += costs.halfSpread[i]! * d;
    const impactCost = costs.impact[i]! * d * d + costs.impactThreeHalves[i]! * d ** 1.5;
    impact += impactCost;
    assetCost[i] = (costs.commission[i]! + costs.halfSpread[i]!) * d + impactCost;
  }
  let tax = 0;
  const lotRows: { lot: string; ticker: string; acquired: string; "shares sold": number; gain: number; tax: number }[] = [];
  pieces.forEach((p, k) => {
    const s = solved.sold[k]!;
    if (s <= cutoff || p.lot === undefined) return;
    tax += p.tax * s;
    assetCost[p.asset] = assetCost[p.asset]! + p.tax * s;
    const lot = options.taxLots![p.lot]!;
    const price = holdings.prices![p.asset]!;
    const shares = (s * holdings.value!) / price;
    const gain = shares * (price - lot.costBasis);
    lotRows.push({ lot: `lot ${p.lot}`, ticker: lot.ticker, acquired: lot.acquired, "shares sold": shares, gain, tax: p.tax * s * holdings.value! });
  });
  let quad = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += H[i * n + j]! * w[j]!;
    quad += w[i]! * (0.5 * row + g[i]!);
  }
  const total = commission + spread + impact + tax;
  const objective = -quad - tau * (total + costs.turnoverPenalty * turnover);
  const show = labels.map((_, i) => i).filter((i) => w0[i] !== 0 || w[i] !== 0);
  const tradeTable = tableOfRows(
    (show.length > 0 ? show : [0]).map((i) => ({ ticker: labels[i]!, current: w0[i]!, target: w[i]!, trade: trades[i]!, cost: assetCost[i]! })),
    { units: { current: "fraction", target: "fraction", trade: "fraction", cost: "fraction" }, caption: `turnover ${(100 * turnover).toFixed(2)} %, estimated cost ${(1e4 * total).toFixed(1)} bp of value` },
  );
  const lotSales =
    lotRows.length === 0 ? undefined : tableOfRows(lotRows, { units: { acquired: "date", "shares sold": "number", gain: "money", tax: "money" }, caption: "tax lots sold" });
  const details: RebalanceDetails = {
    current: vector({ labels, values: Float64Array.from(w0) }, { unit: "fraction", name: "current weight" }),
    trades: vector({ labels, values: trades }, { unit: "fraction", name: "trade" }),
    turnover,
    cost: { commission, spread, impact, tax, total },
    objective,
    tradeTable,
    lotSales,
    heldByBand: [...held].sort((a, b) => a - b).map((i) => labels[i]!),
    value: holdings.value,
  };
  const name = options.name ?? `cost-aware rebalance (γ = ${gamma})`;
  return new Portfolio<RebalanceDetails>(name, { labels: [...labels], values: w }, prior, { riskFreeRate: options.riskFreeRate, details });
}
