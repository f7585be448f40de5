/**
 * The maximum-Sharpe (tangency) portfolio, as PyPortfolioOpt's `EfficientFrontier(mu, S).max_sharpe()`.
 */
import { DEFAULT_RISK_FREE_RATE, type ExpectedReturns, type Weights } from "../core/index";
import { InfeasibleError, InputError } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import type { LinearRow } from "./constraints/constraint-system";
import { formatNumber } from "../core/index";
import { maxReturnOver } from "./max-return";
import { objectiveOf, setupMeanVariance, weightsOf, type MeanVarianceOptions, type MeanVarianceSetup } from "./mean-variance-options";
import { rowsToDense, solvePortfolioQp, AUXILIARY_RIDGE } from "./solve-portfolio-qp";

/** Options of {@link maxSharpe}. */
export interface MaxSharpeOptions extends MeanVarianceOptions {
  /**
   * Annual risk-free rate (a fraction, same period as `mu`). Default {@link DEFAULT_RISK_FREE_RATE} (0);
   * PyPortfolioOpt's default is 0.02 — pass it explicitly to compare.
   */
  readonly riskFreeRate?: number;
}

/**
 * Weights of the fully invested portfolio with the highest Sharpe ratio `(μᵀw − rf) / √(wᵀΣw)` within the
 * bounds and constraints, by PyPortfolioOpt's (Cornuejols–Tütüncü) change of variables `y = k·w`, `k > 0`:
 *
 * minimise `yᵀΣy` subject to `(μ − rf)ᵀy = 1`, `Σyᵢ = k`, `k·lower ≤ y ≤ k·upper`, `k ≥ 0`, and every linear
 * constraint `a·w ≤ b` as `a·y ≤ b·k`; then `w = y / k`. Here `k = Σyᵢ` is substituted, so the QP has only the
 * `y` variables (plus scaled auxiliary ones), and it is solved exactly with quadprog on a working set of
 * assets, so 500 assets take a fraction of a second.
 *
 * Extra `objectives` are added in `y` (as PyPortfolioOpt does, which warns that they "may not work as
 * expected" there). A `maxHoldings` limit is applied by the holdings heuristic.
 *
 * @param mu annualised expected returns, labelled by ticker, length `n`.
 * @param cov annualised covariance, `n × n`, same labels and order; positive semidefinite.
 * @param options `{ riskFreeRate = 0, bounds = [0, 1], constraints, objectives, ridge = "auto", cutoff = 1e-8 }`.
 * @returns weights (fractions summing to 1) labelled like `cov`.
 * @throws InputError for malformed inputs (labels differ, NaN, bad bounds or risk-free rate).
 * @throws InfeasibleError when no asset's expected return exceeds the risk-free rate ("maxSharpe: no asset has
 *   expected return above the risk-free rate 0.05 (best: XYZ 0.031); lower the risk-free rate or use
 *   minVolatility"), when the constraints cap the return at or below it, or when the constraints admit no portfolio.
 * @throws NumericalError when the covariance is not positive semidefinite (even a ridge does not make it definite).
 *
 * @example
 * ```ts
 * // Two uncorrelated assets: w ∝ Σ⁻¹(μ − rf) = (0.1/0.04, 0.2/0.09) → (0.529, 0.471)
 * maxSharpe({ labels: ["A", "B"], values: Float64Array.of(0.1, 0.2) },
 *   { labels: ["A", "B"], values: Float64Array.of(0.04, 0, 0, 0.09) }).values;
 * // => ≈ Float64Array [0.5294, 0.4706]
 * ```
 */
