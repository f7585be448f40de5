/**
 * The portfolio with the highest expected excess return per unit of CVaR, as Riskfolio-Lib's
 * `Portfolio.optimization(model="Classic", rm="CVaR", obj="Sharpe")`.
 */
import { InfeasibleError, InputError, NumericalError } from "../core/index";
import type { DateTable, Weights } from "../core/index";
import { solveLinearProgramWithHighs } from "../optim/index";
import { cvarPortfolio, setupCvar, type CvarOptions } from "./cvar-problem";
import { ratioInputs } from "./ratio-inputs";
import { LpRows, pushCharnesCooperRows, scenarioEntries } from "./lp-rows";

/** Options of {@link maxCvarRatio}. */
export interface MaxCvarRatioOptions extends Omit<CvarOptions, "constraints" | "marketNeutral"> {
  /**
   * Expected returns **per period of the scenarios** (daily for daily returns), one per column of `returns`.
   * Default: the scenarios' mean, as Riskfolio-Lib's `mu = returns.mean()`.
   */
  readonly mu?: ArrayLike<number>;
  /** Risk-free return per period of the scenarios. Default 0. */
  readonly riskFreeRate?: number;
}

/** A portfolio from {@link maxCvarRatio}. */
export interface CvarRatioPortfolio {
  readonly weights: Weights;
  /** Historical CVaR at β of the weights, per period, a positive loss. */
  readonly cvar: number;
  /** `μᵀw`, per period. */
  readonly expectedReturn: number;
  /** `(μᵀw − rf) / CVaR`. */
  readonly ratio: number;
  readonly nScenarios: number;
}

/**
 * Weights that maximise `(μᵀw − rf) / CVaR_β(w)` within per-asset bounds, fully invested. The ratio is
 * quasi-concave and CVaR positively homogeneous, so the Charnes–Cooper substitution `y = k·w`, `k ≥ 0` makes it
 * one linear programme (solved with HiGHS):
 *
 * minimise `α + Σₜ uₜ / (T(1 − β))` s.t. `uₜ ≥ −rₜᵀy − α`, `u ≥ 0`, `(μ − rf)ᵀy = 1`, `Σy = k`, `k·lᵢ ≤ yᵢ ≤ k·uᵢ`;
 * then `w = y / k`.
 *
 * @param returns per-period returns (rows with a missing value are dropped).
 * @param options `{ beta = 0.95, bounds = [0, 1], mu = mean of the scenarios, riskFreeRate = 0, cutoff = 1e-8 }`.
 * @throws InputError for malformed returns, β outside [0, 1), a `mu` of the wrong length or not finite.
 * @throws InfeasibleError when no portfolio within the bounds has an expected return above `riskFreeRate`.
 *
 * @example
 * ```ts
 * const p = await maxCvarRatio(returns, { beta: 0.95 });
 * p.ratio; // => the highest mean return per unit of daily CVaR any long-only portfolio reaches
 * ```
 */
export async function maxCvarRatio(returns: DateTable, options: MaxCvarRatioOptions = {}): Promise<CvarRatioPortfolio> {
  const caller = "maxCvarRatio";
  const setup = setupCvar(caller, returns, options);
  const { n, T, scenarios, beta, system } = setup;
  const { mu, rf } = ratioInputs(setup, options.mu, options.riskFreeRate, caller);

  const k = n;
  const alpha = n + 1;
  const u = n + 2;
  const N = n + 2 + T;
  const rows = new LpRows();
  for (let t = 0; t < T; t++) {
    const entries = scenarioEntries(scenarios, t, n);
    entries.push([alpha, 1], [u + t, 1]);
    rows.push(entries, 0, Infinity);
  }
  pushCharnesCooperRows(rows, Array.from(mu, (m) => m - rf), 1, system, k);
  const c = new Float64Array(N);
  c[alpha] = 1;
  for (let t = 0; t < T; t++) c[u + t] = 1 / (T * (1 - beta));
  const lower = new Float64Array(N);
  const upper = new Float64Array(N).fill(Infinity);
  for (let j = 0; j < n; j++) lower[j] = system.lower[j]! >= 0 ? 0 : -Infinity;
  lower[alpha] = -Infinity;
  const result = await solveLinearProgramWithHighs(rows.build(c, lower, upper));
  if (result.status !== "optimal") {
    throw new NumericalError("SOLVER_FAILED", `${caller}: HiGHS stopped with status ${result.status}; check the bounds`, { status: result.status });
  }
  if (!(result.x[k]! > 0)) {
    throw new NumericalError("SOLVER_FAILED", `${caller}: the programme's scale k is ${result.x[k]}, not positive; check the bounds`, { k: result.x[k] });
  }
  const scale = result.x[k]!;
  const portfolio = cvarPortfolio(setup, Float64Array.from(result.x.subarray(0, n), (y) => y / scale), mu);
  return { ...portfolio, weights: { ...portfolio.weights, kind: "weights" }, ratio: (portfolio.expectedReturn - rf) / portfolio.cvar };
}
