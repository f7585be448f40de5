/**
 * Drift of the last few years against the years before them, read off a panel of features, outcomes and forecasts.
 */
import { InputError, tableOfRows } from "../../core/index";
import type { LabelledVector, Panel, Table } from "../../core/index";
import { driftReport, type DriftReport, type DriftThresholds } from "./drift-report";

/** Options of {@link recentDrift}. */
export interface RecentDriftOptions {
  /** Calendar years counted as recent: the rows dated from 1 January of (the last row's year − years + 1) on. */
  readonly years: number;
  /** The feature columns whose distributions are compared (PSI). */
  readonly features: readonly string[];
  /** The forecast column whose errors (outcome − forecast) are compared; leave out to skip the error ratio. */
  readonly forecast?: string;
  /** The column of outcomes (default `"outcome"`). */
  readonly outcome?: string;
  /** Daily benchmark returns labelled by date (e.g. `prices.returns().series("MKTIDX")`); leave out to skip the volatility ratio. */
  readonly marketReturns?: LabelledVector;
  readonly thresholds?: DriftThresholds;
}

/** A {@link DriftReport} and the first date counted as recent. */
export interface RecentDrift extends DriftReport {
  readonly since: string;
}

function between(returns: LabelledVector, from: string, to: string): number[] {
  const out: number[] = [];
  returns.labels.forEach((date, i) => {
    const r = returns.values[i] as number;
    if (date >= from && date <= to && Number.isFinite(r)) out.push(r); // a missing price leaves no return
  });
  return out;
}

/**
 * {@link driftReport} of the recent rows against the earlier ones: PSI of each feature, the RMSE of the recent
 * forecast errors over the earlier ones', and the benchmark's volatility since `since` over its volatility from the
 * first row to `since` (both windows include `since`).
 *
 * @param panel rows with the features, an outcome column and a forecast column, e.g.
 *   `growth.toPanel().with("ensemble", run.outputs.forecast)`; not changed.
 * @example
 * ```ts
 * const drift = recentDrift(growthForecasts, { years: 3, features: featureNames, forecast: "stacked ensemble",
 *   marketReturns: prices.returns().series("MKTIDX") });
 * driftTable(drift); // since, error ratio, volatility ratio, retrain; the reasons in the caption
 * ```
 * @throws InputError BAD_YEARS unless years is a whole number ≥ 1; NO_RECENT_ROWS or NO_EARLIER_ROWS when one side is
 *   empty; as {@link driftReport} (too few errors or returns).
 */
export function recentDrift(panel: Panel, options: RecentDriftOptions): RecentDrift {
  const { years } = options;
  if (!Number.isSafeInteger(years) || years < 1) throw new InputError("BAD_YEARS", `recentDrift: years ${String(years)} must be a whole number ≥ 1`, { years });
  const dates = panel.asOfDates;
  const first = dates[0] ?? "";
  const last = dates[dates.length - 1] ?? "";
  const since = dates.find((d) => d >= `${Number(last.slice(0, 4)) - years + 1}-01-01`);
  if (since === undefined || panel.length === 0) throw new InputError("NO_RECENT_ROWS", "recentDrift: the panel has no rows", {});
  if (since === first) {
    throw new InputError("NO_EARLIER_ROWS", `recentDrift: every row is dated in the last ${years} years (from ${since}); take fewer years or more history`, { since });
  }
  const features = panel.select(options.features);
  const reference = features.where((row) => (row.date as string) < since);
  const recent = features.where((row) => (row.date as string) >= since);
  const forecast = options.forecast;
  const errorsOf = (rows: Panel) => {
    const actual = rows.values(options.outcome ?? "outcome");
    const predicted = rows.values(forecast as string);
    return Array.from(actual, (a, i) => a - (predicted[i] as number)).filter(Number.isFinite);
  };
  const withErrors = forecast === undefined ? panel : panel.wherePresent(forecast);
  const market = options.marketReturns;
  const report = driftReport({
    reference,
    recent,
    errors: forecast === undefined ? undefined : { reference: errorsOf(withErrors.where((r) => (r.date as string) < since)), recent: errorsOf(withErrors.where((r) => (r.date as string) >= since)) },
    marketReturns: market === undefined ? undefined : { reference: between(market, first, since), recent: between(market, since, market.labels[market.labels.length - 1] ?? since) },
    thresholds: options.thresholds,
  });
  return { ...report, since };
}

/**
 * A drift report as one row (since, error ratio, volatility ratio, retrain) with its first three reasons in the caption.
 *
 * @example
 * ```ts
 * driftTable(recentDrift(panel, { years: 3, features: names }));
 * ```
 */
export function driftTable(drift: RecentDrift): Table {
  const reasons = drift.reasons.length > 0 ? `Retrain: ${drift.reasons.slice(0, 3).join("; ")}${drift.reasons.length > 3 ? "; …" : ""}` : "no threshold crossed";
  return tableOfRows([{ since: drift.since, errorRatio: drift.errorRatio, volatilityRatio: drift.volatilityRatio, retrain: drift.retrain }], {
    units: { since: "date", errorRatio: "ratio", volatilityRatio: "ratio" },
    caption: reasons,
  });
}
