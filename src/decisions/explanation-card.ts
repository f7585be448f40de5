/**
 * Explanation cards: why each asset got its weight and its signal, in one sentence a reader can check.
 */
import { InputError, tableOfRows, Vector, type Table } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { portfolioVariance, riskContributions } from "../measures/index";
import { resolveWeightBounds, type WeightBounds } from "../optimise/index";
import { checkSameLabels } from "../core/index";
import { growthConfidenceSteps, type GrowthConfidenceOptions, type GrowthConfidenceSteps } from "./growth-confidence/index";
import { DEFAULT_SIGNAL_THRESHOLDS, SIGNALS, signalFor, type Signal, type SignalThresholds } from "./signal";

/** One reason behind an asset's weight and signal. */
export interface Driver {
  /**
   * What it is: the bound that binds or the freedom between bounds (`"constraint"`), the part of the growth ×
   * confidence rule that set the weight (`"rule"`), the share of risk, the expected return, the model's view.
   */
  readonly name: "expected return" | "risk contribution" | "model" | "constraint" | "rule";
  /** The figure behind the reason (a fraction), or `null` when there is none (no bound binds). */
  readonly value: number | null;
  readonly text: string;
}

/** Why an asset got its weight and signal: a sentence and its drivers. */
export interface ExplanationCard {
  readonly ticker: string;
  /** Target weight, fraction of value. */
  readonly weight: number;
  /** Current weight, fraction of value (0 when not held). */
  readonly current: number;
  readonly signal: Signal;
  /**
   * The card in one sentence, without the ticker (shown beside it): the target and signal, what set the weight
   * (the binding bound or the part of the rule), the expected return, the share of risk against the share of
   * capital, and the model's view where the model covers the asset.
   */
  readonly sentence: string;
  /** The reasons, in the sentence's order: what set the weight first. */
  readonly drivers: readonly Driver[];
  /** Annual expected return the weights were chosen with, a fraction. */
  readonly expectedReturn?: number;
  /** Share of the portfolio's variance the asset carries (0 when not held), a fraction. */
  readonly riskShare?: number;
  /** The model's expected growth, a fraction; `null` where the model does not cover the asset. */
  readonly growth?: number | null;
  /** The model's confidence that growth is positive, in [0, 1]; `null` where it does not cover the asset. */
  readonly confidence?: number | null;
}

