/**
 * What a rebalance costs, as the optimiser sees it: commission and half-spread linear in the weight traded,
 * market impact quadratic in it, and a turnover penalty.
 */
import { InputError, vector } from "../../core/index";
import type { LabelledNumbers } from "./current-holdings";

/**
 * Cost settings of a cost-aware rebalance, per unit of weight traded (`|Δw|`, a fraction of the portfolio's value);
 * the same names and meaning as the backtest's `TransactionCosts` for commission and spread. Each number may be one
 * for all assets or one per ticker (tickers left out get 0). All default to 0.
 *
 * The cost of trading `Δwᵢ` is, as a fraction of the portfolio's value:
 * `(commissionBpsᵢ + spreadBpsᵢ / 2) / 10⁴ · |Δwᵢ| + impactᵢ · Δwᵢ² + impactThreeHalvesᵢ · |Δwᵢ|^{3/2}`, and the optimiser also subtracts
 * `turnoverPenalty · Σ|Δwᵢ|` (a penalty, not a cost: it is not counted in the cost estimate).
 *
 * Market impact is **quadratic** (a linear price impact, Almgren–Chriss's temporary impact): `impactᵢ · Δwᵢ²`, so the
 * problem stays a QP. cvxportfolio's default is `σᵢ · |Δwᵢ|^{3/2} · (V / volumeᵢ)^{1/2}`; {@link quadraticImpact}
 * gives coefficients of the same order from volatility and volume.
 *
 * @example
 * ```ts
 * const costs: RebalanceCosts = { commissionBps: 1, spreadBps: 10, impact: 0.05, turnoverPenalty: 0.001 };
 * ```
 */
export interface RebalanceCosts {
  /** Commission, basis points of the value traded. */
  readonly commissionBps?: number | LabelledNumbers;
  /** Full bid-ask spread in basis points; each trade pays half. */
  readonly spreadBps?: number | LabelledNumbers;
  /** Quadratic impact coefficient: trading `Δw` costs `impact · Δw²` (fraction of value). */
  readonly impact?: number | LabelledNumbers;
  /**
   * Impact of cvxportfolio's 3/2-power form: trading `Δw` costs `impactThreeHalves · |Δw|^{3/2}` (e.g.
   * `σᵢ·(V/volumeᵢ)^{1/2}`). Single-period only; the optimiser uses an outer approximation by tangents (16, then one more at each trade
   * until the approximation is exact there to 1e-9: Kelley's cutting planes), so the optimum is the true one.
   */
  readonly impactThreeHalves?: number | LabelledNumbers;
  /** Penalty per unit of turnover `Σ|Δw|` (a fraction), beside the costs. */
  readonly turnoverPenalty?: number;
}

/** {@link RebalanceCosts} per asset, checked, as fractions per unit of weight. */
export interface ResolvedCosts {
  /** Commission per unit traded, fraction. */
  readonly commission: Float64Array;
  /** Half-spread per unit traded, fraction. */
  readonly halfSpread: Float64Array;
  /** Quadratic impact coefficient. */
  readonly impact: Float64Array;
  /** 3/2-power impact coefficient. */
  readonly impactThreeHalves: Float64Array;
  /** Turnover penalty per unit. */
  readonly turnoverPenalty: number;
}

function perAsset(setting: number | LabelledNumbers | undefined, labels: readonly string[], name: string, scale: number, caller: string): Float64Array {
  const bad = (label: string, x: number) =>
    new InputError("BAD_COST", `${caller}: ${name}${label === "" ? "" : ` of ${label}`} is ${x}; every cost must be a finite number ≥ 0`, { setting: name, label, value: x });
  if (setting === undefined) return new Float64Array(labels.length);
  if (typeof setting === "number") {
    if (!Number.isFinite(setting) || setting < 0) throw bad("", setting);
    return new Float64Array(labels.length).fill(setting * scale);
  }
  const v = vector(setting);
  for (let i = 0; i < v.labels.length; i++) {
    const x = v.values[i]!;
    if (!Number.isFinite(x) || x < 0) throw bad(v.labels[i]!, x);
  }
  const unknown = v.labels.filter((l) => !labels.includes(l));
  if (unknown.length > 0) {
    throw new InputError("UNKNOWN_TICKER", `${caller}: ${name} names ${unknown.join(", ")}, not among the prior's tickers; drop ${unknown.length === 1 ? "it" : "them"}`, { tickers: unknown });
  }
  return Float64Array.from(labels, (l) => v.getOr(l, 0) * scale);
}

