import { InputError } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { riskContributions } from "../measures/index";
import { resolveWeightBounds, type WeightBounds } from "../optimise/index";
import { checkSameLabels } from "../core/index";
import { DEFAULT_SIGNAL_THRESHOLDS, signalFor, type Signal, type SignalThresholds } from "./signal";

/** One reason behind an asset's weight and signal. */
export interface Driver {
  readonly name: "expected return" | "risk contribution" | "model" | "constraint";
  /** The figure behind the reason (a fraction), or `null` for a constraint that does not bind. */
  readonly value: number | null;
  readonly text: string;
}

/** Why an asset got its weight and signal: a sentence and its drivers, most telling first. */
export interface ExplanationCard {
  readonly ticker: string;
  /** Target weight, fraction of value. */
  readonly weight: number;
  /** Current weight, fraction of value (0 when not held). */
  readonly current: number;
  readonly signal: Signal;
  readonly sentence: string;
  readonly drivers: readonly Driver[];
}

/** What the cards are written from. Labels of every vector and of `cov` must match `weights`. */
export interface ExplanationInput {
  /** Target weights from the optimiser. */
  readonly weights: LabelledVector;
  /** Current weights; all zero when omitted (a new portfolio). */
  readonly current?: LabelledVector;
  /** Annual expected returns the optimiser used. */
  readonly expectedReturns: LabelledVector;
  /** Annual covariance the optimiser used. */
  readonly cov: LabelledMatrix;
  /** The weight bounds the optimiser used (default long-only [0, 1]), to name a bound that binds. */
  readonly bounds?: WeightBounds;
  /** The modelling layer's forecast for the assets it covers (any subset of the tickers). */
  readonly forecast?: { readonly expectedGrowth: LabelledVector; readonly confidence: LabelledVector };
  readonly thresholds?: SignalThresholds;
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;

/**
 * An explanation card for every asset: its signal (see {@link signalFor}) and the drivers behind its
 * weight — the expected return the optimiser used, its share of the portfolio's risk against its share
 * of capital, the model's growth and confidence where the model covers it, and the bound that binds.
 *
 * @example
 * ```ts
 * const cards = explanationCards({ weights, expectedReturns: mu, cov, bounds: [0, 0.25] });
 * cards[0].sentence;
 * // => "LTBX: target 25.0 % (BUY, +25.0 points). Capped by the 25.0 % upper bound; it carries 8.1 % of the portfolio's risk for 25.0 % of its capital."
 * ```
 * @throws InputError when labels differ between the inputs, or a forecast names an unknown ticker.
 */
export function explanationCards(input: ExplanationInput): ExplanationCard[] {
  const caller = "explanationCards";
  const { weights, expectedReturns, cov } = input;
  checkSameLabels(caller, ["weights", weights.labels], ["expectedReturns", expectedReturns.labels]);
  checkSameLabels(caller, ["weights", weights.labels], ["cov", cov.labels]);
  if (input.current) checkSameLabels(caller, ["weights", weights.labels], ["current", input.current.labels]);
  const n = weights.labels.length;
  const { lower, upper } = resolveWeightBounds(input.bounds, weights.labels, caller);
  const risk = riskContributions(weights, cov);
  const growth = new Map<string, number>();
  const confidence = new Map<string, number>();
  if (input.forecast) {
    const known = new Set(weights.labels);
    input.forecast.expectedGrowth.labels.forEach((t, i) => growth.set(t, input.forecast!.expectedGrowth.values[i]!));
    input.forecast.confidence.labels.forEach((t, i) => confidence.set(t, input.forecast!.confidence.values[i]!));
    for (const t of [...growth.keys(), ...confidence.keys()]) {
      if (!known.has(t)) throw new InputError("UNKNOWN_TICKER", `${caller}: the forecast names ${t}, which has no weight; forecast only the portfolio's assets`, { ticker: t });
    }
  }
  const tol = 1e-6;
  const cards: ExplanationCard[] = [];
  for (let i = 0; i < n; i++) {
    const ticker = weights.labels[i]!;
    const w = weights.values[i]!;
    const current = input.current ? input.current.values[i]! : 0;
    const g = growth.get(ticker);
    const c = confidence.get(ticker);
    const score = g !== undefined && c !== undefined ? g * c : undefined;
    const signal = signalFor({ target: w, current, score }, input.thresholds ?? DEFAULT_SIGNAL_THRESHOLDS);
    const mu = expectedReturns.values[i]!;
    const share = risk.values[i]!;
    const drivers: Driver[] = [];
    const atUpper = w >= upper[i]! - tol && upper[i]! < 1;
    const atLower = w <= lower[i]! + tol;
    if (atUpper) drivers.push({ name: "constraint", value: upper[i]!, text: `capped by the ${pct(upper[i]!)} upper bound` });
    else if (atLower) drivers.push({ name: "constraint", value: lower[i]!, text: lower[i]! === 0 ? "left out: adding it would not improve the portfolio" : `held at its ${pct(lower[i]!)} lower bound` });
    else drivers.push({ name: "constraint", value: null, text: "no bound binds: the weight is the optimiser's free choice" });
    if (w > tol) {
      const ratio = share / w;
      drivers.push({
        name: "risk contribution",
        value: share,
        text: `it carries ${pct(share)} of the portfolio's risk for ${pct(w)} of its capital${ratio < 0.7 ? " (a diversifier)" : ratio > 1.3 ? " (a concentrated risk)" : ""}`,
      });
    }
    drivers.push({ name: "expected return", value: mu, text: `expected return ${pct(mu)} a year` });
    if (g !== undefined && c !== undefined) {
      drivers.push({ name: "model", value: g * c, text: `the model expects ${pct(g)} earnings growth with ${pct(c, 0)} confidence` });
    }
    const gap = w - current;
    const head = `${ticker}: target ${pct(w)} (${signal}, ${gap >= 0 ? "+" : "−"}${(Math.abs(gap) * 100).toFixed(1)} points).`;
    const body = drivers.slice(0, 2).map((d) => d.text);
    const sentence = `${head} ${body[0]!.charAt(0).toUpperCase()}${body[0]!.slice(1)}${body[1] ? `; ${body[1]}` : ""}.`;
    cards.push({ ticker, weight: w, current, signal, sentence, drivers });
  }
  return cards;
}
