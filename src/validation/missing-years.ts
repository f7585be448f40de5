/**
 * Missing years: fiscal years a company should have reported but the canonical fundamentals lack.
 */
import type { FundamentalsRow, PriceCoverage } from "../data/index";
import { addDays } from "../core/index";
import { fiscalPeriodEnd } from "./fiscal-period-end";
import { findingId, type Finding } from "./finding";
import { groupByTicker } from "./format";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

/**
 * `missing-year` findings (warning), one per company and fiscal year expected but absent:
 * - every year between a company's first and last reported fiscal year;
 * - with price coverage for the ticker, also every fiscal year (at the company's latest year-end
 *   month) whose 10-K was surely filed while the stock traded: period end +
 *   `settings.earnings.minFilingLagDays` on or after its first price, and period end +
 *   `filingWindowDays` by its last price.
 * A year that ended well before the first price is not expected (a late listing cannot be told
 * from a missing year without a listing calendar). Missing years leave nothing to exclude or adjust, so
 * the only decision offered is `accept`. Inputs are only read.
 *
 * @example
 * ```ts
 * const rows = [2018, 2020].map((y) => ({ ticker: "A", fiscalYear: y, periodEnd: `${y}-12-31` }));
 * checkMissingYears(rows).map((f) => f.id); // => ["missing-year/A/2019"]
 * checkMissingYears(rows, [{ ticker: "A", firstDate: "2017-03-01", lastDate: "2022-06-30", days: 1400 }]).map((f) => f.fiscalYear);
 * // => [2017, 2019, 2021]
 * ```
 */
export function checkMissingYears(
  rows: readonly Pick<FundamentalsRow, "ticker" | "fiscalYear" | "periodEnd">[],
  coverage: readonly Pick<PriceCoverage, "ticker" | "firstDate" | "lastDate">[] = [],
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
): Finding[] {
  const window = settings.earnings.filingWindowDays;
  const minLag = settings.earnings.minFilingLagDays;
  const spans = new Map(coverage.map((c) => [c.ticker, c]));
  const out: Finding[] = [];
  for (const [ticker, list] of groupByTicker(rows)) {
    const reported = new Set(list.map((r) => r.fiscalYear));
    const first = list[0]!.fiscalYear;
    const last = list[list.length - 1]!.fiscalYear;
    const month = Number(list[list.length - 1]!.periodEnd.slice(5, 7));
    const expected = new Map<number, string>();
    for (let y = first + 1; y < last; y++) expected.set(y, "interior");
    const span = spans.get(ticker);
    if (span) {
      const fromYear = Number(span.firstDate.slice(0, 4)) - 1;
      const toYear = Number(span.lastDate.slice(0, 4));
      for (let y = fromYear; y <= toYear; y++) {
        const end = fiscalPeriodEnd(y, month);
        if (addDays(end, minLag) >= span.firstDate && addDays(end, window) <= span.lastDate && !expected.has(y)) expected.set(y, "edge");
      }
    }
    for (const [y, why] of [...expected.entries()].sort(([a], [b]) => a - b)) {
      if (reported.has(y)) continue;
      const end = fiscalPeriodEnd(y, month);
      const reason =
        why === "interior"
          ? `between its reported years ${first} and ${last}`
          : `although it traded from ${span!.firstDate} to ${span!.lastDate} and the 10-K was due by ${addDays(end, window)}`;
      out.push({
        id: findingId("missing-year", ticker, y),
        check: "earnings",
        rule: "missing-year",
        ticker,
        fiscalYear: y,
        date: end,
        severity: "warning",
        value: null,
        message: `${ticker} has no fundamentals for fiscal year ${y} (period ending ${end}) ${reason}`,
        target: { kind: "none" },
        allowed: ["accept"],
      });
    }
  }
  return out;
}
