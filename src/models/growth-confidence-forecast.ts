/**
 * The growth × confidence forecast in one call: quarterly features from prices and fundamentals, next fiscal
 * year's net-income growth forecast by a regressor and the probability that it is positive by a classifier, both
 * walk-forward (no forecast from a model that saw its label), gathered into one `AllocationForecast` per as-of date.
 */
import { panel, table, vector, type DateTable, type Panel, type Table } from "../core/index";
import { FeatureStore, forwardGrowthTarget, quarterEnds, type PointInTimeFundamentals } from "../features/index";
import { allocationForecast, growthTimesConfidence, type AllocationForecast } from "./allocation-forecast";
import type { Classifier, Regressor } from "./estimator";
import { LogisticRegression, RidgeRegression } from "./linear/index";
import { classifierForecaster, expandingWindow, regressorForecaster, walkForward, type WalkForwardResult, type WalkForwardSplitter } from "./validation/index";
import { InputError } from "../core/index";

/** The market the forecast is made from. */
export interface GrowthConfidenceMarket {
  /** Adjusted closes, dates × tickers. */
  readonly prices: DateTable;
  /** Point-in-time fundamentals (used from their filing date on). */
  readonly fundamentals: readonly PointInTimeFundamentals[];
  /** Benchmark ticker for beta and correlation features (default `"MKTIDX"`, the embedded market's index). */
  readonly benchmark?: string;
}

/** Options of {@link growthConfidenceForecast}. */
export interface GrowthConfidenceForecastOptions {
  /** Forecasts next year's net-income growth (default ridge regression, α = 1). */
  readonly growthModel?: Regressor;
  /** Forecasts the probability that growth is positive (default logistic regression, α = 1). */
  readonly confidenceModel?: Classifier;
  /**
   * Which quarters are forecast out of sample (default: the last quarter only, trained on every earlier quarter
   * whose label is known, one quarter purged). Pass e.g. `expandingWindow({ minTrainPeriods: 16, testPeriods: 4,
   * purgePeriods: 1 })` for a forecast every quarter after the first four years (a backtest's schedule).
   */
  readonly splitter?: WalkForwardSplitter;
  /** Horizon of the forecasts in trading days (default 252: one year). */
  readonly horizonDays?: number;
}

/** What {@link growthConfidenceForecast} returns. */
export interface GrowthConfidenceForecasts {
  /** The forecast of the last quarter forecast. */
  readonly latest: AllocationForecast;
  /** One forecast per quarter forecast out of sample, oldest first. */
  readonly forecasts: readonly AllocationForecast[];
  /** The quarterly features, with the `growth` and `confidence` forecasts joined as columns (`NaN` where not forecast). */
  readonly features: Panel;
  /** The two walk-forward runs (folds, timings, raw outputs). */
  readonly growthRun: WalkForwardResult;
  readonly confidenceRun: WalkForwardResult;
}

/**
 * Quarterly growth and confidence forecasts, walk-forward, in one call.
 *
 * @example
 * ```ts
 * const { latest } = await growthConfidenceForecast({ prices, fundamentals });
 * forecastTable(latest).top(10, "score"); // the ten best growth × confidence scores
 * ```
 * @throws InputError NO_FORECAST when the splitter leaves no quarter to forecast; whatever the features, the
 *   splitter or the models throw.
 */
export async function growthConfidenceForecast(market: GrowthConfidenceMarket, options: GrowthConfidenceForecastOptions = {}): Promise<GrowthConfidenceForecasts> {
  const store = new FeatureStore({ prices: market.prices, fundamentals: market.fundamentals, benchmark: market.benchmark ?? "MKTIDX" });
  const quarterly = store.build({ sampling: quarterEnds() });
  const target = forwardGrowthTarget(market.fundamentals, quarterly);
  const quarters = new Set(quarterly.dates).size;
  const splitter = options.splitter ?? expandingWindow({ minTrainPeriods: quarters - 2, testPeriods: 1, purgePeriods: 1 });
  const growthModel = options.growthModel ?? new RidgeRegression({ alpha: 1 });
  const confidenceModel = options.confidenceModel ?? new LogisticRegression({ alpha: 1 });
  const growthRun = await walkForward(quarterly, target, splitter, regressorForecaster(growthModel));
  const confidenceRun = await walkForward(quarterly, target, splitter, classifierForecaster(confidenceModel));
  const growth = growthRun.outputs.forecast;
  const probability = confidenceRun.outputs.probability;
  if (growth === undefined || probability === undefined) {
    throw new InputError("NO_FORECAST", "growthConfidenceForecast: the models returned no forecast or probability output");
  }
  const features = panel(quarterly)
    .with("growth", growth.map((g, i) => (growthRun.tested[i] === 1 ? g : Number.NaN)), "fraction")
    .with("confidence", probability.map((p, i) => (confidenceRun.tested[i] === 1 ? p : Number.NaN)), "fraction");
  const tested = features.wherePresent("growth");
  const forecasts = tested.asOfDates.map((asOf) => {
    const rows = tested.on(asOf);
    const tickers = rows.tickers;
    return allocationForecast({
      asOf,
      horizonDays: options.horizonDays ?? 252,
      growth: { tickers, values: rows.values("growth"), model: growthModel.name },
      confidence: { tickers, values: rows.values("confidence"), model: confidenceModel.name },
      returns: { tickers, values: new Float64Array(tickers.length), model: "none" },
    });
  });
  const latest = forecasts[forecasts.length - 1];
  if (latest === undefined) {
    throw new InputError("NO_FORECAST", `growthConfidenceForecast: the splitter forecasts none of the ${quarters} quarters; lower its minimum training periods`);
  }
  return { latest, forecasts, features, growthRun, confidenceRun };
}

/**
 * A forecast as a table by ticker: expected growth, confidence, their product (the score) and the expected return
 * (left out when no returns model made one), each in percent; it displays itself.
 *
 * @example
 * ```ts
 * forecastTable(latest).top(10, "score");
 * ```
 */
export function forecastTable(forecast: AllocationForecast): Table {
  const f = (v: { labels: readonly string[]; values: Float64Array }) => vector(v, { unit: "fraction" });
  const columns = { growth: f(forecast.expectedGrowth), confidence: f(forecast.confidence), score: f(growthTimesConfidence(forecast)) };
  const withReturns = forecast.models.returns === "none" ? columns : { ...columns, "expected return": f(forecast.expectedReturn) };
  const models = `growth: ${forecast.models.growth}; confidence: ${forecast.models.confidence}${forecast.models.returns === "none" ? "" : `; returns: ${forecast.models.returns}`}`;
  return table(withReturns, { caption: `Forecasts as of ${forecast.asOf} (${models})` });
}
