/**
 * The minimum-CVaR portfolio, as PyPortfolioOpt's `EfficientCVaR(None, returns).min_cvar()`.
 */
import type { DateTable } from "../core/index";
import { cvarPortfolio, setupCvar, solveCvarProblem, type CvarOptions, type CvarPortfolio } from "./cvar-problem";

/**
 * Weights minimising the historical conditional value at risk (expected shortfall) at confidence `β` — the
 * mean loss over the worst `1 − β` of scenarios — by the Rockafellar–Uryasev LP, exactly as PyPortfolioOpt's
 * EfficientCVaR: minimise `α + Σₜ uₜ / (T(1 − β))` subject to `uₜ ≥ 0`, `rₜᵀw + α + uₜ ≥ 0`, `Σw = 1` (0 when
 * market neutral), bounds and constraints. Solved with HiGHS (asynchronous: the WebAssembly solver loads once).
 *
 * **Convention (PyPortfolioOpt's):** the scenarios are the rows of `returns` as given — daily returns for a daily
 * table, **not annualised** — so the CVaR is a daily loss fraction (0.0148 = 1.48 % of the portfolio on an
 * average bad day). Rows with any missing value are dropped (PyPortfolioOpt warns "Removing NaNs from returns").
 *
 * @param returns per-period returns (e.g. `returnsFromPrices(prices)`), shape `nDates × nTickers`; `NaN` = missing.
 * @param options `{ beta = 0.95, bounds = [0, 1], constraints, marketNeutral = false, cutoff = 1e-8 }`.
 * @returns a promise of `{ weights, cvar, expectedReturn: NaN, nScenarios }`.
 * @throws InputError for a malformed table, β outside [0, 1) or fewer than 2 complete rows.
 * @throws InfeasibleError when the bounds or constraints admit no portfolio (the message names the constraint).
 *
 * @example
 * ```ts
 * // β = 0.5: the mean of the 2 worst of 4 daily losses; the best mix of A and B is 1/6, 5/6
 * const returns = { dates: ["d1", "d2", "d3", "d4"], tickers: ["A", "B"],
 *   values: Float64Array.of(-0.04, 0.02, 0.02, -0.02, 0.01, 0.01, 0.01, 0.01) };
 * const p = await minCvar(returns, { beta: 0.5 });
 * p.weights.values; // => ≈ Float64Array [0.1667, 0.8333]
 * p.cvar;           // => ≈ 0.001667 (a daily loss fraction)
 * ```
 */
export async function minCvar(returns: DateTable, options: CvarOptions = {}): Promise<CvarPortfolio> {
  const setup = setupCvar("minCvar", returns, options);
  const { weights } = await solveCvarProblem(setup, { kind: "minCvar" });
  return cvarPortfolio(setup, weights);
}
