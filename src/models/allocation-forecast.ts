/**
 * The modelling layer's hand-off to the allocation layer.
 */
import { InputError } from "../core/index";
import { TRADING_DAYS_PER_YEAR } from "../core/index";
import type { LabelledVector } from "../core/index";

/**
 * Per ticker, as of one date: expected growth with its confidence, and expected return — all as
 * {@link LabelledVector}s over the same tickers in the same order.
 *
 * @example
 * ```ts
 * const f: AllocationForecast = { asOf: "2025-12-31", horizonDays: 21,
 *   expectedGrowth: { labels: ["A", "B"], values: Float64Array.of(0.12, -0.03) },
 *   confidence: { labels: ["A", "B"], values: Float64Array.of(0.81, 0.35) },
 *   expectedReturn: { labels: ["A", "B"], values: Float64Array.of(0.14, 0.02) },
 *   models: { growth: "stacked ensemble", confidence: "stacked ensemble", returns: "random forest" } };
 * ```
 */
export interface AllocationForecast {
  /** The as-of date of the features the forecasts were made from. */
  readonly asOf: string;
  /** Forecast net-income growth of each company's next fiscal year (fraction, e.g. 0.12 = +12 %). */
  readonly expectedGrowth: LabelledVector;
  /** Probability that that growth is positive, in [0, 1]. */
  readonly confidence: LabelledVector;
  /** Expected return, annualised (compounded from the `horizonDays` forecast with 252 days a year). */
  readonly expectedReturn: LabelledVector;
  /** Horizon of the return model, trading days. */
  readonly horizonDays: number;
  /** Which model produced each vector. */
  readonly models: { readonly growth: string; readonly confidence: string; readonly returns: string };
}

/** Forecasts keyed by ticker, as a model produced them. */
export interface TickerForecasts {
  readonly tickers: readonly string[];
  readonly values: ArrayLike<number>;
  /** The model's name. */
  readonly model: string;
}

function byTicker(caller: string, what: string, f: TickerForecasts): Map<string, number> {
  if (f.tickers.length !== f.values.length) throw new InputError("SHAPE_MISMATCH", `${caller}: ${what} has ${f.tickers.length} tickers and ${f.values.length} values`);
  const out = new Map<string, number>();
  f.tickers.forEach((t, i) => {
    const v = f.values[i]!;
    if (!Number.isFinite(v)) throw new InputError("NAN_IN_INPUT", `${caller}: ${what} of ${t} is ${v}; every ticker needs a finite forecast`, { ticker: t });
    if (out.has(t)) throw new InputError("DUPLICATE_TICKER", `${caller}: ${what} has ${t} twice; pass one row per ticker (one as-of date)`, { ticker: t });
    out.set(t, v);
  });
  return out;
}

/**
 * Builds the hand-off from one date's forecasts: tickers are those present in all three, sorted;
 * the return forecast over `horizonDays` is annualised as `(1 + r)^(252 / horizonDays) − 1`.
 *
 * @throws InputError SHAPE_MISMATCH, NAN_IN_INPUT, DUPLICATE_TICKER, BAD_PROBABILITY (a confidence
 *   outside [0, 1]), BAD_WINDOW (horizon), NO_COMMON_TICKERS.
 * @example
 * ```ts
 * allocationForecast({ asOf: "2025-12-31", horizonDays: 21,
 *   growth: { tickers: ["A"], values: [0.1], model: "ensemble" }, confidence: { tickers: ["A"], values: [0.8], model: "ensemble" },
 *   returns: { tickers: ["A"], values: [0.01], model: "rf" } }).expectedReturn.values[0]; // => 0.1268 ((1.01)^12 − 1)
 * ```
 */
export function allocationForecast(input: {
  readonly asOf: string;
  readonly growth: TickerForecasts;
  readonly confidence: TickerForecasts;
  readonly returns: TickerForecasts;
  readonly horizonDays: number;
}): AllocationForecast {
  const caller = "allocationForecast";
  if (!Number.isInteger(input.horizonDays) || input.horizonDays < 1) throw new InputError("BAD_WINDOW", `${caller}: horizonDays ${input.horizonDays} must be an integer ≥ 1`);
  const g = byTicker(caller, "growth", input.growth);
  const c = byTicker(caller, "confidence", input.confidence);
  const r = byTicker(caller, "returns", input.returns);
  for (const [t, p] of c) if (p < 0 || p > 1) throw new InputError("BAD_PROBABILITY", `${caller}: confidence of ${t} is ${p}; probabilities lie in [0, 1]`, { ticker: t });
  const tickers = [...g.keys()].filter((t) => c.has(t) && r.has(t)).sort();
  if (tickers.length === 0) throw new InputError("NO_COMMON_TICKERS", `${caller}: no ticker has all three forecasts (growth ${g.size}, confidence ${c.size}, returns ${r.size}); forecast the same universe`);
  const power = TRADING_DAYS_PER_YEAR / input.horizonDays;
  return {
    asOf: input.asOf,
    expectedGrowth: { labels: tickers, values: Float64Array.from(tickers, (t) => g.get(t)!) },
    confidence: { labels: tickers, values: Float64Array.from(tickers, (t) => c.get(t)!) },
    expectedReturn: { labels: tickers, values: Float64Array.from(tickers, (t) => Math.pow(1 + r.get(t)!, power) - 1) },
    horizonDays: input.horizonDays,
    models: { growth: input.growth.model, confidence: input.confidence.model, returns: input.returns.model },
  };
}

/**
 * Expected growth × confidence per ticker: the score of the "growth × confidence" allocation
 * (large when growth is expected and the models are sure of it).
 *
 * @example
 * ```ts
 * growthTimesConfidence(forecast).values; // => Float64Array [0.0972, -0.0105]
 * ```
 */
export function growthTimesConfidence(forecast: AllocationForecast): LabelledVector {
  return { labels: forecast.expectedGrowth.labels, values: forecast.expectedGrowth.values.map((g, i) => g * forecast.confidence.values[i]!) };
}
