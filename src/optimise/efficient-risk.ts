/**
 * The efficient portfolio for a target volatility, as PyPortfolioOpt's `EfficientFrontier.efficient_risk()`.
 */
import { InfeasibleError, InputError, type ExpectedReturns, type Weights } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { formatNumber, formatRounded } from "../core/index";
import { reachableTarget } from "./efficient-return";
import { maxReturnOver } from "./max-return";
import { budgetOf } from "./max-quadratic-utility";
import {
  offLowerBounds,
  returnRow,
  setupMeanVariance,
  solveMeanVariance,
  type MeanVarianceOptions,
  type MeanVarianceSetup,
  type MeanVarianceSolution,
  type WarmStart,
} from "./mean-variance-options";
import { portfolioVariance } from "../measures/index";

/** Options of {@link efficientRisk}. */
export interface EfficientRiskOptions extends MeanVarianceOptions {
  /** Weights sum to 0 instead of 1; bounds default to `[-1, 1]`. Default `false`. */
  readonly marketNeutral?: boolean;
}

/** The volatility of the result is within this of the target when the target binds (the brief asks 1e-8). */
export const EFFICIENT_RISK_TOLERANCE = 1e-9;
/** Largest number of root-finding steps on the risk aversion. */
const MAX_STEPS = 200;

/**
 * Weights of the portfolio with the highest expected return (minus any extra objective terms) whose volatility
 * `√(wᵀΣw)` is at most `targetVolatility`, within the bounds and constraints — PyPortfolioOpt's
 * `efficient_risk(target_volatility, market_neutral=…)`.
 *
 * This is a quadratically constrained problem; it is solved through its Lagrangian: for `t = 1/λ ≥ 0`,
 * `min wᵀΣw − t·(μᵀw − terms)` (a QP, solved exactly with quadprog) has a volatility that rises with `t`, from
 * the minimum-volatility portfolio to the highest-return one, so a safeguarded regula falsi (Illinois) on
 * `log t` finds the `t` whose volatility equals the target to {@link EFFICIENT_RISK_TOLERANCE} (1e-9) from below,
 * warm-starting each QP from the previous working set. When even the highest-return portfolio is within the
 * target, that portfolio is returned (the target does not bind).
 *
 * Before solving, the target is checked against the minimum achievable volatility for the same constraints
 * (PyPortfolioOpt compares with the unconstrained `√(1 / 𝟙ᵀΣ⁻¹𝟙)`, which ignores the bounds).
 *
 * @param mu annualised expected returns, labelled, length `n`.
 * @param cov annualised covariance, `n × n`, same labels and order.
 * @param targetVolatility the largest annual volatility (a fraction, e.g. 0.15).
 * @param options `{ marketNeutral = false, bounds, constraints, objectives, ridge, cutoff }`.
 * @returns weights labelled like `cov` (summing to 1, or 0 when market neutral).
 * @throws InputError for malformed inputs or a target that is negative or not finite.
 * @throws InfeasibleError when the target is below the minimum achievable volatility ("efficientRisk: target
 *   volatility 0.05 is below the minimum achievable 0.159 for these assets and bounds; use a target ≥ 0.16"), or
 *   the constraints admit no portfolio.
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * efficientRisk({ labels, values: Float64Array.of(0.1, 0.2) },
 *   { labels, values: Float64Array.of(0.04, 0, 0, 0.09) }, 0.2).values;
 * // => ≈ Float64Array [0.3846, 0.6154]   (volatility exactly 0.2; return 0.1615)
 * ```
 */
