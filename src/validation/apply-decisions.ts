/**
 * Applying recorded decisions to the canonical data: excluded rows leave the modelling set,
 * adjusted values replace the originals. Pure functions of the data and the decisions.
 */
import type { DateTable } from "../core/index";
import type { FundamentalsRow } from "../data/index";
import { withDerivedMetrics } from "./derived-metrics";
import type { NewDecision } from "./recorded-decisions";

type Decision = Pick<NewDecision, "ticker" | "target" | "decision" | "newValue">;

/**
 * Fundamentals with the company-year decisions applied: `exclude` removes the company-year,
 * `adjust` replaces its `field` with `newValue` (USD millions), `accept` changes nothing. Ratios
 * and growth are then recomputed ({@link withDerivedMetrics}). When one company-year is both
 * excluded and adjusted, the exclusion wins. Other decisions are ignored. Inputs are not changed.
 *
 * @example
 * ```ts
 * applyDecisionsToFundamentals(rows, [{ ticker: "A", decision: "exclude", newValue: null,
 *   target: { kind: "company-year", fiscalYear: 2012, field: "netIncome" } }]).some((r) => r.ticker === "A" && r.fiscalYear === 2012);
 * // => false
 * ```
 */
export function applyDecisionsToFundamentals(rows: readonly FundamentalsRow[], decisions: readonly Decision[]): FundamentalsRow[] {
  const key = (ticker: string, year: number): string => `${ticker}\u0000${year}`;
  const excluded = new Set<string>();
  const adjusted = new Map<string, Partial<Record<string, number>>>();
  for (const d of decisions) {
    if (d.target.kind !== "company-year") continue;
    const k = key(d.ticker, d.target.fiscalYear);
    if (d.decision === "exclude") excluded.add(k);
    if (d.decision === "adjust" && d.newValue !== null) adjusted.set(k, { ...adjusted.get(k), [d.target.field]: d.newValue });
  }
  if (excluded.size === 0 && adjusted.size === 0) return rows.map((r) => ({ ...r }));
  const kept = rows.filter((r) => !excluded.has(key(r.ticker, r.fiscalYear))).map((r) => ({ ...r, ...adjusted.get(key(r.ticker, r.fiscalYear)) }));
  return withDerivedMetrics(kept);
}

/**
 * A price table with the price-day decisions applied: `exclude` sets the ticker's prices from
 * `from` to `to` to `NaN` (missing), `adjust` sets the one day's price to `newValue` (USD), adding
 * the date as a row if the table has none. Tickers not in the table are ignored; exclusions win over
 * adjustments. Returns a new table; the input is not changed.
 *
 * @example
 * ```ts
 * const t = applyDecisionsToPrices(prices, [{ ticker: "CMDX", decision: "exclude", newValue: null,
 *   target: { kind: "price-days", from: "2011-05-12", to: "2011-05-19" } }]);
 * // every CMDX price of 2011-05-12 … 2011-05-19 is NaN in t
 * ```
 */
export function applyDecisionsToPrices(table: DateTable, decisions: readonly Decision[]): DateTable {
  const relevant = decisions.filter((d) => d.target.kind === "price-days" && table.tickers.includes(d.ticker) && d.decision !== "accept");
  const m = table.tickers.length;
  const extra = relevant.flatMap((d) => (d.decision === "adjust" && d.target.kind === "price-days" && !table.dates.includes(d.target.from) ? [d.target.from] : []));
  const dates = extra.length === 0 ? [...table.dates] : [...new Set([...table.dates, ...extra])].sort();
  const values = new Float64Array(dates.length * m).fill(Number.NaN);
  const rowOf = new Map(dates.map((d, i) => [d, i]));
  table.dates.forEach((d, i) => values.set(table.values.subarray(i * m, (i + 1) * m), rowOf.get(d)! * m));
  const order = [...relevant].sort((a, b) => (a.decision === b.decision ? 0 : a.decision === "adjust" ? -1 : 1));
  for (const d of order) {
    if (d.target.kind !== "price-days") continue;
    const j = table.tickers.indexOf(d.ticker);
    if (d.decision === "adjust" && d.newValue !== null) values[rowOf.get(d.target.from)! * m + j] = d.newValue;
    if (d.decision === "exclude") {
      for (let i = 0; i < dates.length; i++) if (dates[i]! >= d.target.from && dates[i]! <= d.target.to) values[i * m + j] = Number.NaN;
    }
  }
  return { dates, tickers: [...table.tickers], values };
}
