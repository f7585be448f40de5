/**
 * Scenario-based portfolios on a prior's returns (each period one scenario): minimum CVaR, minimum CDaR, maximum
 * return per unit of CVaR. Each takes `(prior, options)` and resolves to a {@link Portfolio}.
 */
import type { Prior } from "../../moments/index";
import type { CvarOptions } from "../cvar-problem";
import { maxCvarRatio as maxCvarRatioWeights, type MaxCvarRatioOptions } from "../max-cvar-ratio";
import { minCdar as minCdarWeights } from "../min-cdar";
import { minCvar as minCvarWeights } from "../min-cvar";
import { Portfolio } from "../portfolio";
import { maxSharpe, minVolatility, type NamedOptions } from "./mean-variance";
import { maxOwaRatio, type MaxOwaRatioOptions } from "../max-owa-ratio";
import { minOwaRisk, type MinOwaRiskOptions } from "../min-owa-risk";
import { OWA_MEASURES, type OwaMeasure } from "../../measures/index";
import { InputError } from "../../core/index";
import { DEVIATION_MEASURES, isDeviationMeasure, type DeviationMeasure } from "../scenario-risk-programme";
import { minScenarioRisk } from "../min-scenario-risk";
import { maxScenarioRatio } from "../max-scenario-ratio";
import { maxEvarRatio, minEvar } from "../min-evar";
import { maxEdarRatio, minEdar } from "../min-edar";

const level = (beta: number | undefined) => `${Math.round(100 * (beta ?? 0.95))} %`;

/**
 * Minimum historical CVaR at confidence `beta` (default 0.95), PyPortfolioOpt's `EfficientCVaR.min_cvar`, on the
 * prior's returns. `details.cvar` is the optimum's CVaR (a loss per period, positive fraction).
 *
 * @example
 * ```ts
 * (await portfolios.minCvar(p, { bounds: [0, 0.25] })).details.cvar;
 * ```
 */
export async function minCvar(prior: Prior, options: CvarOptions & NamedOptions = {}): Promise<Portfolio<{ readonly cvar: number }>> {
  const r = await minCvarWeights(prior.returns, options);
  return new Portfolio(options.name ?? `min CVaR ${level(options.beta)}`, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { cvar: r.cvar } });
}

/**
 * Minimum conditional drawdown at risk, PyPortfolioOpt's `EfficientCDaR.min_cdar`, on the prior's returns.
 * `details.cdar` is the optimum's CDaR (a fraction of the peak).
 *
 * @example
 * ```ts
 * (await portfolios.minCdar(p)).details.cdar;
 * ```
 */
export async function minCdar(prior: Prior, options: CvarOptions & NamedOptions = {}): Promise<Portfolio<{ readonly cdar: number }>> {
  const r = await minCdarWeights(prior.returns, options);
  return new Portfolio(options.name ?? `min CDaR ${level(options.beta)}`, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { cdar: r.cdar } });
}

/**
 * The highest mean excess return per unit of CVaR (Riskfolio-Lib's CVaR Sharpe), on the prior's returns.
 *
 * @example
 * ```ts
 * (await portfolios.maxCvarRatio(p)).details.ratio;
 * ```
 */
export async function maxCvarRatio(prior: Prior, options: MaxCvarRatioOptions & NamedOptions = {}): Promise<Portfolio<{ readonly cvar: number; readonly ratio: number }>> {
  const r = await maxCvarRatioWeights(prior.returns, options);
  return new Portfolio(options.name ?? "max return/CVaR", r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { cvar: r.cvar, ratio: r.ratio } });
}

/**
 * The measures {@link minRisk} minimises: volatility (the mean-variance minimum), CDaR, the OWA measures, and the
 * deviation, lower-partial-moment and drawdown measures (`DeviationMeasure`: MAD, semi-deviation, FLPM, SLPM, maximum
 * and average drawdown, Ulcer index), the entropic value at risk (EVaR, weight bounds only) and the entropic drawdown at
 * risk (EDaR, of the uncompounded cumulative return: every linear constraint for minimum risk, weight bounds for the ratio).
 */
export type RiskMeasure = "volatility" | "cdar" | OwaMeasure | DeviationMeasure | "entropicValueAtRisk" | "entropicDrawdownAtRisk";

