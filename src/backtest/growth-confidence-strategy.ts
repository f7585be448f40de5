/**
 * The model-driven allocation: weights in proportion to expected growth × confidence.
 */
import { InputError } from "../core/index";
import { growthTimesConfidence } from "../models/index";
import { cappedWeights } from "./capped-weights";
import { hashParameters } from "./content-hash";
import { ForecastSchedule, type ForecastInput } from "./forecast-schedule";
import type { Strategy } from "./strategy";

/** Options of {@link growthConfidenceStrategy}. */
export interface GrowthConfidenceStrategyOptions {
  /** The forecasts, each used from its as-of date (or its key) on; see {@link ForecastInput}. */
  readonly forecasts: ForecastInput;
  /** Cap per weight. Default 0.1. */
  readonly maxWeight?: number;
  /** Calendar days after its as-of date beyond which a forecast is too old to trade on (then: cash). Default no limit. */
  readonly maxAgeDays?: number;
  /** Name shown in tables. Default `"growth × confidence"`. */
  readonly name?: string;
}

const MS_PER_DAY = 86_400_000;

/**
 * The model-driven allocation of the modelling layer: at each rebalance, the latest forecast made on or before
 * the date (never a later one: see {@link ForecastSchedule}) scores each tradable company by expected growth ×
 * confidence (`growthTimesConfidence`), and weights are proportional to `max(0, score)`, each capped at
 * `maxWeight` ({@link cappedWeights}). Before the first forecast, when every score is ≤ 0, or when the latest
 * forecast is older than `maxAgeDays`, it holds cash (noted).
 *
 * Its signal version is a hash of every forecast; its model version names the models behind them.
 *
 * @param options `{ forecasts, maxWeight = 0.1, maxAgeDays = Infinity, name }`.
 * @throws InputError from {@link ForecastSchedule} (LOOK_AHEAD for a forecast keyed before its as-of date, …),
 *   BAD_CAP, BAD_OPTION for a bad `maxAgeDays`.
 * @example
 * ```ts
 * const strategy = growthConfidenceStrategy({ forecasts: quarterlyForecasts, maxWeight: 0.1 });
 * const result = await runBacktest(prices, strategy, { rebalance: calendarRebalance("quarterly") });
 * ```
 */
export function growthConfidenceStrategy(options: GrowthConfidenceStrategyOptions): Strategy {
  const schedule = new ForecastSchedule(options.forecasts);
  const maxWeight = options.maxWeight ?? 0.1;
  cappedWeights({ labels: [], values: new Float64Array() }, maxWeight);
  const maxAgeDays = options.maxAgeDays ?? Infinity;
  if (typeof maxAgeDays !== "number" || !(maxAgeDays >= 0)) throw new InputError("BAD_OPTION", `growthConfidenceStrategy: maxAgeDays ${String(maxAgeDays)} must be ≥ 0 (calendar days)`, { maxAgeDays });
  const forecasts = schedule.all;
  const models = [...new Set(forecasts.map((f) => `growth: ${f.models.growth}; confidence: ${f.models.confidence}`))].join(" | ");
  return {
    name: options.name ?? "growth × confidence",
    parameters: { maxWeight, maxAgeDays: Number.isFinite(maxAgeDays) ? maxAgeDays : "none", forecasts: schedule.size, firstAsOf: forecasts[0]!.asOf, lastAsOf: forecasts[forecasts.length - 1]!.asOf },
    signalVersion: hashParameters(forecasts.map((f) => ({ asOf: f.asOf, growth: f.expectedGrowth, confidence: f.confidence }))),
    modelVersion: models,
    targetWeights(view) {
      const forecast = schedule.asOf(view.date);
      if (forecast === null) {
        view.note(`no forecast as of ${view.date} (the first is as of ${forecasts[0]!.asOf}): holding cash`);
        return { labels: [], values: new Float64Array() };
      }
      const age = (Date.parse(view.date) - Date.parse(forecast.asOf)) / MS_PER_DAY;
      if (age > maxAgeDays) {
        view.note(`the latest forecast (as of ${forecast.asOf}) is ${Math.round(age)} days old, beyond ${maxAgeDays}: holding cash`);
        return { labels: [], values: new Float64Array() };
      }
      const score = growthTimesConfidence(forecast);
      const tradable = new Set(view.tradable);
      const keep = score.labels.map((t, i) => i).filter((i) => tradable.has(score.labels[i]!));
      const weights = cappedWeights({ labels: keep.map((i) => score.labels[i]!), values: Float64Array.from(keep, (i) => score.values[i]!) }, maxWeight);
      if (!weights.values.some((w) => w > 0)) view.note(`no tradable company has a positive growth × confidence (forecast as of ${forecast.asOf}): holding cash`);
      return weights;
    },
  };
}
