/**
 * The growth × confidence allocation: weights from the modelling layer's forecasts, within risk limits.
 */
import { InfeasibleError, InputError } from "../../core/index";
import type { LabelledMatrix, LabelledVector, Weights } from "../../core/index";
import type { AllocationForecast } from "../../models/index";
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
  const steps = growthConfidenceSteps(forecast, cov, options, "growthConfidenceAllocation");
  return { labels: [...cov.labels], values: steps.weights };
}

/** The forecast {@link growthConfidenceSteps} reads: growth and confidence over the same tickers (and its date). */
export interface GrowthConfidenceInput {
  readonly expectedGrowth: LabelledVector;
  readonly confidence: LabelledVector;
  /** The forecast's as-of date, named in errors. */
  readonly asOf?: string;
}

/**
 * Each step of the growth × confidence rule ({@link growthConfidenceAllocation}), one value per ticker of the
 * covariance, in its order: what explains a weight.
 */
export interface GrowthConfidenceSteps {
  /** The covariance's tickers. */
  readonly labels: readonly string[];
  /** growth × confidence; `NaN` for a ticker the forecast does not cover. */
  readonly score: Float64Array;
  /** `max(0, score − minScore)`; 0 where not covered. */
  readonly preference: Float64Array;
  /** Step 2 before the cap: each preference's share of their total (the score share). */
  readonly scoreShare: Float64Array;
  /** Step 2: the score shares capped at `maxWeight`, the excess shared out in proportion. */
  readonly capped: Float64Array;
  /** Step 3's other end: minimum volatility of the chosen tickers with the same cap; `null` without a volatility limit. */
  readonly leastVolatile: Float64Array | null;
  /** Step 3: the blend `t` towards `leastVolatile` (0 when the limit does not bind or is not given). */
  readonly blend: number;
  /** The result: `(1 − t)·capped + t·leastVolatile`. */
  readonly weights: Float64Array;
  /** The options used, with defaults. */
  readonly maxWeight: number;
  readonly maxVolatility: number | undefined;
  readonly minScore: number;
}

/**
 * The growth × confidence rule step by step (see {@link growthConfidenceAllocation}, which returns its `weights`):
 * the score, the preference, the score share, the capped weights, the minimum-volatility blend and the result.
 *
 * @param forecast growth and confidence over the same tickers (an `AllocationForecast` will do).
 * @param cov annualised covariance, `n × n`, labelled; every array of the result follows its labels.
 * @param options `{ maxWeight, maxVolatility, minScore = 0 }`.
 * @param caller the name errors are prefixed with.
 * @throws as {@link growthConfidenceAllocation}.
 * @example
 * ```ts
 * // scores [0.18, 0.06, 0.04, −0.07]; maxWeight 0.5
 * const s = growthConfidenceSteps(forecast, cov, { maxWeight: 0.5 });
 * s.scoreShare; // => ≈ [0.643, 0.214, 0.143, 0]
 * s.capped;     // => ≈ [0.5, 0.3, 0.2, 0]   (A capped; its excess shared 0.06 : 0.04)
 * s.blend;      // => 0 (no volatility limit)
 * ```
 */
export function growthConfidenceSteps(forecast: GrowthConfidenceInput, cov: LabelledMatrix, options: GrowthConfidenceOptions, caller = "growthConfidenceSteps"): GrowthConfidenceSteps {
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
  const asOf = forecast.asOf ?? "(no date)";
  const scoreOf = new Map<string, number>();
  expectedGrowth.labels.forEach((t, i) => scoreOf.set(t, expectedGrowth.values[i]! * confidence.values[i]!));
  const covered = cov.labels.filter((t) => scoreOf.has(t));
  if (covered.length === 0) {
    throw new InputError("NO_COVERED_TICKERS", `${caller}: none of the forecast's ${scoreOf.size} tickers is in the covariance; estimate it on the same universe`, {});
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
      `${caller}: no ticker of the forecast as of ${asOf} has growth × confidence above minScore ${minScore} (best: ${best} at ${Number(scoreOf.get(best)!.toPrecision(4))}); lower minScore or use an allocation that does not rely on the forecast`,
      { asOf, minScore, best, bestScore: scoreOf.get(best) },
    );
  }
  const positive = preference.filter((p) => p > 0);
  let capped: Float64Array;
  try {
    capped = capWeights(positive, maxWeight);
  } catch (error) {
    if (error instanceof InfeasibleError) {
      throw new InfeasibleError(
        "TOO_FEW_SCORES",
        `${caller}: only ${chosen.length} ticker${chosen.length === 1 ? "" : "s"} (${chosen.join(", ")}) score above minScore ${minScore} in the forecast as of ${asOf}, so with maxWeight ${maxWeight} at most ${Number((chosen.length * maxWeight).toPrecision(6))} < 1 can be invested; raise maxWeight to at least ${Number((1 / chosen.length).toPrecision(6))} or lower minScore`,
        { asOf, tickers: chosen, maxWeight },
        { cause: error },
      );
    }
    throw error;
  }

  // The chosen tickers' sub-covariance, for the volatility limit.
  const index = new Map(cov.labels.map((t, i) => [t, i]));
  const k = chosen.length;
  let w = capped;
  let least: Float64Array | null = null;
  let t = 0;
  if (maxVolatility !== undefined) {
    const sub = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sub[a * k + b] = cov.values[index.get(chosen[a]!)! * n + index.get(chosen[b]!)!]!;
    least = Float64Array.from(minVolatility({ labels: chosen, values: sub }, { bounds: [0, maxWeight] }).values);
    t = blendToVolatility(sub, capped, least, maxVolatility);
    const m = least;
    if (t > 0) w = Float64Array.from(capped, (x, i) => (1 - t) * x + t * m[i]!);
  }
  const spread = (values: ArrayLike<number>) => {
    const out = new Float64Array(n);
    chosen.forEach((ticker, a) => (out[index.get(ticker)!] = values[a]!));
    return out;
  };
  const total = positive.reduce((s, p) => s + p, 0);
  return {
    labels: cov.labels,
    score: Float64Array.from(cov.labels, (ticker) => scoreOf.get(ticker) ?? Number.NaN),
    preference: spread(positive),
    scoreShare: spread(positive.map((p) => p / total)),
    capped: spread(capped),
    leastVolatile: least === null ? null : spread(least),
    blend: t,
    weights: spread(w),
    maxWeight,
    maxVolatility,
    minScore,
  };
}