export function maxSharpe(mu: ExpectedReturns, cov: LabelledMatrix, options: MaxSharpeOptions = {}): Weights {
  const caller = "maxSharpe";
  const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  if (typeof riskFreeRate !== "number" || !Number.isFinite(riskFreeRate)) {
    throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${riskFreeRate} must be a finite annual rate, e.g. 0.02`, { riskFreeRate });
  }
  const setup = setupMeanVariance(caller, cov, mu, options, 1);
  const { n, system } = setup;

  // Diagnosis: the Sharpe ratio can only be positive if some portfolio beats the risk-free rate.
  let best = 0;
  for (let i = 1; i < n; i++) if (setup.mu[i]! > setup.mu[best]!) best = i;
  if (!(setup.mu[best]! > riskFreeRate)) {
    throw new InfeasibleError(
      "NO_EXCESS_RETURN",
      `${caller}: no asset has expected return above the risk-free rate ${riskFreeRate} (best: ${setup.labels[best]} ${formatNumber(setup.mu[best]!)}); lower the risk-free rate or use minVolatility`,
      { riskFreeRate, best: setup.labels[best], bestReturn: setup.mu[best] },
    );
  }
  const highest = maxReturnOver(system, setup.mu).value;
  if (!(highest > riskFreeRate + 1e-12)) {
    throw new InfeasibleError(
      "NO_EXCESS_RETURN",
      `${caller}: the highest expected return these ${system.isBoxAndBudget ? "bounds" : "bounds and constraints"} allow is ${formatNumber(highest)}, not above the risk-free rate ${riskFreeRate}; lower the risk-free rate, relax the constraints or use minVolatility`,
      { riskFreeRate, maxReturn: highest },
    );
  }

  // The problem in y = k·w (k = Σ yᵢ over the assets).
  const N = system.nVariables;
  const lower = new Float64Array(N).fill(-Infinity);
  const upper = new Float64Array(N).fill(Infinity);
  const rows: LinearRow[] = [];
  const assets = Array.from({ length: n }, (_, i) => i);
  let allLowerNonNegative = true;
  for (let i = 0; i < n; i++) if (system.lower[i]! < 0) allLowerNonNegative = false;
  // a·y ≤ b·k  ⇔  (a − b·𝟙_assets)·y ≤ 0
  const scaled = (indices: readonly number[], values: readonly number[], b: number, sign: number) => {
    const coefficients = new Map<number, number>();
    indices.forEach((j, k) => coefficients.set(j, (coefficients.get(j) ?? 0) + sign * values[k]!));
    if (b !== 0) for (const i of assets) coefficients.set(i, (coefficients.get(i) ?? 0) - sign * b);
    return { indices: [...coefficients.keys()], values: [...coefficients.values()] };
  };
  for (let j = 0; j < N; j++) {
    const lo = system.lower[j]!;
    const hi = system.upper[j]!;
    if (lo === 0) lower[j] = 0;
    else if (lo > -Infinity) rows.push({ ...scaled([j], [1], lo, -1), lower: -Infinity, upper: 0, source: system.lowerSource[j]!, description: `${system.variableNames[j]} ≥ ${lo}` });
    if (hi === 0) upper[j] = 0;
    else if (hi < Infinity && !(j < n && hi >= 1 && allLowerNonNegative)) {
      rows.push({ ...scaled([j], [1], hi, 1), lower: -Infinity, upper: 0, source: system.upperSource[j]!, description: `${system.variableNames[j]} ≤ ${hi}` });
    }
  }
  for (const row of system.rows) {
    if (row.source === "budget") continue; // Σw = 1 is k = Σy, an identity
    if (row.upper < Infinity) rows.push({ ...scaled(row.indices, row.values, row.upper, 1), lower: row.lower === row.upper ? 0 : -Infinity, upper: 0, source: row.source, description: row.description });
    if (row.lower > -Infinity && row.lower !== row.upper) rows.push({ ...scaled(row.indices, row.values, row.lower, -1), lower: -Infinity, upper: 0, source: row.source, description: row.description });
  }
  if (!allLowerNonNegative) rows.push({ indices: assets, values: assets.map(() => -1), lower: -Infinity, upper: 0, source: "budget", description: "k ≥ 0" });
  rows.push({ indices: assets, values: assets.map((i) => setup.mu[i]! - riskFreeRate), lower: 1, upper: 1, source: "max Sharpe", description: "(μ − rf)ᵀy = 1" });

  // Long-only without other rows: one equality and bounds over the assets alone, whose first working set the
  // solver's projected-gradient guess finds better than the heuristic of firstWorkingSet.
  const onlyAssets = rows.length === 1 && N === n;
  const { x } = solvePortfolioQp(
    { nAssets: n, Q: curvatureOf(objectiveOf(setup, 1, 0).Q, n, N), c: new Float64Array(N), lower, upper, ...rowsToDense(rows, N) },
    { caller, maxHoldings: system.maxHoldings, initialWorkingSet: onlyAssets ? undefined : firstWorkingSet(setup, riskFreeRate, lower, N), ridgeOnFailure: setup.ridgeOnFailure },
  );
  let k = 0;
  for (let i = 0; i < n; i++) k += x[i]!;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = x[i]! / k;
  return weightsOf(setup, w);
}

/** The `N × N` curvature in `y`: the assets' `n × n` block `Qw` (used as is when `N = n`) and a small ridge on the auxiliary variables. */
function curvatureOf(Qw: Float64Array, n: number, N: number): Float64Array {
  if (N === n) return Qw;
  const Q = new Float64Array(N * N);
  let trace = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) Q[i * N + j] = Qw[i * n + j]!;
    trace += Qw[i * n + i]!;
  }
  for (let j = n; j < N; j++) Q[j * N + j] = AUXILIARY_RIDGE * (trace / n);
  return Q;
}

/**
 * First working set when there are rows beyond the return equality: the best assets by excess return per unit
 * variance and per unit volatility, the variables with non-zero lower bounds, and the auxiliary variables (and
 * assets) of the rows that tie them together.
 */
function firstWorkingSet(setup: MeanVarianceSetup, riskFreeRate: number, lower: Float64Array, N: number): number[] {
  const { n, system } = setup;
  const assets = Array.from({ length: n }, (_, i) => i);
  const K = Math.min(n, 10 + Math.ceil(2 * Math.sqrt(n)));
  const excess = (i: number) => setup.mu[i]! - riskFreeRate;
  const variance = (i: number) => Math.max(setup.cov[i * n + i]!, Number.MIN_VALUE);
  const ranked = (score: (i: number) => number) => assets.slice().sort((a, b) => score(b) - score(a)).slice(0, K);
  const start = new Set([...ranked((i) => excess(i) / variance(i)), ...ranked((i) => excess(i) / Math.sqrt(variance(i)))]);
  for (let j = 0; j < N; j++) if (lower[j] !== 0) start.add(j);
  // Auxiliary variables of rows pinned away from 0 (a current holding's turnover rows) and their assets; the
  // others (e.g. the turnover of assets neither held nor chosen) start fixed at 0.
  for (const row of system.rows) {
    if (row.limit !== undefined || !row.indices.some((j) => j >= n)) continue;
    if ((Number.isFinite(row.lower) && row.lower !== 0) || (Number.isFinite(row.upper) && row.upper !== 0)) for (const j of row.indices) start.add(j);
  }
  for (const row of system.rows) {
    if (row.limit !== undefined || row.indices.filter((j) => j < n).length > 2) continue;
    if (row.indices.some((j) => j < n && start.has(j))) for (const j of row.indices) start.add(j);
  }
  return [...start].sort((a, b) => a - b);
}
