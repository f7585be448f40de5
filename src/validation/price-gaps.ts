/**
 * Price gaps: market days inside a ticker's history on which it has no price.
 */
import { findingId, type Finding } from "./finding";
import type { PriceSeries } from "./price-series";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

/**
 * The market calendar implied by the series: every date on which at least
 * `settings.prices.calendarShare` of the tickers listed then (between their first and last
 * date) have a price. Ascending ISO dates. Holidays, when no ticker trades, are not market days.
 *
 * @example
 * ```ts
 * marketCalendar([a, b, c]); // => ["2024-01-02", "2024-01-03", …]
 * ```
 */
export function marketCalendar(series: readonly PriceSeries[], settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): string[] {
  const counts = new Map<string, number>();
  for (const s of series) for (const d of s.dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  const spans = series.filter((s) => s.dates.length > 0).map((s) => [s.dates[0]!, s.dates[s.dates.length - 1]!] as const);
  return [...counts.keys()].sort().filter((d) => {
    const listed = spans.reduce((n, [first, last]) => (first <= d && d <= last ? n + 1 : n), 0);
    return counts.get(d)! >= settings.prices.calendarShare * listed;
  });
}

/**
 * `price-gap` findings: each run of consecutive market days (see {@link marketCalendar}) between a
 * ticker's first and last price without a price. A warning for up to `settings.prices.gapErrorDays`
 * days, an error beyond. A one-day gap can be filled by an `adjust` decision; longer ones only accepted.
 * Gaps include days whose raw row was rejected by the build (e.g. a zero price). Inputs are only read.
 *
 * @example
 * ```ts
 * // A trades 01-02, 01-03, 01-05; B and C trade every day 01-02..01-05
 * checkPriceGaps([a, b, c]).map((f) => f.id); // => ["price-gap/A/2024-01-04"]
 * ```
 */
export function checkPriceGaps(series: readonly PriceSeries[], settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): Finding[] {
  const calendar = marketCalendar(series, settings);
  const out: Finding[] = [];
  for (const s of series) {
    if (s.dates.length < 2) continue;
    const have = new Set(s.dates);
    const first = s.dates[0]!;
    const last = s.dates[s.dates.length - 1]!;
    let run: string[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const from = run[0]!;
      const to = run[run.length - 1]!;
      const n = run.length;
      out.push({
        id: findingId("price-gap", s.ticker, from),
        check: "prices",
        rule: "price-gap",
        ticker: s.ticker,
        fiscalYear: null,
        date: from,
        severity: n > settings.prices.gapErrorDays ? "error" : "warning",
        value: n,
        message: n === 1 ? `${s.ticker} has no price on market day ${from}` : `${s.ticker} has no price on ${n} market days in a row, ${from} to ${to}`,
        target: { kind: "price-days", from, to },
        allowed: n === 1 ? ["accept", "adjust"] : ["accept"],
      });
      run = [];
    };
    for (const d of calendar) {
      if (d < first || d > last) continue;
      if (have.has(d)) flush();
      else run.push(d);
    }
    flush();
  }
  return out;
}
