/**
 * Risk budgeting on a prior under any measure: each asset bears its budget's share of the portfolio's risk.
 */
import type { Weights } from "../../core/index";
import type { Prior } from "../../moments/index";
import { Portfolio } from "../portfolio";
import { resolveMeasureBudgets, riskBudgetByMeasure, type RiskBudgetByMeasureOptions } from "../risk-budgeting-by-measure";
import { evarRiskBudget } from "../min-evar";
import { edarRiskBudget } from "../min-edar";
import type { NamedOptions } from "./mean-variance";
import { measureName, type RiskMeasure } from "./scenario";

/** Options of {@link riskBudget}: the measure, the budgets and the measure's settings. */
export interface RiskBudgetOptions extends Omit<RiskBudgetByMeasureOptions, "measure" | "covariance">, NamedOptions {
  /** The measure whose contributions are budgeted. Default `"volatility"`. */
  readonly measure?: RiskMeasure;
}

/**
 * The long-only, fully invested portfolio in which each asset's risk contribution `wᵢ·∂ρ/∂wᵢ` is its budget's share
 * of ρ (equal budgets: risk parity), for any measure of {@link RiskMeasure}: Riskfolio-Lib's `rp_optimization`
 * (`riskBudgetByMeasure`; `evarRiskBudget` for EVaR, `edarRiskBudget` for EDaR). `"volatility"` uses the prior's
 * covariance (as `portfolios.riskParity`); the other measures the prior's returns (per period; the drawdowns uncompounded; τ = 0 for the lower partial moments unless given).
 * `details.risk` is the measure of the weights, `details.budgets` the normalised budgets in ticker order.
 *
 * @example
 * ```ts
 * const p = await portfolios.riskBudget(prior, { measure: "cdar" }); // each asset bears 1/n of the CDaR
 * p.details.risk;
 * ```
 * @throws InputError UNKNOWN_MEASURE, BAD_BUDGETS, BAD_BETA, BAD_TARGET, NONPOSITIVE_RISK; NumericalError NOT_CONVERGED.
 */
export async function riskBudget(
  prior: Prior,
  options: RiskBudgetOptions = {},
): Promise<Portfolio<{ readonly measure: RiskMeasure; readonly risk: number; readonly budgets: readonly number[] }>> {
  const measure = options.measure ?? "volatility";
  const r =
    measure === "entropicValueAtRisk" || measure === "entropicDrawdownAtRisk"
      ? await entropicBudget(prior, measure, options)
      : await riskBudgetByMeasure(prior.returns, { ...options, measure, covariance: measure === "volatility" ? prior.covariance.values : undefined });
  const kind = options.budgets === undefined ? "risk parity" : "risk budgeting";
  return new Portfolio(options.name ?? `${kind} (${measureName(measure)})`, r.weights, prior, {
    riskFreeRate: options.riskFreeRate,
    details: { measure, risk: r.risk, budgets: Array.from(r.budgets) },
  });
}

async function entropicBudget(
  prior: Prior,
  measure: "entropicValueAtRisk" | "entropicDrawdownAtRisk",
  options: RiskBudgetOptions,
): Promise<{ readonly weights: Weights; readonly risk: number; readonly budgets: Float64Array }> {
  const budgets = resolveMeasureBudgets(options.budgets, prior.returns.tickers, "riskBudget");
  if (measure === "entropicDrawdownAtRisk") {
    const r = await edarRiskBudget(prior.returns, budgets, { beta: options.beta });
    return { weights: r.weights, risk: r.edar, budgets };
  }
  const r = await evarRiskBudget(prior.returns, budgets, { beta: options.beta });
  return { weights: r.weights, risk: r.evar, budgets };
}
