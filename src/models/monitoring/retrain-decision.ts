/**
 * Whether to retrain, by stated thresholds on the drift indicators, with one reason per crossed threshold.
 */
import { InputError } from "../../core/index";

/** Thresholds of {@link retrainDecision}; each crossed one is a reason to retrain. `Infinity` turns one off. */
export interface RetrainThresholds {
  /** PSI of any feature above this (default 0.25). */
  readonly psi?: number;
  /** Recent RMSE / reference RMSE above this (default 1.25: errors grew by a quarter). */
  readonly errorRatio?: number;
  /** Recent / reference volatility above this or below its inverse (default 1.5). */
  readonly volatilityRatio?: number;
  /** The model is older than this many calendar days (default `Infinity`: age alone never retrains). */
  readonly maxAgeDays?: number;
}

/** The figures {@link retrainDecision} judges; leave one out (or `NaN`) when it is not known. */
export interface RetrainIndicators {
  /** False when there is no model yet (then it must be trained). Default true. */
  readonly hasModel?: boolean;
  /** PSI per feature, largest first. */
  readonly psi?: readonly { readonly feature: string; readonly psi: number }[];
  /** Recent RMSE over the reference RMSE. */
  readonly errorRatio?: number;
  /** Recent over reference volatility. */
  readonly volatilityRatio?: number;
  /**
   * The volatility ratios one regime stays within (`volatilityShift(...).band`) and the test's level: when given,
   * the ratio must leave this band too (the shift is more than one regime's wandering), not only `[1/r, r]`.
   */
  readonly volatilityBand?: { readonly lower: number; readonly upper: number; readonly level: number };
  /** Calendar days since the model was trained. */
  readonly modelAgeDays?: number;
}

/** Which threshold a reason comes from. */
export type RetrainTrigger = "no-model" | "psi" | "error-ratio" | "volatility" | "model-age";

/**
 * The verdict: retrain or not, and why.
 *
 * @example
 * ```ts
 * const d: RetrainDecision = { retrain: true, triggers: ["volatility"],
 *   reasons: ["the volatility regime changed: market volatility is 2.20× the training period's (outside 0.67–1.5)"] };
 * ```
 */
export interface RetrainDecision {
  readonly retrain: boolean;
  /** The thresholds crossed, once each, in the order of `reasons`' first mention. */
  readonly triggers: readonly RetrainTrigger[];
  /** One sentence per crossed threshold (one per shifted feature for PSI). */
  readonly reasons: readonly string[];
}

/**
 * The thresholds with their defaults filled in (PSI 0.25, error ratio 1.25, volatility ratio 1.5, no maximum age).
 *
 * @throws InputError BAD_THRESHOLD naming the threshold and the values it takes: PSI and error ratio > 0,
 *   volatility ratio > 1 (it bounds a band [1/r, r]), maximum age > 0 days; `Infinity` turns any of them off.
 * @example
 * ```ts
 * retrainThresholds({ volatilityRatio: 2 }); // => { psi: 0.25, errorRatio: 1.25, volatilityRatio: 2, maxAgeDays: Infinity }
 * ```
 */
export function retrainThresholds(thresholds: RetrainThresholds = {}): Required<RetrainThresholds> {
  const t = { psi: 0.25, errorRatio: 1.25, volatilityRatio: 1.5, maxAgeDays: Number.POSITIVE_INFINITY, ...thresholds };
  const check = (name: keyof RetrainThresholds, ok: boolean, takes: string) => {
    if (!ok) throw new InputError("BAD_THRESHOLD", `retrain threshold ${name} = ${String(t[name])} is invalid; pass ${takes} (or Infinity to turn it off)`, { threshold: name, value: t[name] });
  };
  check("psi", typeof t.psi === "number" && t.psi > 0, "a PSI > 0, e.g. 0.25");
  check("errorRatio", typeof t.errorRatio === "number" && t.errorRatio > 0, "a ratio of RMSEs > 0, e.g. 1.25");
  check("volatilityRatio", typeof t.volatilityRatio === "number" && t.volatilityRatio > 1, "a ratio > 1, e.g. 1.5 (the band is 1/1.5–1.5)");
  check("maxAgeDays", typeof t.maxAgeDays === "number" && t.maxAgeDays > 0, "a number of days > 0, e.g. 90");
  return t;
}

/** A probability as a percentage without trailing zeros: 0.99 → "99 %", 0.999 → "99.9 %". */
function percent(p: number): string {
  return `${Number((100 * p).toFixed(4))} %`;
}

/**
 * Decides whether to retrain: yes when there is no model, when any feature's PSI exceeds its threshold, when the
 * forecast errors grew beyond the error ratio, when the volatility ratio leaves the band [1/r, r] (and, when
 * `volatilityBand` is given, the variance-ratio test's band as well), or when the model is older than the maximum
 * age; an unknown (`NaN`) indicator crosses nothing.
 *
 * @throws InputError BAD_THRESHOLD (see {@link retrainThresholds}).
 * @example
 * ```ts
 * retrainDecision({ volatilityRatio: 2.2, errorRatio: 1.1 }).triggers; // => ["volatility"]
 * retrainDecision({ volatilityRatio: 1.1 }).retrain;                    // => false
 * retrainDecision({ volatilityRatio: 1.7, volatilityBand: { lower: 0.51, upper: 1.75, level: 0.05 } }).retrain; // => false
 * ```
 */
export function retrainDecision(indicators: RetrainIndicators, thresholds: RetrainThresholds = {}): RetrainDecision {
  const t = retrainThresholds(thresholds);
  const reasons: string[] = [];
  const triggers: RetrainTrigger[] = [];
  const add = (trigger: RetrainTrigger, reason: string) => {
    reasons.push(reason);
    if (!triggers.includes(trigger)) triggers.push(trigger);
  };
  if (indicators.hasModel === false) add("no-model", "there is no model yet: train the first one");
  for (const p of indicators.psi ?? []) if (p.psi > t.psi) add("psi", `${p.feature} has shifted (PSI ${p.psi.toFixed(2)} > ${t.psi})`);
  const errorRatio = indicators.errorRatio ?? Number.NaN;
  if (errorRatio > t.errorRatio) add("error-ratio", `errors grew: recent RMSE is ${errorRatio.toFixed(2)}× the validation RMSE (> ${t.errorRatio})`);
  const v = indicators.volatilityRatio ?? Number.NaN;
  const band = indicators.volatilityBand;
  if ((v > t.volatilityRatio || v < 1 / t.volatilityRatio) && (band === undefined || v > band.upper || v < band.lower)) {
    const test = band === undefined ? "" : ` and outside ${band.lower.toFixed(2)}–${band.upper.toFixed(2)}, where one regime stays ${percent(1 - band.level)} of the time`;
    add("volatility", `the volatility regime changed: market volatility is ${v.toFixed(2)}× the training period's (outside ${(1 / t.volatilityRatio).toFixed(2)}–${t.volatilityRatio}${test})`);
  }
  const age = indicators.modelAgeDays ?? Number.NaN;
  if (age > t.maxAgeDays) add("model-age", `the model is ${age} days old (> ${t.maxAgeDays})`);
  return { retrain: reasons.length > 0, triggers, reasons };
}
