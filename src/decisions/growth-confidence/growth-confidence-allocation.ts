/**
 * The growth × confidence allocation: weights from the modelling layer's forecasts, within risk limits.
 */
import { InfeasibleError, InputError } from "../../core/index";
import type { LabelledMatrix, Weights } from "../../core/index";
import { growthTimesConfidence, type AllocationForecast } from "../../models/index";
import { minVolatility } from "../../optimise/index";
import { checkCovariance } from "../../linalg/index";
import { blendToVolatility } from "./blend-to-volatility";
import { capWeights } from "./cap-weights";

/** Options of {@link growthConfidenceAllocation}. */
export interface GrowthConfidenceOptions {
  /** Largest weight of one ticker, in (0, 1], e.g. 0.25. Required. */
  readonly maxWeight: number;
  /** Largest annual volatility `√(wᵀΣw)` (fraction, e.g. 0.15). Default none. */
  readonly maxVolatility?: number;
  /** Only scores above this get weight; the preference is `score − minScore`. Default 0. */
  readonly minScore?: number;
}

/**
 * Long-only weights from a forecast, the "growth × confidence" rule:
 *
 * 1. score `sᵢ = expectedGrowthᵢ × confidenceᵢ` (`growthTimesConfidence`) for the tickers of the forecast that are
 *    also in `cov` (the covered tickers); preference `pᵢ = max(0, sᵢ − minScore)`;
 * 2. weights `∝ pᵢ`, capped at `maxWeight` with the excess shared among the others in proportion to `pᵢ`,
 *    repeated until no weight is above the cap (`capWeights`);
 * 3. if `maxVolatility` is given and the portfolio is more volatile, blend it with the minimum-volatility portfolio
 *    of the same tickers (those with `pᵢ > 0`) and the same cap: `w(t) = (1 − t)·w + t·m` with the smallest
 *    `t ∈ [0, 1]` whose volatility is within the limit (`blendToVolatility`, exact). Both ends are capped and fully
 *    invested, so the blend is too, and tickers with a score ≤ `minScore` stay at 0. If even `m` is above the limit,
 *    `m` is returned (the least volatile portfolio of those tickers; its volatility then exceeds `maxVolatility`).
 *
 * @param forecast the modelling layer's hand-off (`allocationForecast`).
 * @param cov annualised covariance, `n × n`, labelled; the result is labelled like it (0 for tickers without a forecast).
 * @param options `{ maxWeight, maxVolatility, minScore = 0 }`.
 * @returns weights (fractions summing to 1), labelled like `cov`.
 * @throws InputError for a malformed covariance or forecast (growth and confidence labels differ), bad options, or no
 *   ticker of the forecast in `cov`.
 * @throws InfeasibleError when no covered ticker scores above `minScore` (naming the forecast's date and its best
 *   score), or fewer than `1 / maxWeight` do.
 *
 * @example
 * ```ts
 * // growth [0.2, 0.1, 0.05, −0.1] × confidence [0.9, 0.6, 0.8, 0.7] = scores [0.18, 0.06, 0.04, −0.07]
 * growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5 }).values;
 * // => ≈ [0.5, 0.3, 0.2, 0]   (0.18 : 0.06 : 0.04 gives 0.643 to A, capped at 0.5; 0.5 left splits 0.06 : 0.04)
 * ```
 */