export function efficientRisk(mu: ExpectedReturns, cov: LabelledMatrix, targetVolatility: number, options: EfficientRiskOptions = {}): Weights {
  const caller = "efficientRisk";
  if (typeof targetVolatility !== "number" || !Number.isFinite(targetVolatility) || targetVolatility < 0) {
    throw new InputError("BAD_TARGET", `${caller}: targetVolatility ${targetVolatility} must be a finite annual volatility ≥ 0, e.g. 0.15`, {
      targetVolatility,
    });
  }
  const setup = setupMeanVariance(caller, cov, mu, options, budgetOf(options.marketNeutral, options.bounds, caller));
  const volatility = (w: ArrayLike<number>) => Math.sqrt(portfolioVariance(cov.values, w));

  // Diagnosis: the least volatile portfolio (pure variance, without extra objective terms).
  const minimum = solveMeanVariance({ ...setup, objectives: [] }, 1, 0);
  const minVolatility = volatility(minimum.raw);
  if (targetVolatility < minVolatility - 1e-10) {
    throw new InfeasibleError(
      "TARGET_VOLATILITY_TOO_LOW",
      `${caller}: target volatility ${targetVolatility} is below the minimum achievable ${formatNumber(minVolatility)} for these assets and ${setup.system.isBoxAndBudget ? "bounds" : "constraints"}; use a target ≥ ${formatRounded(minVolatility, "up")}`,
      { targetVolatility, minVolatility },
    );
  }

  // t → ∞: the highest-return portfolio (least variance among ties when there is no curvature).
  const top = highestReturn(setup, minimum.warmStart);
  if (volatility(top.raw) <= targetVolatility + EFFICIENT_RISK_TOLERANCE) return top.weights;
  if (targetVolatility <= minVolatility + EFFICIENT_RISK_TOLERANCE) return solveMeanVariance(setup, 1, 0, [], minimum.warmStart).weights;

  // The Lagrangian family, written with t = 1/λ so that the curvature stays that of Σ (well scaled):
  // minimise wᵀΣw − t·(μᵀw − terms). Its volatility rises with t, from the minimum (t = 0) to the top (t → ∞).
  let warmStart = minimum.warmStart;
  const evaluate = (t: number) => {
    const solution = solveMeanVariance(setup, 1, t, [], warmStart, undefined, t);
    warmStart = solution.warmStart;
    return { solution, gap: volatility(solution.raw) - targetVolatility };
  };

  // Bracket on s = log t: gap(sLow) ≤ 0 (within the target), gap(sHigh) > 0; steps of a factor 10.
  const decade = Math.log(10);
  let sLow = 0;
  let sHigh = 0;
  let low = evaluate(1);
  let gLow = low.gap;
  let gHigh: number;
  if (low.gap > 0) {
    let high = low;
    while (high.gap > 0) {
      sHigh = sLow;
      gHigh = high.gap;
      sLow -= decade;
      // t below 1e-14: the target is within round-off of the minimum volatility.
      if (sLow < -14 * decade) return solveMeanVariance(setup, 1, 0, [], minimum.warmStart).weights;
      high = low = evaluate(Math.exp(sLow));
    }
    gLow = low.gap;
    gHigh = gHigh!;
  } else {
    let high = low;
    while (high.gap <= 0) {
      sLow = sHigh;
      low = high;
      sHigh += decade;
      // t beyond 1e14 and still within the target: as good as the highest-return portfolio.
      if (sHigh > 14 * decade) return low.solution.weights;
      high = evaluate(Math.exp(sHigh));
    }
    gLow = low.gap;
    gHigh = high.gap;
  }

  // Illinois regula falsi on s, keeping the bracket; the answer is the low (feasible) side.
  let side = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (Math.abs(low.gap) <= EFFICIENT_RISK_TOLERANCE) break;
    let s = sLow - (gLow * (sHigh - sLow)) / (gHigh - gLow);
    if (!Number.isFinite(s) || !(s > Math.min(sLow, sHigh) && s < Math.max(sLow, sHigh))) s = 0.5 * (sLow + sHigh);
    const point = evaluate(Math.exp(s));
    if (point.gap <= 0) {
      sLow = s;
      low = point;
      gLow = point.gap;
      if (side === -1) gHigh /= 2;
      side = -1;
    } else {
      sHigh = s;
      gHigh = point.gap;
      if (side === 1) gLow /= 2;
      side = 1;
    }
    if (Math.abs(sHigh - sLow) < 1e-14 * (1 + Math.abs(sHigh))) break;
  }
  return low.solution.weights;
}

/** The highest-return portfolio: with curvature from extra terms, the QP at λ = 0; otherwise the least-variance one among the LP's maximisers. */
function highestReturn(setup: MeanVarianceSetup, warmStart: WarmStart): MeanVarianceSolution {
  const probe = new Float64Array(setup.n * setup.n);
  const c = new Float64Array(setup.n);
  for (const term of setup.objectives) term.addTo(probe, c, setup.labels);
  let curved = setup.objectives.length > 0;
  for (let i = 0; i < setup.n; i++) if (!(probe[i * setup.n + i]! > 0)) curved = false;
  if (curved) return solveMeanVariance(setup, 0, 1, [], warmStart);
  const top = maxReturnOver(setup.system, setup.mu);
  const include = offLowerBounds(setup, top.x);
  return solveMeanVariance({ ...setup, objectives: [] }, 1, 0, [returnRow(setup, reachableTarget(top.value, top.value))], warmStart, include);
}
