/**
 * A rebalance spread over several periods: cvxportfolio's multi-period optimisation in small dimension, one QP over
 * the whole path of weights with forecast costs per step.
 */
import { InputError, NumericalError, table, vector, type Table, type Vector } from "../../core/index";
import { checkCovariance } from "../../linalg/index";
import { priorOf, type Prior } from "../../moments/index";
import { solveWorkingSetQp, solveWithRidgeOnFailure } from "../../optim/index";
import { resolveWeightBounds, type WeightBounds } from "../weight-bounds";
import { resolveHoldings, type CurrentHoldings, type LabelledNumbers } from "./current-holdings";
import { resolveCosts, type RebalanceCosts } from "./rebalance-costs";
import { costAwareRebalance, TRADE_RIDGE } from "./cost-aware-rebalance";

/** Options of {@link multiPeriodRebalance}. */
export interface MultiPeriodRebalanceOptions {
  /** What is held now: `{ weights }` or `{ shares, prices, cash }`. */
  readonly current: CurrentHoldings;
  /** Number of periods `H` the rebalance is spread over (≥ 1). */
  readonly horizon: number;
  /** Costs of each step: one setting for all, or `H` forecasts (e.g. wider spreads now than later). Default none. */
  readonly costs?: RebalanceCosts | readonly RebalanceCosts[];
  /** Risk aversion γ (annual units). Default 1. */
  readonly riskAversion?: number;
  /**
   * Weights to move towards: the utility of each step becomes the tracking term `−γ/2·(w − target)ᵀΣ(w − target)`.
   * Default none: each step's utility is `μᵀw − γ/2·wᵀΣw`.
   */
  readonly target?: LabelledNumbers;
  /** Length of a step: periods per year (default 12, monthly); each step earns `1/periodsPerYear` of the annual utility. */
  readonly periodsPerYear?: number;
  /** Weight of the costs against the utility (cvxportfolio's `gamma_trade`). Default 1. */
  readonly tradeAversion?: number;
  /** Weight bounds of every step. Default `[0, 1]`. */
  readonly bounds?: WeightBounds;
}

/** The path of a multi-period rebalance. */
export interface RebalancePlan {
  /** Tickers, in the prior's order. */
  readonly labels: readonly string[];
  /** Weights now and after each of the `H` steps: `H + 1` vectors (unit fraction). */
  readonly path: readonly Vector[];
  /** Trades of each step `w_t − w_{t−1}`, `H` vectors. */
  readonly trades: readonly Vector[];
  /** Estimated cost of each step (commission + spread + impact), fractions of value, labelled "step 1"…. */
  readonly costs: Vector;
  /** Two-way turnover of each step. */
  readonly turnover: Vector;
  /** The objective maximised: `Σ_t [utility(w_t)/periodsPerYear − tradeAversion·(cost_t + penalty·turnover_t)]`. */
  readonly objective: number;
  /** Rows tickers, columns "now", "step 1", … "step H": the weights along the path. */
  readonly table: Table;
}

/**
 * Spreads a rebalance over `H` periods: maximises `Σ_{t=1..H} [(μᵀw_t − γ/2·w_tᵀΣw_t)/P − τ·cost_t(w_t − w_{t−1})]`
 * over the whole path `w_1 … w_H` at once (each step fully invested within the bounds), with each step's costs
 * linear (commission, half-spread, turnover penalty) plus quadratic impact, as {@link RebalanceCosts}; `P` is
 * `periodsPerYear`. With a `target`, the utility tracks it instead. Only the first step is meant to be traded; the
 * rest is the plan it assumes (cvxportfolio's multi-period optimisation, solved as one QP in
 * `2·n·H` variables: the weights of each step and its sales `s_t ≥ w_{t−1} − w_t`, so that `|Δw_t| = Δw_t + 2s_t`).
 *
 * With `H = 1` and `periodsPerYear = 1` it is {@link costAwareRebalance} with bounds only.
 *
 * @param prior the prior (annual μ and Σ).
 * @param options `{ current, horizon, costs, riskAversion = 1, target, periodsPerYear = 12, tradeAversion = 1, bounds }`.
 * @returns a {@link RebalancePlan}.
 * @throws InputError BAD_HORIZON for `H` not a whole number in [1, 120] or a costs array of another length;
 *   BAD_COST, UNKNOWN_TICKER as {@link costAwareRebalance}; BAD_OPTION for a bad γ, τ or P; UNSUPPORTED_COST for
 *   `impactThreeHalves`.
 * @throws InfeasibleError when the bounds admit no fully invested portfolio.
 * @example
 * ```ts
 * const plan = rebalance.multiPeriodRebalance(prior, { current: { weights: { A: 1 } }, horizon: 3,
 *   costs: [{ spreadBps: 40, impact: 0.5 }, { spreadBps: 20, impact: 0.3 }, { spreadBps: 10, impact: 0.2 }] });
 * plan.table;   // weights now and after each step
 * ```
 */
