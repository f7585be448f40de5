/**
 * The risk of a cluster's sub-portfolio, under the measure a hierarchical allocation splits by (skfolio's
 * `risk_measure` of `HierarchicalRiskParity` and `HierarchicalEqualRiskContribution`).
 */
import { InputError, type DateTable } from "../../core/index";
import {
  averageDrawdown,
  centralMoment,
  drawdownAtRisk,
  drawdownCvar,
  drawdownSeries,
  empiricalTail,
  entropicDrawdownAtRisk,
  entropicRiskMeasure,
  entropicValueAtRisk,
  giniMeanDifference,
  lowerPartialMoment,
  meanAbsoluteDeviation,
  semiDeviation,
  semiVariance,
  ulcerIndex,
  worstRealisation,
} from "../../measures/index";

/** The measures a hierarchical allocation can split by, named as in this library's measures layer. */
export type ClusterRiskMeasureName =
  | "variance"
  | "standardDeviation"
  | "semiVariance"
  | "semiDeviation"
  | "meanAbsoluteDeviation"
  | "firstLowerPartialMoment"
  | "fourthLowerPartialMoment"
  | "fourthCentralMoment"
  | "valueAtRisk"
  | "cvar"
  | "evar"
  | "entropicRiskMeasure"
  | "worstRealisation"
  | "giniMeanDifference"
  | "drawdownAtRisk"
  | "cdar"
  | "maxDrawdown"
  | "averageDrawdown"
  | "edar"
  | "ulcerIndex";

/** A measure of one's own: a positive risk of a per-period portfolio return series. */
export interface CustomClusterRiskMeasure {
  /** Its name, for messages and portfolio names. */
  readonly name: string;
  /** The risk (> 0) of per-period portfolio returns. */
  readonly risk: (portfolioReturns: Float64Array) => number;
}

/** A named measure ({@link CLUSTER_RISK_MEASURES}) or one's own. */
export type ClusterRiskMeasure = ClusterRiskMeasureName | CustomClusterRiskMeasure;

/** Every named {@link ClusterRiskMeasure}, variance first (the default). */
export const CLUSTER_RISK_MEASURES: readonly ClusterRiskMeasureName[] = Object.freeze([
  "variance",
  "standardDeviation",
  "semiVariance",
  "semiDeviation",
  "meanAbsoluteDeviation",
  "firstLowerPartialMoment",
  "fourthLowerPartialMoment",
  "fourthCentralMoment",
  "valueAtRisk",
  "cvar",
  "evar",
  "entropicRiskMeasure",
  "worstRealisation",
  "giniMeanDifference",
  "drawdownAtRisk",
  "cdar",
  "maxDrawdown",
  "averageDrawdown",
  "edar",
  "ulcerIndex",
] as const);

/** What a cluster's risk is computed from. */
export interface ClusterRiskData {
  /** Tickers, length n. */
  readonly labels: readonly string[];
  /** Row-major `n × n` covariance (any scale) — what variance and standard deviation use. */
  readonly covariance?: Float64Array;
  /** Per-period returns, dates × the same tickers — what every other measure uses. */
  readonly returns?: DateTable;
}

/** Options of {@link clusterRisk}. */
export interface ClusterRiskOptions {
  /** Confidence c of the tail measures (VaR, CVaR, EVaR, entropic risk, DaR, CDaR, EDaR): default 0.95 (skfolio's β). */
  readonly confidence?: number;
}

/** A cluster's risk: asset indices and their weights (summing to 1) in, the sub-portfolio's risk out. */
export type ClusterRiskFunction = (items: readonly number[], weights: readonly number[]) => number;

/**
 * The function that gives the risk of a sub-portfolio under a measure, with skfolio's conventions (its `Portfolio`
 * measures): variance `wᵀΣw` and standard deviation `√(wᵀΣw)` from the covariance; every other measure on the
 * per-period portfolio returns `Σⱼ wⱼ rₜⱼ` — semi-variance/deviation about the mean with ddof 1, mean absolute
 * deviation and lower partial moments about the mean, VaR and CVaR of the fractional tail, EVaR with skfolio's search
 * floor, drawdowns uncompounded (`Σ r`, skfolio's `compounded=False`) with the first period as the first peak.
 * Per period, not annualised (the weights of a hierarchical allocation depend only on ratios of risks).
 *
 * @param measure a named measure or a {@link CustomClusterRiskMeasure}.
 * @param data the covariance and/or the returns.
 * @param options `{ confidence = 0.95 }`.
 * @param caller the public function name used to prefix error messages.
 * @returns the risk function.
 * @throws InputError UNKNOWN_MEASURE naming the measures there are; RETURNS_NEEDED when a returns-based measure
 *   has no returns (or a covariance one no covariance); MISSING_RETURN naming the ticker and date of a missing return.
 *
 * @example
 * ```ts
 * const risk = clusterRisk("variance", { labels: ["A", "B"], covariance: Float64Array.of(1, 0, 0, 4) }, {}, "f");
 * risk([0, 1], [0.8, 0.2]); // => 0.8 (0.64 · 1 + 0.04 · 4)
 * ```
 */