/** Every {@link RiskMeasure}. */
export const RISK_MEASURES: readonly RiskMeasure[] = ["volatility", "cdar", ...OWA_MEASURES, ...DEVIATION_MEASURES, "entropicValueAtRisk", "entropicDrawdownAtRisk"];

/** Options of the deviation measures beside those of the OWA optimisers: τ of the lower partial moments. */
interface ThresholdOption {
  /** τ of the lower partial moments, per period. Default 0 for {@link minRisk}, the risk-free rate for {@link maxRatio}. */
  readonly minimumAcceptableReturn?: number;
}

/**
 * The portfolio of least risk under one measure, on the prior: `"volatility"` (minimum volatility on the prior's
 * covariance), `"cdar"` (minimum CDaR) or a measure of the returns' ordered weighted average (`"cvar"`,
 * `"worstRealisation"`, `"giniMeanDifference"`, `"tailGini"`, `"range"`, `"cvarRange"`, `"tailGiniRange"`, on the
 * prior's returns). `details.risk` is the optimum's value of the measure (per period; annual volatility for
 * `"volatility"`).
 *
 * @example
 * ```ts
 * const measures = ["volatility", "cvar", "giniMeanDifference"] as const;
 * comparePortfolios(await Promise.all(measures.map((m) => portfolios.minRisk(p, { measure: m }))));
 * ```
 * @throws InputError UNKNOWN_MEASURE naming the measures there are; those of the optimiser behind the measure.
 */
export async function minRisk(prior: Prior, options: Omit<MinOwaRiskOptions, "measure"> & NamedOptions & ThresholdOption & { readonly measure: RiskMeasure }): Promise<Portfolio<{ readonly measure: RiskMeasure; readonly risk: number }>> {
  const { measure } = options;
  const name = options.name ?? `min ${measureName(measure)}`;
  if (measure === "volatility") {
    const { beta: _beta, gainsBeta: _gainsBeta, steps: _steps, minimumAcceptableReturn: _tau, ...rest } = options;
    const p = minVolatility(prior, { ...rest, name });
    return new Portfolio(name, p.weights, prior, { riskFreeRate: options.riskFreeRate, details: { measure, risk: p.volatility } });
  }
  if (measure === "cdar") {
    const r = await minCdarWeights(prior.returns, options);
    return new Portfolio(name, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { measure, risk: r.cdar } });
  }
  if (isDeviationMeasure(measure)) {
    const r = await minScenarioRisk(prior.returns, { ...options, measure });
    return new Portfolio(name, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { measure, risk: r.risk } });
  }
  if (measure === "entropicValueAtRisk") {
    const r = await minEvar(prior.returns, options);
    return new Portfolio(name, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { measure, risk: r.evar } });
  }
  if (measure === "entropicDrawdownAtRisk") {
    const r = await minEdar(prior.returns, options);
    return new Portfolio(name, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { measure, risk: r.edar } });
  }
  if (!OWA_MEASURES.includes(measure)) {
    throw new InputError("UNKNOWN_MEASURE", `minRisk: unknown measure ${String(measure)}; choose one of ${RISK_MEASURES.join(", ")}`, { measure });
  }
  const r = await minOwaRisk(prior.returns, { ...options, measure });
  return new Portfolio(name, r.weights, prior, { riskFreeRate: options.riskFreeRate, details: { measure, risk: r.risk } });
}

/** A measure in words, for names and captions: `"giniMeanDifference"` → `"Gini mean difference"`. */
export function measureName(measure: RiskMeasure): string {
  const names: Record<RiskMeasure, string> = {
    volatility: "volatility",
    cdar: "CDaR",
    cvar: "CVaR",
    worstRealisation: "worst realisation",
    giniMeanDifference: "Gini mean difference",
    tailGini: "tail Gini",
    range: "range",
    cvarRange: "CVaR range",
    tailGiniRange: "tail-Gini range",
    meanAbsoluteDeviation: "mean absolute deviation",
    semiDeviation: "semi-deviation",
    firstLowerPartialMoment: "first lower partial moment",
    secondLowerPartialMoment: "second lower partial moment",
    maxDrawdown: "maximum drawdown",
    averageDrawdown: "average drawdown",
    ulcerIndex: "Ulcer index",
    entropicValueAtRisk: "EVaR",
    entropicDrawdownAtRisk: "EDaR",
  };
  return names[measure];
}