export function multiPeriodRebalance(prior: Prior, options: MultiPeriodRebalanceOptions): RebalancePlan {
  const caller = "multiPeriodRebalance";
  const H = options.horizon;
  if (!Number.isSafeInteger(H) || H < 1 || H > 120) {
    throw new InputError("BAD_HORIZON", `${caller}: horizon ${String(H)} must be a whole number of periods in [1, 120]`, { horizon: H });
  }
  const check = (x: number | undefined, fallback: number, name: string, allowZero: boolean) => {
    const v = x ?? fallback;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
      throw new InputError("BAD_OPTION", `${caller}: ${name} ${String(v)} must be a finite number ${allowZero ? "≥ 0" : "> 0"}`, { [name]: v });
    }
    return v;
  };
  const gamma = check(options.riskAversion, 1, "riskAversion", false);
  const tau = check(options.tradeAversion, 1, "tradeAversion", true);
  const P = check(options.periodsPerYear, 12, "periodsPerYear", false);
  const cov = prior.covariance;
  const n = checkCovariance(cov, caller);
  const labels = cov.labels;
  const w0 = resolveHoldings(options.current, labels, caller).weights;
  const settings = Array.isArray(options.costs) ? (options.costs as readonly RebalanceCosts[]) : Array.from({ length: H }, () => (options.costs ?? {}) as RebalanceCosts);
  if (settings.length !== H) {
    throw new InputError("BAD_HORIZON", `${caller}: ${settings.length} cost forecasts for a horizon of ${H}; pass one per step or a single setting`, {});
  }
  const costs = settings.map((c) => resolveCosts(c, labels, caller));
  if (costs.some((k) => k.impactThreeHalves.some((x) => x > 0))) {
    throw new InputError("UNSUPPORTED_COST", `${caller}: the 3/2-power impact is single-period only; use the quadratic impact (impact) for a plan`, {});
  }
  const { lower: lo, upper: up } = resolveWeightBounds(options.bounds, labels, caller);
  const S = cov.values;
  // the linear utility term: μ, or γΣ·target when tracking
  const m = new Float64Array(n);
  if (options.target === undefined) m.set(prior.expectedReturns.values);
  else {
    const t = resolveHoldings({ weights: options.target }, labels, caller).weights;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += S[i * n + j]! * t[j]!;
      m[i] = gamma * s;
    }
  }
  let sumLo = 0;
  let sumUp = 0;
  for (let i = 0; i < n; i++) {
    sumLo += lo[i]!;
    sumUp += up[i]!;
  }
  if (sumLo > 1 + 1e-12 || sumUp < 1 - 1e-12) {
    throw new InputError("INFEASIBLE_BOUNDS", `${caller}: the weight bounds sum to [${sumLo}, ${sumUp}], which excludes 1; widen them`, {});
  }
  // Variables: the weights of every step w_t (n·H), then the sales s_t ≥ w_{t−1} − w_t, s_t ≥ 0 (n·H), so that
  // |Δw_t| = Δw_t + 2s_t at the optimum; impact η(w_t − w_{t−1})² couples consecutive steps.
  const nH = n * H;
  const N = 2 * nH;
  const Q = new Float64Array(N * N);
  const c = new Float64Array(N);
  const lower = new Float64Array(N);
  const upper = new Float64Array(N).fill(Infinity);
  const wv = (t: number, i: number) => t * n + i;
  const sv = (t: number, i: number) => nH + t * n + i;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += (gamma * S[i * n + i]!) / P;
  const ridge = TRADE_RIDGE * Math.max(trace / n, Number.MIN_VALUE);
  const Aineq = new Float64Array(nH * N);
  const bineq = new Float64Array(nH);
  for (let t = 0; t < H; t++) {
    const k = costs[t]!;
    for (let i = 0; i < n; i++) {
      const v = wv(t, i);
      for (let j = 0; j < n; j++) Q[v * N + wv(t, j)] = (gamma * S[i * n + j]!) / P;
      c[v] = c[v]! - m[i]! / P;
      lower[v] = lo[i]!;
      upper[v] = up[i]!;
      const kappa = tau * (k.commission[i]! + k.halfSpread[i]! + k.turnoverPenalty);
      const eta = 2 * tau * k.impact[i]!;
      Q[v * N + v] = Q[v * N + v]! + eta;
      c[v] = c[v]! + kappa;
      if (t === 0) c[v] = c[v]! - eta * w0[i]!;
      else {
        const u = wv(t - 1, i);
        Q[u * N + u] = Q[u * N + u]! + eta;
        Q[u * N + v] = Q[u * N + v]! - eta;
        Q[v * N + u] = Q[v * N + u]! - eta;
        c[u] = c[u]! - kappa;
      }
      const sale = sv(t, i);
      Q[sale * N + sale] = ridge;
      c[sale] = 2 * kappa;
      // −w_t − s_t + w_{t−1} ≤ 0  (w_{t−1} = w⁰ at the first step)
      const r = (t * n + i) * N;
      Aineq[r + v] = -1;
      Aineq[r + sale] = -1;
      if (t === 0) bineq[t * n + i] = -w0[i]!;
      else Aineq[r + wv(t - 1, i)] = 1;
    }
  }
  const Aeq = new Float64Array(H * N);
  const beq = new Float64Array(H).fill(1);
  for (let t = 0; t < H; t++) for (let i = 0; i < n; i++) Aeq[t * N + wv(t, i)] = 1;
  // Only the speed depends on the first working set: the assets held now or bought by the single-period rebalance
  // (the step's costs weighed against a step's utility), with their sales, at every step.
  let start: number[] | undefined;
  if (N > 60) {
    try {
      const guessPrior = options.target === undefined ? prior : priorOf({ expectedReturns: { labels, values: m }, covariance: cov, returns: prior.returns, frequency: prior.frequency });
      const single = costAwareRebalance(guessPrior, { current: { weights: { labels, values: w0 } }, riskAversion: gamma, costs: settings[0], tradeAversion: tau * P, bounds: options.bounds, cutoff: 0 });
      const target = single.weights.values;
      start = [];
      for (let t = 0; t < H; t++) {
        for (let i = 0; i < n; i++) {
          if (up[i]! <= lo[i]!) continue;
          if (target[i]! > lo[i]! || w0[i]! > lo[i]!) start.push(wv(t, i));
          if (w0[i]! > lo[i]!) start.push(sv(t, i));
        }
      }
    } catch {
      start = undefined;
    }
  }
  const solve = (q: Float64Array) => solveWithRidgeOnFailure(q, N, N, (qq) => solveWorkingSetQp({ Q: qq, c, lower, upper, Aeq, beq, Aineq, bineq, initialWorkingSet: start }));
  let x: Float64Array;
  try {
    x = solve(Q).x;
  } catch (error) {
    // The sales have no curvature but the ridge: quadprog's start −c/ridge is far out and can cost it the last
    // digits. Again with a thousand times the ridge on them (it moves the optimum by about 1e-6 of a weight).
    if (!(error instanceof NumericalError && error.code === "CONSTRAINT_VIOLATED")) throw error;
    const stiffer = Float64Array.from(Q);
    for (let v = nH; v < N; v++) stiffer[v * N + v] = 1000 * ridge;
    x = solve(stiffer).x;
  }
  const steps: Float64Array[] = [Float64Array.from(w0)];
  for (let t = 0; t < H; t++) {
    steps.push(Float64Array.from({ length: n }, (_, i) => {
      const v = Math.min(up[i]!, Math.max(lo[i]!, x[wv(t, i)]!));
      return Math.abs(v) < 1e-10 ? 0 : v;
    }));
  }
  const stepLabels = Array.from({ length: H }, (_, t) => `step ${t + 1}`);
  const tradeVectors: Vector[] = [];
  const stepCost = new Float64Array(H);
  const stepTurnover = new Float64Array(H);
  let objective = 0;
  for (let t = 0; t < H; t++) {
    const k = costs[t]!;
    const d = Float64Array.from({ length: n }, (_, i) => steps[t + 1]![i]! - steps[t]![i]!);
    tradeVectors.push(vector({ labels, values: d }, { unit: "fraction", name: stepLabels[t] }));
    const w = steps[t + 1]!;
    let utility = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += S[i * n + j]! * w[j]!;
      utility += m[i]! * w[i]! - 0.5 * gamma * w[i]! * row;
      const a = Math.abs(d[i]!);
      stepTurnover[t] = stepTurnover[t]! + a;
      stepCost[t] = stepCost[t]! + (k.commission[i]! + k.halfSpread[i]!) * a + k.impact[i]! * a * a;
    }
    objective += utility / P - tau * (stepCost[t]! + k.turnoverPenalty * stepTurnover[t]!);
  }
  const path = steps.map((w, t) => vector({ labels, values: w }, { unit: "fraction", name: t === 0 ? "now" : stepLabels[t - 1] }));
  const columns: Record<string, Vector> = {};
  path.forEach((v, t) => (columns[t === 0 ? "now" : stepLabels[t - 1]!] = v));
  return {
    labels,
    path,
    trades: tradeVectors,
    costs: vector({ labels: stepLabels, values: stepCost }, { unit: "fraction", name: "cost", labelName: "step" }),
    turnover: vector({ labels: stepLabels, values: stepTurnover }, { unit: "fraction", name: "turnover", labelName: "step" }),
    objective,
    table: table(columns, { caption: `rebalance over ${H} step${H === 1 ? "" : "s"}: turnover ${stepLabels.map((_, t) => `${(100 * stepTurnover[t]!).toFixed(1)} %`).join(", ")}` }),
  };
}