/**
 * Checks cost settings and spreads them over the assets.
 *
 * @throws InputError BAD_COST for a negative or non-finite setting; UNKNOWN_TICKER for a per-ticker setting naming a
 *   ticker the prior lacks.
 * @example
 * ```ts
 * resolveCosts({ commissionBps: 2, spreadBps: 10 }, ["A", "B"], "costAwareRebalance").halfSpread;
 * // => Float64Array [0.0005, 0.0005]
 * ```
 */
export function resolveCosts(costs: RebalanceCosts, labels: readonly string[], caller: string): ResolvedCosts {
  const turnoverPenalty = costs.turnoverPenalty ?? 0;
  if (typeof turnoverPenalty !== "number" || !Number.isFinite(turnoverPenalty) || turnoverPenalty < 0) {
    throw new InputError("BAD_COST", `${caller}: turnoverPenalty is ${String(turnoverPenalty)}; pass a finite number ≥ 0`, { setting: "turnoverPenalty" });
  }
  return {
    commission: perAsset(costs.commissionBps, labels, "commissionBps", 1e-4, caller),
    halfSpread: perAsset(costs.spreadBps, labels, "spreadBps", 0.5e-4, caller),
    impact: perAsset(costs.impact, labels, "impact", 1, caller),
    impactThreeHalves: perAsset(costs.impactThreeHalves, labels, "impactThreeHalves", 1, caller),
    turnoverPenalty,
  };
}

/** Options of {@link quadraticImpact}. */
export interface QuadraticImpactOptions {
  /** Daily volatility per ticker (a fraction per day). */
  readonly dailyVolatility: LabelledNumbers;
  /** Average daily traded value per ticker (money). */
  readonly averageDailyValue: LabelledNumbers;
  /** The portfolio's value (money). */
  readonly portfolioValue: number;
  /** Scale of the impact (default 1). */
  readonly coefficient?: number;
}

/**
 * Quadratic impact coefficients from volatility and liquidity: `impactᵢ = coefficient · σᵢ · V / ADVᵢ`, so that
 * trading `Δwᵢ` (value `Δwᵢ·V`) costs `σᵢ · (Δwᵢ·V / ADVᵢ) · Δwᵢ` of the portfolio — a price concession of one daily
 * volatility per day's volume traded (linear impact; cvxportfolio's default is the 3/2-power law with the same
 * σ and volume).
 *
 * @throws InputError BAD_COST for a volatility < 0, a traded value ≤ 0 or a portfolio value ≤ 0.
 * @example
 * ```ts
 * quadraticImpact({ dailyVolatility: { A: 0.02 }, averageDailyValue: { A: 1e7 }, portfolioValue: 1e6 }).get("A");
 * // => 0.002 (trading 10 % of the portfolio costs 0.002 × 0.01 = 0.2 bp of it)
 * ```
 */
export function quadraticImpact(options: QuadraticImpactOptions): ReturnType<typeof vector> {
  const vol = vector(options.dailyVolatility);
  const adv = vector(options.averageDailyValue);
  const k = options.coefficient ?? 1;
  const V = options.portfolioValue;
  if (!(V > 0) || !Number.isFinite(V) || !(k >= 0) || !Number.isFinite(k)) {
    throw new InputError("BAD_COST", `quadraticImpact: portfolioValue ${V} must be > 0 and coefficient ${k} ≥ 0`, {});
  }
  return vol.map((s, label) => {
    const a = adv.getOr(label, Number.NaN);
    if (!(s >= 0) || !(a > 0)) {
      throw new InputError("BAD_COST", `quadraticImpact: ${label} has volatility ${s} and average daily value ${a}; pass a volatility ≥ 0 and a traded value > 0`, { label });
    }
    return (k * s * V) / a;
  }, { unit: "number", name: "impact" });
}
