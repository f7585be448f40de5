/**
 * The highest expected excess return per unit of an ordered-weighted-average risk measure: one linear programme
 * (Charnes–Cooper), for every measure of `minOwaRisk`.
 */
import { NumericalError, type DateTable, type Weights } from "../core/index";
import { owaValue, scenarioReturns, type OwaMeasure } from "../measures/index";
import { solveLinearProgramWithHighs } from "../optim/index";
import { cleanLpWeights, type CvarOptions } from "./cvar-problem";
import { LpRows, pushCharnesCooperRows } from "./lp-rows";
import { owaAlgorithm, owaProblem, pushOwaRows, pushScenarioRows } from "./min-owa-risk";
import { ratioInputs } from "./ratio-inputs";

/** Options of {@link maxOwaRatio}. */
export interface MaxOwaRatioOptions extends Omit<CvarOptions, "constraints" | "marketNeutral"> {
  /** The risk measure (see `owaWeights`). */
  readonly measure: OwaMeasure;
  /** Expected returns per period of the scenarios, one per column (default: the scenarios' mean). */
  readonly mu?: ArrayLike<number>;
  /** Risk-free return per period (default 0). */
  readonly riskFreeRate?: number;
  /** Confidence of the gains' tail of the range measures (default `beta`). */
  readonly gainsBeta?: number;
  /** CVaRs in the tail Gini's approximation (default 100). */
  readonly steps?: number;
}

/** The maximum-ratio portfolio of an ordered-weighted-average measure. */
export interface OwaRatioPortfolio {
  readonly weights: Weights;
  readonly measure: OwaMeasure;
  /** The measure of the weights' scenario returns, per period. */
  readonly risk: number;
  /** `μᵀw`, per period. */
  readonly expectedReturn: number;
  /** `(μᵀw − rf) / risk`. */
  readonly ratio: number;
  readonly nScenarios: number;
}

/**
 * The portfolio with the highest `(μᵀw − rf) / risk(w)` for an ordered-weighted-average measure (Riskfolio-Lib's
 * `obj="Sharpe"` with a historical risk measure). The measures are positively homogeneous, so with `x = k·w` the
 * problem becomes the LP: minimise `risk(x)` subject to `(μ − rf)ᵀx = 1`, `Σx = k`, `k·lo ≤ x ≤ k·hi` (Charnes–
 * Cooper), with `risk(x)` bounded by the rows of `pushOwaRows`. Weight bounds only (no other constraints).
 *
 * @param returns per-period simple returns, dates × tickers; scenarios with a missing value are dropped.
 * @example
 * ```ts
 * (await maxOwaRatio(returns, { measure: "cvarRange" })).ratio;
 * ```
 * @throws InputError UNKNOWN_MEASURE; InfeasibleError NO_EXCESS_RETURN when no portfolio beats the risk-free rate.
 */
export async function maxOwaRatio(returns: DateTable, options: MaxOwaRatioOptions): Promise<OwaRatioPortfolio> {
  const { setup, omega } = owaProblem("maxOwaRatio", returns, options);
  const { n, T, system, caller } = setup;
  const { mu, rf } = ratioInputs(setup, options.mu, options.riskFreeRate, caller);
  const k = n;
  const y = n + 1;
  const a = y + T;
  const b = a + T;
  const m = b + T;
  const N = m + 1;
  const rows = new LpRows();
  pushScenarioRows(rows, setup, y);
  pushOwaRows(rows, omega, { y, a, b, m });
  pushCharnesCooperRows(rows, Array.from(mu, (v) => v - rf), 1, system, k);
  const c = new Float64Array(N);
  for (let i = a; i < m; i++) c[i] = 1;
  const lower = new Float64Array(N).fill(-Infinity);
  const upper = new Float64Array(N).fill(Infinity);
  for (let j = 0; j < n; j++) lower[j] = (system.lower[j] as number) >= 0 ? 0 : -Infinity;
  lower[k] = 0;
  const result = await solveLinearProgramWithHighs(rows.build(c, lower, upper), { algorithm: owaAlgorithm(omega) });
  if (result.status !== "optimal") {
    throw new NumericalError("SOLVER_FAILED", `${caller}: HiGHS stopped with status ${result.status}; check the bounds`, { status: result.status });
  }
  const scale = result.x[k] as number;
  if (!(scale > 0)) throw new NumericalError("SOLVER_FAILED", `${caller}: the programme's scale k is ${scale}, not positive; check the bounds`, { k: scale });
  const weights = cleanLpWeights(setup, Float64Array.from(result.x.subarray(0, n), (v) => v / scale));
  const w = weights.values;
  const risk = owaValue(scenarioReturns(setup.scenarios, n, w), omega);
  const expectedReturn = Array.from(w).reduce((s, x, j) => s + x * (mu[j] as number), 0);
  return { weights, measure: options.measure, risk, expectedReturn, ratio: (expectedReturn - rf) / risk, nScenarios: T };
}