/**
 * The least risky portfolio under each of several measures ({@link minRisk}), in order, one after another.
 *
 * @example
 * ```ts
 * const list = await portfolios.minRiskByMeasure(p, RISK_MEASURES, { bounds: [0, 0.3] });
 * comparePortfolios(list);
 * ```
 */
export async function minRiskByMeasure(prior: Prior, measures: readonly RiskMeasure[], options: Omit<MinOwaRiskOptions, "measure"> & Omit<NamedOptions, "name"> & ThresholdOption = {}): Promise<Portfolio<{ readonly measure: RiskMeasure; readonly risk: number }>[]> {
  const out: Portfolio<{ readonly measure: RiskMeasure; readonly risk: number }>[] = [];
  for (const measure of measures) out.push(await minRisk(prior, { ...options, measure }));
  return out;
}

/**
 * The portfolio with the highest expected excess return per unit of risk under one measure: `"volatility"` is
 * maximum Sharpe on the prior's annual μ and Σ; an ordered-weighted-average measure (`"cvar"`, `"tailGini"`,
 * `"range"`…), CDaR and a deviation or drawdown measure (`"meanAbsoluteDeviation"`, `"ulcerIndex"`…) use the
 * per-period mean of the prior's returns against the annual risk-free rate divided by the prior's frequency
 * (Riskfolio-Lib's `obj="Sharpe"` with a historical measure; the lower partial moments' τ is that rate: the Omega and
 * Sortino ratios). `details.ratio` is the optimum's ratio in the measure's units.
 *
 * @example
 * ```ts
 * (await portfolios.maxRatio(p, { measure: "cvar", bounds: [0, 0.3] })).details.ratio;
 * ```
 * @throws InputError UNKNOWN_MEASURE; InfeasibleError NO_EXCESS_RETURN.
 */
export async function maxRatio(prior: Prior, options: Omit<MaxOwaRatioOptions, "measure" | "riskFreeRate" | "mu"> & NamedOptions & ThresholdOption & { readonly measure: RiskMeasure }): Promise<Portfolio<{ readonly measure: RiskMeasure; readonly ratio: number }>> {
  const { measure } = options;
  const name = options.name ?? `max return/${measureName(measure)}`;
  const riskFreeRate = options.riskFreeRate ?? 0.02;
  if (measure === "volatility") {
    const { beta: _beta, gainsBeta: _gainsBeta, steps: _steps, minimumAcceptableReturn: _tau, ...rest } = options;
    const p = maxSharpe(prior, { ...rest, riskFreeRate, name });
    return new Portfolio(name, p.weights, prior, { riskFreeRate, details: { measure, ratio: p.sharpe } });
  }
  if (isDeviationMeasure(measure)) {
    const r = await maxScenarioRatio(prior.returns, { ...options, measure, riskFreeRate: riskFreeRate / prior.frequency });
    return new Portfolio(name, r.weights, prior, { riskFreeRate, details: { measure, ratio: r.ratio } });
  }
  if (measure === "entropicValueAtRisk") {
    const r = await maxEvarRatio(prior.returns, { ...options, riskFreeRate: riskFreeRate / prior.frequency });
    return new Portfolio(name, r.weights, prior, { riskFreeRate, details: { measure, ratio: r.ratio } });
  }
  if (measure === "entropicDrawdownAtRisk") {
    const r = await maxEdarRatio(prior.returns, { ...options, riskFreeRate: riskFreeRate / prior.frequency });
    return new Portfolio(name, r.weights, prior, { riskFreeRate, details: { measure, ratio: r.ratio } });
  }
  if (!OWA_MEASURES.includes(measure)) {
    throw new InputError("UNKNOWN_MEASURE", `maxRatio: unknown measure ${String(measure)}; choose one of ${RISK_MEASURES.join(", ")}`, { measure });
  }
  const r = await maxOwaRatio(prior.returns, { ...options, measure, riskFreeRate: riskFreeRate / prior.frequency });
  return new Portfolio(name, r.weights, prior, { riskFreeRate, details: { measure, ratio: r.ratio } });
}
