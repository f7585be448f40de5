/**
 * Efficient mean–CVaR portfolios, as PyPortfolioOpt's `EfficientCVaR.efficient_return()` and `efficient_risk()`.
 */
import { InfeasibleError, InputError, type ExpectedReturns } from "../core/index";
import type { DateTable, LabelledVector } from "../core/index";
import { formatNumber, formatRounded } from "../core/index";
import { checkSameLabels } from "../core/index";
import { cvarPortfolio, setupCvar, solveCvarProblem, type CvarOptions, type CvarPortfolio } from "./cvar-problem";
import { maxReturnOver } from "./max-return";

/** The target of {@link efficientCvar}: a return to reach at least CVaR, or a CVaR not to exceed. */
export type EfficientCvarTarget = { readonly targetReturn: number } | { readonly targetCvar: number };

/**
 * An efficient mean–CVaR portfolio, by the Rockafellar–Uryasev LP (HiGHS), as PyPortfolioOpt's EfficientCVaR:
 *
 * - `{ targetReturn: r }` — `efficient_return(r)`: minimise CVaR subject to `μᵀw ≥ r`;
 * - `{ targetCvar: c }` — `efficient_risk(c)`: maximise `μᵀw` subject to CVaR ≤ `c`.
 *
 * `mu` is annual (e.g. `meanHistoricalReturn`), while the CVaR is over the scenarios as given — **daily,
 * not annualised**, for daily returns (PyPortfolioOpt's convention); rows with a missing value are dropped.
 * Before solving, a target return above the maximum achievable, or a target CVaR below the minimum achievable
 * (one more LP), is reported with the nearest feasible target.
 *
 * @param mu annual expected returns labelled like `returns.tickers`.
 * @param returns per-period returns, `nDates × nTickers`; `NaN` = missing.
 * @param target `{ targetReturn }` or `{ targetCvar }` (a daily loss fraction, e.g. 0.02).
 * @param options `{ beta = 0.95, bounds, constraints, marketNeutral, cutoff }`.
 * @returns a promise of `{ weights, cvar, expectedReturn, nScenarios }`.
 * @throws InputError for malformed inputs (labels differ, NaN in `mu`, neither or both targets).
 * @throws InfeasibleError, e.g. "efficientCvar: target CVaR 0.01 is below the minimum achievable 0.0148 (per
 *   period, β = 0.95) for these assets and bounds; use a target ≥ 0.0148".
 *
 * @example
 * ```ts
 * const p = await efficientCvar(mu, returnsFromPrices(prices), { targetReturn: 0.15 });
 * p.expectedReturn; // => ≥ 0.15
 * ```
 */
export async function efficientCvar(mu: ExpectedReturns, returns: DateTable, target: EfficientCvarTarget, options: CvarOptions = {}): Promise<CvarPortfolio> {
  const caller = "efficientCvar";
  const hasReturn = typeof target === "object" && target !== null && "targetReturn" in target;
  const hasCvar = typeof target === "object" && target !== null && "targetCvar" in target;
  if (hasReturn === hasCvar) {
    throw new InputError("BAD_TARGET", `${caller}: pass exactly one of { targetReturn } or { targetCvar }`, {});
  }
  const value = hasReturn ? (target as { targetReturn: number }).targetReturn : (target as { targetCvar: number }).targetCvar;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InputError("BAD_TARGET", `${caller}: the target is ${value}; pass a finite number`, { value });
  }
  checkSameLabels(caller, ["mu", mu.labels], ["returns", returns.tickers]);
  for (let i = 0; i < mu.values.length; i++) {
    if (!Number.isFinite(mu.values[i]!)) {
      throw new InputError("NON_FINITE_VALUE", `${caller}: expected return of ${mu.labels[i]} is ${mu.values[i]}; every expected return must be finite`, {
        label: mu.labels[i],
      });
    }
  }
  const setup = setupCvar(caller, returns, options);
  const what = setup.system.isBoxAndBudget ? "bounds" : "bounds and constraints";

  if (hasReturn) {
    const highest = maxReturnOver(setup.system, mu.values).value;
    if (value > highest + 1e-9 * (1 + Math.abs(highest))) {
      throw new InfeasibleError(
        "TARGET_RETURN_TOO_HIGH",
        `${caller}: target return ${value} is above the maximum achievable ${formatNumber(highest)} with these ${what}; use a target ≤ ${formatRounded(highest, "down")}`,
        { targetReturn: value, maxReturn: highest },
      );
    }
    const reachable = Math.min(value, highest - 1e-12 * (1 + Math.abs(highest)));
    const { weights } = await solveCvarProblem(setup, { kind: "minCvar", minReturn: { mu: mu.values, target: reachable } });
    return cvarPortfolio(setup, weights, mu.values);
  }

  const lowest = (await solveCvarProblem(setup, { kind: "minCvar" })).cvar;
  if (value < lowest - 1e-10) {
    throw new InfeasibleError(
      "TARGET_CVAR_TOO_LOW",
      `${caller}: target CVaR ${value} is below the minimum achievable ${formatNumber(lowest)} (per period, β = ${setup.beta}) for these assets and ${what}; use a target ≥ ${formatRounded(lowest, "up")}`,
      { targetCvar: value, minCvar: lowest },
    );
  }
  const { weights } = await solveCvarProblem(setup, { kind: "maxReturn", mu: mu.values, maxCvar: Math.max(value, lowest + 1e-12) });
  return cvarPortfolio(setup, weights, mu.values);
}
