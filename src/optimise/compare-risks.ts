/**
 * Portfolios measured on several risk measures at once: the table that shows when the measures disagree.
 */
import { InputError, table, vector, type Table } from "../core/index";
import { entropicValueAtRisk, owaValue, owaWeights, OWA_MEASURES, scenarioReturns, type OwaMeasure } from "../measures/index";
import { completeScenarios } from "./cvar-problem";
import { uncompoundedCdar } from "./min-cdar";
import { uncompoundedEdar } from "./min-edar";
import type { Portfolio } from "./portfolio";
import { measureName, RISK_MEASURES, type RiskMeasure } from "./portfolios/index";
import { isDeviationMeasure, scenarioMeasure } from "./scenario-risk-programme";

/** Options of {@link compareRisks} and {@link riskOf}: the tails' confidence, the partial moments' threshold. */
export interface RiskOptions {
  /** Confidence of the tail measures (default 0.95), as the optimisers' `beta`. */
  readonly beta?: number;
  /** τ of the lower partial moments, per period (default 0, as `minRisk`). */
  readonly minimumAcceptableReturn?: number;
}

/** The scenario returns of a portfolio: its weights on every date on which every ticker of its prior has a return. */
function portfolioScenarioReturns(portfolio: Portfolio): Float64Array {
  const { scenarios } = completeScenarios(portfolio.prior.returns, "riskOf");
  return scenarioReturns(scenarios, portfolio.prior.returns.tickers.length, portfolio.weights.values);
}

/**
 * One portfolio's risk under one measure, as the optimisers measure it: `"volatility"` annual from the prior's
 * covariance; the others per period on the scenario returns (the dates on which every ticker has a return): CDaR
 * of the uncompounded cumulative return (`uncompoundedCdar`, as `minCdar`), the ordered-weighted-average
 * measures (`owaWeights`), and the deviation and drawdown measures as `minRisk` takes them (`scenarioMeasure`: MAD;
 * semi-deviation about the mean and SLPM below τ with ddof 1; FLPM below τ; uncompounded drawdowns), EVaR
 * (`entropicValueAtRisk`, exact infimum) and EDaR (`uncompoundedEdar`, as `minEdar`).
 *
 * @example
 * ```ts
 * riskOf(portfolios.equalWeight(p), "tailGini"); // a daily loss fraction
 * ```
 * @throws InputError UNKNOWN_MEASURE naming the measures there are.
 */
export function riskOf(portfolio: Portfolio, measure: RiskMeasure, options: RiskOptions = {}): number {
  return measureOf(portfolio, measure === "volatility" ? new Float64Array(0) : portfolioScenarioReturns(portfolio), measure, options.beta ?? 0.95, options.minimumAcceptableReturn ?? 0);
}

/** {@link riskOf} with the portfolio's scenario returns `y` already computed (unused for volatility). */
function measureOf(portfolio: Portfolio, y: Float64Array, measure: RiskMeasure, beta: number, tau: number): number {
  if (measure === "volatility") return portfolio.volatility;
  if (measure === "cdar") return uncompoundedCdar(y, beta);
  if (isDeviationMeasure(measure)) return scenarioMeasure(measure, y, { beta, minimumAcceptableReturn: tau });
  if (measure === "entropicValueAtRisk") return entropicValueAtRisk(y, { confidence: beta });
  if (measure === "entropicDrawdownAtRisk") return uncompoundedEdar(y, beta);
  if (!OWA_MEASURES.includes(measure)) {
    throw new InputError("UNKNOWN_MEASURE", `riskOf: unknown measure ${String(measure)}; choose one of ${RISK_MEASURES.join(", ")}`, { measure });
  }
  return owaValue(y, owaWeights(measure as OwaMeasure, y.length, { beta }));
}

/**
 * Each portfolio (a row) measured on each measure (a column), in percent: a minimum-risk portfolio is the lowest of
 * its own column, and where another portfolio comes close the two measures agree.
 *
 * @example
 * ```ts
 * compareRisks(minimumRiskPortfolios, ["volatility", "cvar", "giniMeanDifference"]);
 * ```
 * @throws InputError EMPTY_TABLE when there is no portfolio; UNKNOWN_MEASURE.
 */
export function compareRisks(list: readonly Portfolio[], measures: readonly RiskMeasure[] = RISK_MEASURES, options: RiskOptions = {}): Table {
  if (list.length === 0) throw new InputError("EMPTY_TABLE", "compareRisks: no portfolios to compare; pass at least one");
  const labels = list.map((p) => p.name);
  const beta = options.beta ?? 0.95;
  const scenarios = list.map((p) => portfolioScenarioReturns(p)); // once per portfolio, not per measure
  const columns = Object.fromEntries(
    measures.map((m) => [measureName(m), vector({ labels, values: Float64Array.from(list, (p, k) => measureOf(p, scenarios[k] as Float64Array, m, beta, options.minimumAcceptableReturn ?? 0)) }, { unit: "fraction" })]),
  );
  const level = `${Math.round(100 * (options.beta ?? 0.95))} %`;
  return table(columns, { labelName: "portfolio", caption: `Volatility annual; the others per period, tails at ${level}` });
}