export function clusterRisk(measure: ClusterRiskMeasure, data: ClusterRiskData, options: ClusterRiskOptions, caller: string): ClusterRiskFunction {
  const n = data.labels.length;
  if (measure === "variance" || measure === "standardDeviation") {
    const cov = data.covariance;
    if (cov === undefined) throw new InputError("RETURNS_NEEDED", `${caller}: the ${measure} measure needs a covariance`, { measure });
    const root = measure === "standardDeviation";
    return (items, weights) => {
      let v = 0;
      for (let a = 0; a < items.length; a++) {
        let row = 0;
        for (let b = 0; b < items.length; b++) row += cov[items[a]! * n + items[b]!]! * weights[b]!;
        v += weights[a]! * row;
      }
      return root ? Math.sqrt(v) : v;
    };
  }
  const seriesRisk = seriesMeasure(measure, options, caller);
  const returns = data.returns;
  if (returns === undefined) {
    throw new InputError("RETURNS_NEEDED", `${caller}: the ${nameOfMeasure(measure)} measure needs returns; pass the returns (a prior has them)`, { measure: nameOfMeasure(measure) });
  }
  const T = returns.dates.length;
  const m = returns.tickers.length;
  if (m !== n || returns.values.length !== T * m || returns.tickers.some((t, k) => t !== data.labels[k])) {
    throw new InputError("BAD_RETURNS", `${caller}: returns have ${m} tickers and ${returns.values.length} values for ${T} dates; pass dates × the ${n} tickers, in the covariance's order`, { n, m });
  }
  const columns = new Float64Array(n * T);
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < n; j++) {
      const r = returns.values[t * m + j]!;
      if (!Number.isFinite(r)) {
        throw new InputError("MISSING_RETURN", `${caller}: the return of ${returns.tickers[j]} on ${returns.dates[t]} is ${r}; the ${nameOfMeasure(measure)} measure needs every return (drop the date or the ticker)`, {
          ticker: returns.tickers[j],
          date: returns.dates[t],
        });
      }
      columns[j * T + t] = r;
    }
  }
  const series = new Float64Array(T);
  return (items, weights) => {
    series.fill(0);
    for (let a = 0; a < items.length; a++) {
      const w = weights[a]!;
      const offset = items[a]! * T;
      for (let t = 0; t < T; t++) series[t] = series[t]! + w * columns[offset + t]!;
    }
    return seriesRisk(series);
  };
}

/**
 * A measure's name, for messages and portfolio names.
 *
 * @example
 * ```ts
 * nameOfMeasure("cvar");                                  // => "cvar"
 * nameOfMeasure({ name: "range", risk: (r) => r[0]! });   // => "range"
 * ```
 */
export function nameOfMeasure(measure: ClusterRiskMeasure): string {
  return typeof measure === "string" ? measure : measure.name;
}

function seriesMeasure(measure: ClusterRiskMeasure, options: ClusterRiskOptions, caller: string): (r: Float64Array) => number {
  if (typeof measure === "object" && measure !== null && typeof measure.risk === "function") return measure.risk;
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new InputError("BAD_CONFIDENCE", `${caller}: confidence ${confidence} must lie in (0, 1), e.g. 0.95`, { confidence });
  }
  const drawdowns = (r: Float64Array) => drawdownSeries(r, { compounded: false, startIsPeak: false });
  switch (measure) {
    case "semiVariance":
      return (r) => semiVariance(r, { ddof: 1 });
    case "semiDeviation":
      return (r) => semiDeviation(r, { ddof: 1 });
    case "meanAbsoluteDeviation":
      return (r) => meanAbsoluteDeviation(r);
    case "firstLowerPartialMoment":
      return (r) => lowerPartialMoment(r, 1);
    case "fourthLowerPartialMoment":
      return (r) => lowerPartialMoment(r, 4);
    case "fourthCentralMoment":
      return (r) => centralMoment(r, 4);
    case "valueAtRisk":
      return (r) => empiricalTail(r, confidence).valueAtRisk;
    case "cvar":
      return (r) => empiricalTail(r, confidence).conditionalValueAtRisk;
    case "evar":
      return (r) => entropicValueAtRisk(r, { confidence, convention: "skfolio" });
    case "entropicRiskMeasure":
      return (r) => entropicRiskMeasure(r, { theta: 1, confidence });
    case "worstRealisation":
      return (r) => worstRealisation(r);
    case "giniMeanDifference":
      return (r) => giniMeanDifference(r);
    case "drawdownAtRisk":
      return (r) => drawdownAtRisk(drawdowns(r), { confidence });
    case "cdar":
      return (r) => drawdownCvar(drawdowns(r), { confidence });
    case "maxDrawdown":
      return (r) => -Math.min(...drawdowns(r));
    case "averageDrawdown":
      return (r) => averageDrawdown(drawdowns(r));
    case "edar":
      return (r) => entropicDrawdownAtRisk(drawdowns(r), { confidence, convention: "skfolio" });
    case "ulcerIndex":
      return (r) => ulcerIndex(drawdowns(r));
    default:
      throw new InputError("UNKNOWN_MEASURE", `${caller}: unknown risk measure ${JSON.stringify(measure)}; choose one of ${CLUSTER_RISK_MEASURES.join(", ")} or pass { name, risk }`, {
        measure: String(measure),
      });
  }
}