export function growthConfidenceAllocation(forecast: AllocationForecast, cov: LabelledMatrix, options: GrowthConfidenceOptions): Weights {
  const caller = "growthConfidenceAllocation";
  const n = checkCovariance(cov, caller);
  const minScore = options.minScore ?? 0;
  if (typeof minScore !== "number" || !Number.isFinite(minScore)) {
    throw new InputError("BAD_MIN_SCORE", `${caller}: minScore ${minScore} must be a finite number, e.g. 0.02`, { minScore });
  }
  const { maxWeight, maxVolatility } = options;
  if (typeof maxWeight !== "number" || !(maxWeight > 0 && maxWeight <= 1)) {
    throw new InputError("BAD_MAX_WEIGHT", `${caller}: maxWeight ${maxWeight} must be in (0, 1], e.g. 0.25`, { maxWeight });
  }
  if (maxVolatility !== undefined && !(typeof maxVolatility === "number" && Number.isFinite(maxVolatility) && maxVolatility > 0)) {
    throw new InputError("BAD_MAX_VOLATILITY", `${caller}: maxVolatility ${maxVolatility} must be a positive annual volatility, e.g. 0.15`, { maxVolatility });
  }
  const { expectedGrowth, confidence } = forecast;
  if (expectedGrowth.labels.length !== confidence.labels.length || expectedGrowth.labels.some((t, i) => confidence.labels[i] !== t)) {
    throw new InputError("LABEL_MISMATCH", `${caller}: the forecast's expectedGrowth and confidence have different tickers; build it with allocationForecast`, {});
  }
  const score = growthTimesConfidence(forecast);
  const scoreOf = new Map<string, number>();
  score.labels.forEach((t, i) => scoreOf.set(t, score.values[i]!));
  const covered = cov.labels.filter((t) => scoreOf.has(t));
  if (covered.length === 0) {
    throw new InputError("NO_COVERED_TICKERS", `${caller}: none of the forecast's ${score.labels.length} tickers is in the covariance; estimate it on the same universe`, {});
  }
  for (const t of covered) {
    if (!Number.isFinite(scoreOf.get(t)!)) throw new InputError("NON_FINITE_VALUE", `${caller}: growth × confidence of ${t} is ${scoreOf.get(t)}; forecasts must be finite`, { ticker: t });
  }

  const preference = covered.map((t) => Math.max(0, scoreOf.get(t)! - minScore));
  const chosen = covered.filter((_, k) => preference[k]! > 0);
  if (chosen.length === 0) {
    const best = covered.reduce((a, b) => (scoreOf.get(b)! > scoreOf.get(a)! ? b : a));
    throw new InfeasibleError(
      "NO_POSITIVE_SCORE",
      `${caller}: no ticker of the forecast as of ${forecast.asOf} has growth × confidence above minScore ${minScore} (best: ${best} at ${Number(scoreOf.get(best)!.toPrecision(4))}); lower minScore or use an allocation that does not rely on the forecast`,
      { asOf: forecast.asOf, minScore, best, bestScore: scoreOf.get(best) },
    );
  }
  let capped: Float64Array;
  try {
    capped = capWeights(preference.filter((p) => p > 0), maxWeight);
  } catch (error) {
    if (error instanceof InfeasibleError) {
      throw new InfeasibleError(
        "TOO_FEW_SCORES",
        `${caller}: only ${chosen.length} ticker${chosen.length === 1 ? "" : "s"} (${chosen.join(", ")}) score above minScore ${minScore} in the forecast as of ${forecast.asOf}, so with maxWeight ${maxWeight} at most ${Number((chosen.length * maxWeight).toPrecision(6))} < 1 can be invested; raise maxWeight to at least ${Number((1 / chosen.length).toPrecision(6))} or lower minScore`,
        { asOf: forecast.asOf, tickers: chosen, maxWeight },
        { cause: error },
      );
    }
    throw error;
  }

  // The chosen tickers' sub-covariance, for the volatility limit.
  const index = new Map(cov.labels.map((t, i) => [t, i]));
  const k = chosen.length;
  let w = capped;
  if (maxVolatility !== undefined) {
    const sub = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sub[a * k + b] = cov.values[index.get(chosen[a]!)! * n + index.get(chosen[b]!)!]!;
    const least = minVolatility({ labels: chosen, values: sub }, { bounds: [0, maxWeight] }).values;
    const t = blendToVolatility(sub, capped, least, maxVolatility);
    if (t > 0) w = Float64Array.from(capped, (x, i) => (1 - t) * x + t * least[i]!);
  }
  const out = new Float64Array(n);
  chosen.forEach((t, a) => (out[index.get(t)!] = w[a]!));
  return { labels: [...cov.labels], values: out };
}
