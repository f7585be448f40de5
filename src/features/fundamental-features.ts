/**
 * Feature definitions read from point-in-time fundamentals: the latest fiscal year whose filing
 * is public on the as-of date (`filedDate ≤ t`), and changes against the year before it.
 */
import type { FeatureDefinition } from "./feature-definition";
import { lastKnownIndex, type PointInTimeFundamentals } from "./point-in-time";
import type { TickerHistory } from "./ticker-history";

/** A fundamentals field the store can read. */
export type FundamentalField = "revenueGrowth" | "netIncomeGrowth" | "netMargin" | "operatingMargin" | "returnOnEquity";

const SNAKE: Record<FundamentalField, string> = {
  revenueGrowth: "revenue_growth",
  netIncomeGrowth: "net_income_growth",
  netMargin: "net_margin",
  operatingMargin: "operating_margin",
  returnOnEquity: "return_on_equity",
};

/**
 * For each evaluated day, the latest known fiscal year's row and the row of the year before it
 * (if that one is known too), or `null`.
 */
function knownRows(h: TickerHistory, at: Int32Array): { latest: PointInTimeFundamentals | null; previous: PointInTimeFundamentals | null }[] {
  return Array.from(at, (t) => {
    const date = h.dates[t]!;
    const last = lastKnownIndex(h.filedDates, date);
    let latest: PointInTimeFundamentals | null = null;
    for (let i = 0; i <= last; i++) {
      const f = h.fundamentals[i]!;
      if (latest === null || f.fiscalYear > latest.fiscalYear) latest = f;
    }
    let previous: PointInTimeFundamentals | null = null;
    if (latest !== null) {
      for (let i = 0; i <= last; i++) if (h.fundamentals[i]!.fiscalYear === latest.fiscalYear - 1) previous = h.fundamentals[i]!;
    }
    return { latest, previous };
  });
}

const value = (v: number | null | undefined): number => (v === null || v === undefined || !Number.isFinite(v) ? Number.NaN : v);

/**
 * A fundamentals field of the latest fiscal year public on the as-of date. Name in snake case,
 * e.g. `revenue_growth`, `net_margin`.
 *
 * @example
 * ```ts
 * fundamentalFeature("revenueGrowth").name; // => "revenue_growth"
 * ```
 */
export function fundamentalFeature(field: FundamentalField): FeatureDefinition {
  return {
    name: SNAKE[field],
    description: `${SNAKE[field].replace(/_/g, " ")} of the latest fiscal year filed by the as-of date (fraction)`,
    source: "fundamentals",
    lookback: 0,
    unit: "fraction",
    compute: (h, at) => Float64Array.from(knownRows(h, at), (r) => value(r.latest?.[field])),
  };
}

/**
 * The change of a margin (or any field) from the previous fiscal year to the latest one public on
 * the as-of date, in fraction points. Name `<field>_change`, e.g. `net_margin_change`.
 *
 * @example
 * ```ts
 * fundamentalChangeFeature("netMargin").name; // => "net_margin_change"
 * ```
 */
export function fundamentalChangeFeature(field: FundamentalField): FeatureDefinition {
  return {
    name: `${SNAKE[field]}_change`,
    description: `${SNAKE[field].replace(/_/g, " ")} of the latest filed fiscal year minus the year before (fraction points)`,
    source: "fundamentals",
    lookback: 0,
    unit: "fraction",
    compute: (h, at) => Float64Array.from(knownRows(h, at), (r) => value(r.latest?.[field]) - value(r.previous?.[field])),
  };
}

/**
 * Business days since the latest fiscal year's filing became public: how stale the fundamentals are.
 * Name `days_since_filing`.
 *
 * @example
 * ```ts
 * daysSinceFilingFeature().name; // => "days_since_filing"
 * ```
 */
export function daysSinceFilingFeature(): FeatureDefinition {
  return {
    name: "days_since_filing",
    description: "trading days since the latest fiscal year's filing became public",
    source: "fundamentals",
    lookback: 0,
    unit: "count",
    compute: (h, at) =>
      Float64Array.from(knownRows(h, at), (r, k) => {
        if (r.latest === null) return Number.NaN;
        const filed = lastKnownIndex(h.dates, r.latest.filedDate);
        // A filing dated on a non-trading day counts from the trading day before it.
        return at[k]! - Math.max(filed, 0);
      }),
  };
}

/**
 * The latest per-company stability score known on the as-of date (the optional input
 * `FeatureStoreInputs.stabilityScores`, from the validation layer). Name `stability_score`.
 *
 * @example
 * ```ts
 * stabilityScoreFeature().name; // => "stability_score"
 * ```
 */
export function stabilityScoreFeature(): FeatureDefinition {
  return {
    name: "stability_score",
    description: "the validation layer's stability score of the company, latest known by the as-of date",
    source: "stabilityScores",
    lookback: 0,
    unit: "ratio",
    compute: (h, at) =>
      Float64Array.from(at, (t) => {
        const i = lastKnownIndex(h.stabilityDates, h.dates[t]!);
        return i < 0 ? Number.NaN : h.stabilityScores[i]!.score;
      }),
  };
}