/** What the cards are written from. Labels of every vector and of `cov` must match `weights`. */
export interface ExplanationInput {
  /** Target weights (from an optimiser, or from the growth × confidence rule: see `growthConfidence`). */
  readonly weights: LabelledVector;
  /** Current weights; all zero when omitted (a new portfolio). */
  readonly current?: LabelledVector;
  /** Annual expected returns the weights were chosen with. */
  readonly expectedReturns: LabelledVector;
  /** Annual covariance the weights were chosen with. */
  readonly cov: LabelledMatrix;
  /** The weight bounds the optimiser used (default long-only [0, 1]), to name a bound that binds. */
  readonly bounds?: WeightBounds;
  /**
   * Caps on the total weight of groups the optimiser was held to (a `sectorLimits` constraint, a risk profile's
   * crypto cap), to name a group cap that binds: `{ groupOf: assetClassOf, caps: { crypto: 0.03 } }`.
   */
  readonly groupCaps?: { readonly groupOf: Readonly<Record<string, string>>; readonly caps: Readonly<Record<string, number>> };
  /** The volatility cap the optimiser was held to (annual, a fraction), to say when it binds. */
  readonly maxVolatility?: number;
  /** The modelling layer's forecast for the assets it covers (any subset of the tickers). */
  readonly forecast?: { readonly expectedGrowth: LabelledVector; readonly confidence: LabelledVector; readonly asOf?: string };
  /**
   * The weights come from the growth × confidence rule (`growthConfidenceAllocation(forecast, cov, options)`) with
   * these options, not from an optimiser: each card then says which part of the rule set its weight (its score
   * share, the `maxWeight` cap, the blend that meets `maxVolatility`, or the `minScore` that left it out), and
   * `bounds` is not used. Needs `forecast`.
   */
  readonly growthConfidence?: GrowthConfidenceOptions;
  readonly thresholds?: SignalThresholds;
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;
const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
/** Weights within this of each other are equal (a rounding of the optimiser or of the rule). */
const TOLERANCE = 1e-6;

function ruleDriver(steps: GrowthConfidenceSteps, i: number, covered: boolean): Driver {
  const w = steps.weights[i]!;
  if (!covered) return { name: "rule", value: null, text: "left out by the growth × confidence rule: the model makes no forecast for it" };
  const score = steps.score[i]!;
  if (w <= TOLERANCE && steps.preference[i]! <= 0) {
    return { name: "rule", value: score, text: `left out by the rule: its score (growth × confidence) of ${pct(score)} is not above the minimum score of ${pct(steps.minScore)}` };
  }
  const share = steps.scoreShare[i]!;
  const capped = steps.capped[i]!;
  let text: string;
  let value = share;
  if (capped >= steps.maxWeight - TOLERANCE) {
    text = share > steps.maxWeight + TOLERANCE
      ? `capped by the rule at maxWeight ${pct(steps.maxWeight)}: its score share alone would give ${pct(share)}`
      : `capped by the rule at maxWeight ${pct(steps.maxWeight)}: its score share of ${pct(share)} rose above it when the capped weights' excess was shared out`;
    value = steps.maxWeight;
  } else if (Math.abs(capped - share) <= TOLERANCE) {
    text = `set by its score share: its growth × confidence of ${pct(score)} is ${pct(share)} of the chosen companies' total`;
  } else {
    text = `set by its score share: its growth × confidence of ${pct(score)} is ${pct(share)} of the chosen companies' total, raised to ${pct(capped)} when the capped weights' excess was shared out`;
  }
  if (steps.blend > 0) {
    text += `; then scaled for volatility: blended ${pct(steps.blend, 0)} of the way to the least volatile mix to meet the ${pct(steps.maxVolatility ?? 0, 0)} volatility limit, from ${pct(capped)} to ${pct(w)}`;
  }
  return { name: "rule", value, text };
}

/** What binds for the whole portfolio: a group at its cap, the volatility at its cap. */
interface PortfolioLimits {
  readonly groupOf: Readonly<Record<string, string>>;
  /** Groups at their cap, with the cap. */
  readonly fullGroups: ReadonlyMap<string, number>;
  /** The volatility cap, when the portfolio is at it. */
  readonly volatilityCap: number | undefined;
}

function boundDriver(ticker: string, w: number, lower: number, upper: number, limits: PortfolioLimits): Driver {
  if (w >= upper - TOLERANCE && upper < 1) return { name: "constraint", value: upper, text: `capped by the ${pct(upper)} upper bound` };
  const group = limits.groupOf[ticker];
  const groupCap = group === undefined ? undefined : limits.fullGroups.get(group);
  if (groupCap !== undefined && w > TOLERANCE) {
    return { name: "constraint", value: groupCap, text: `held down by the ${pct(groupCap)} cap on ${group}, which its group has reached` };
  }
  if (w <= lower + TOLERANCE) {
    return { name: "constraint", value: lower, text: lower === 0 ? "left out: adding it would not improve the portfolio" : `held at its ${pct(lower)} lower bound` };
  }
  const cap = limits.volatilityCap;
  const within = cap === undefined ? "" : `, with the portfolio at its ${pct(cap)} volatility cap`;
  return { name: "constraint", value: null, text: `between its bounds: the optimiser's trade-off of its expected return against its risk${within}` };
}

function portfolioLimits(input: ExplanationInput, risk: number): PortfolioLimits {
  const groupOf = input.groupCaps?.groupOf ?? {};
  const caps = input.groupCaps?.caps ?? {};
  const totals = new Map<string, number>();
  input.weights.labels.forEach((t, i) => {
    const g = groupOf[t];
    if (g !== undefined) totals.set(g, (totals.get(g) ?? 0) + input.weights.values[i]!);
  });
  const fullGroups = new Map(Object.entries(caps).filter(([g, cap]) => (totals.get(g) ?? 0) >= cap - TOLERANCE && cap > 0));
  const vol = Math.sqrt(Math.max(0, risk));
  const volatilityCap = input.maxVolatility !== undefined && vol >= input.maxVolatility - TOLERANCE ? input.maxVolatility : undefined;
  return { groupOf, fullGroups, volatilityCap };
}

/**
 * An explanation card for every asset: its signal (see {@link signalFor}) and what drives its weight — what set
 * it (the bound that binds or the optimiser's trade-off; for the growth × confidence rule, the part of the rule:
 * score share, maxWeight cap, volatility scaling, minimum score), the expected return, its share of the portfolio's
 * risk against its share of capital, and the model's expected growth and confidence where the model covers it. The
 * sentence does not repeat the ticker, which is shown beside it.
 *
 * @example
 * ```ts
 * const cards = explanationCards({ weights, expectedReturns: mu, cov, bounds: [0, 0.25] });
 * cards[0].sentence;
 * // => "Target 25.0 % (BUY, +25.0 points). Capped by the 25.0 % upper bound; expected return 3.0 % a year;
 * //     it carries 8.1 % of the portfolio's risk for 25.0 % of its capital (a diversifier)."
 * explanationCards({ weights: gc, expectedReturns: mu, cov, forecast, growthConfidence: { maxWeight: 0.25 } });
 * // => "… Capped by the rule at maxWeight 25.0 %: its score share alone would give 31.2 %; …"
 * ```
 * @throws InputError when labels differ between the inputs, a forecast names an unknown ticker, `growthConfidence`
 *   comes without a forecast, or the weights are not those the rule gives (NOT_RULE_WEIGHTS, naming the ticker).
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
  const limits = portfolioLimits(input, portfolioVariance(cov.values, weights.values));
  const growth = new Map<string, number>();
  const confidence = new Map<string, number>();
  const forecast = input.forecast;
  if (forecast) {
    const known = new Set(weights.labels);
    forecast.expectedGrowth.labels.forEach((t, i) => growth.set(t, forecast.expectedGrowth.values[i]!));
    forecast.confidence.labels.forEach((t, i) => confidence.set(t, forecast.confidence.values[i]!));
    for (const t of [...growth.keys(), ...confidence.keys()]) {
      if (!known.has(t)) throw new InputError("UNKNOWN_TICKER", `${caller}: the forecast names ${t}, which has no weight; forecast only the portfolio's assets`, { ticker: t });
    }
  }
  let steps: GrowthConfidenceSteps | undefined;
  if (input.growthConfidence) {
    if (!forecast) throw new InputError("NO_FORECAST", `${caller}: growthConfidence says the weights come from the growth × confidence rule; pass the forecast it was applied to`);
    steps = growthConfidenceSteps(forecast, cov, input.growthConfidence, caller);
    const off = weights.labels.findIndex((_, i) => Math.abs(steps!.weights[i]! - weights.values[i]!) > TOLERANCE);
    if (off >= 0) {
      throw new InputError(
        "NOT_RULE_WEIGHTS",
        `${caller}: the weight of ${weights.labels[off]} is ${pct(weights.values[off]!, 4)}, but the growth × confidence rule with these options gives ${pct(steps.weights[off]!, 4)}; pass the options the weights were made with, or leave growthConfidence out for an optimiser's weights`,
        { ticker: weights.labels[off] },
      );
    }
  }
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
    const drivers: Driver[] = [steps ? ruleDriver(steps, i, score !== undefined) : boundDriver(ticker, w, lower[i]!, upper[i]!, limits)];
    drivers.push({ name: "expected return", value: mu, text: `expected return ${pct(mu)} a year` });
    if (w > TOLERANCE) {
      const ratio = share / w;
      drivers.push({
        name: "risk contribution",
        value: share,
        text: `it carries ${pct(share)} of the portfolio's risk for ${pct(w)} of its capital${ratio < 0.7 ? " (a diversifier)" : ratio > 1.3 ? " (a concentrated risk)" : ""}`,
      });
    }
    if (g !== undefined && c !== undefined) {
      drivers.push({ name: "model", value: g * c, text: `the model expects ${pct(g)} earnings growth with ${pct(c, 0)} confidence` });
    }
    const gap = w - current;
    const head = `Target ${pct(w)} (${signal}, ${gap >= 0 ? "+" : "−"}${(Math.abs(gap) * 100).toFixed(1)} points).`;
    const sentence = `${head} ${capitalise(drivers.map((d) => d.text).join("; "))}.`;
    cards.push({ ticker, weight: w, current, signal, sentence, drivers, expectedReturn: mu, riskShare: w > TOLERANCE ? share : 0, growth: g ?? null, confidence: c ?? null });
  }
  return cards;
}

/** Options of {@link explanationTable}. */
export interface ExplanationTableOptions {
  /** Keep every card, not only those of assets held now or wanted (default false). */
  readonly all?: boolean;
  /** Weights at or below this count as not held (default 1e-4, a hundredth of a percent). */
  readonly exitWeight?: number;
  /** At most this many rows are shown (default 50). */
  readonly maxRows?: number;
}

/**
 * The cards as a table, one row per asset held now or wanted (every asset with `all`), strongest signal first and,
 * within a signal, the largest move up first: signal, target, current weight, gap (target − current), the model's
 * growth and confidence (blank where it has none) and the card's sentence. Displays itself; `.sortBy("target")`,
 * `.select([...])` and `.head(n)` reshape it.
 *
 * @param cards from {@link explanationCards}; not changed.
 * @example
 * ```ts
 * explanationTable(explanationCards({ weights, current, expectedReturns: mu, cov, forecast }));
 * // ticker  signal      target   current  gap       growth   confidence  why
 * // LTBX    STRONG BUY  25.0 %   0.0 %    25.0 %    —        —           Target 25.0 % (STRONG BUY, …
 * ```
 * @throws InputError EMPTY_TABLE when no card is left.
 */
export function explanationTable(cards: readonly ExplanationCard[], options: ExplanationTableOptions = {}): Table {
  const exit = options.exitWeight ?? DEFAULT_SIGNAL_THRESHOLDS.exitWeight;
  const kept = options.all ? [...cards] : cards.filter((c) => c.weight > exit || c.current > exit);
  if (kept.length === 0) throw new InputError("EMPTY_TABLE", "explanationTable: no asset is held or wanted; pass all: true to list every card");
  const rank = (s: Signal) => SIGNALS.indexOf(s);
  kept.sort((a, b) => rank(a.signal) - rank(b.signal) || b.weight - b.current - (a.weight - a.current));
  const rows = kept.map((c) => ({
    ticker: c.ticker,
    signal: c.signal,
    target: c.weight,
    current: c.current,
    gap: c.weight - c.current,
    growth: c.growth ?? null,
    confidence: c.confidence ?? null,
    why: c.sentence,
  }));
  const fraction = "fraction" as const;
  return tableOfRows(rows, { units: { signal: "text", target: fraction, current: fraction, gap: fraction, growth: fraction, confidence: fraction, why: "text" }, maxRows: options.maxRows });
}

/**
 * How many assets carry each signal, strongest buy first (every signal listed, 0 included): a count by signal that
 * displays itself.
 *
 * @example
 * ```ts
 * signalCounts(cards).toObject(); // => { "STRONG BUY": 3, BUY: 5, HOLD: 30, REDUCE: 1, SELL: 4 }
 * ```
 */
export function signalCounts(cards: readonly ExplanationCard[]): Vector {
  return new Vector(SIGNALS, SIGNALS.map((s) => cards.filter((c) => c.signal === s).length), { unit: "count", name: "assets", labelName: "signal" });
}
