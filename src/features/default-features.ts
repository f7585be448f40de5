/**
 * The feature store's default catalogue and its windows, in one place.
 */
import type { FeatureDefinition } from "./feature-definition";
import { daysSinceFilingFeature, fundamentalChangeFeature, fundamentalFeature, stabilityScoreFeature } from "./fundamental-features";
import {
  alphaFeature,
  betaFeature,
  dailyLogReturnFeature,
  dailyReturnFeature,
  marketCorrelationFeature,
  meanReturnFeature,
  momentumFeature,
  volatilityFeature,
  zScoreFeature,
} from "./price-features";

/**
 * Windows of the default price features, in trading days (21 ≈ a month, 63 a quarter, 252 a year).
 *
 * @example
 * ```ts
 * DEFAULT_FEATURE_WINDOWS.momentum; // => [21, 63, 126, 252]
 * ```
 */
export const DEFAULT_FEATURE_WINDOWS = Object.freeze({
  mean: Object.freeze([21, 63, 252]),
  volatility: Object.freeze([21, 63, 252]),
  momentum: Object.freeze([21, 63, 126, 252]),
  zScore: Object.freeze([21, 63]),
  correlation: Object.freeze([63, 252]),
  capm: Object.freeze([252]),
});

/** Windows of {@link defaultFeatureCatalogue}; any group left out takes its default. */
export interface FeatureWindows {
  readonly mean?: readonly number[];
  readonly volatility?: readonly number[];
  readonly momentum?: readonly number[];
  readonly zScore?: readonly number[];
  readonly correlation?: readonly number[];
  readonly capm?: readonly number[];
}

/**
 * Every feature the store offers by default: daily simple and log returns, rolling mean and
 * volatility, momentum, mean-reversion z-scores, correlation to the market, CAPM beta and alpha
 * (18 price features by default), then fundamentals (revenue and net-income growth, net and
 * operating margins and their changes, return on equity, days since filing) and the optional
 * stability score.
 *
 * @param windows override any group of windows (trading days).
 * @throws InputError BAD_WINDOW for a window that is not a valid integer.
 * @example
 * ```ts
 * defaultFeatureCatalogue().length;                       // => 27
 * defaultFeatureCatalogue({ momentum: [252] }).length;     // => 24
 * ```
 */
export function defaultFeatureCatalogue(windows: FeatureWindows = {}): FeatureDefinition[] {
  const w = { ...DEFAULT_FEATURE_WINDOWS, ...windows };
  return [
    dailyReturnFeature(),
    dailyLogReturnFeature(),
    ...w.mean.map(meanReturnFeature),
    ...w.volatility.map(volatilityFeature),
    ...w.momentum.map(momentumFeature),
    ...w.zScore.map(zScoreFeature),
    ...w.correlation.map(marketCorrelationFeature),
    ...w.capm.flatMap((n) => [betaFeature(n), alphaFeature(n)]),
    fundamentalFeature("revenueGrowth"),
    fundamentalFeature("netIncomeGrowth"),
    fundamentalFeature("netMargin"),
    fundamentalChangeFeature("netMargin"),
    fundamentalFeature("operatingMargin"),
    fundamentalChangeFeature("operatingMargin"),
    fundamentalFeature("returnOnEquity"),
    daysSinceFilingFeature(),
    stabilityScoreFeature(),
  ];
}
