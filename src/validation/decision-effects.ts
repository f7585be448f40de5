/**
 * What the analyst's decisions changed: the canonical data next to the modelling set, at each decided finding.
 */
import { tableOfRows, type DateTable, type Table } from "../core/index";
import type { FundamentalsRow } from "../data/index";
import type { Finding } from "./finding";

/** Fundamentals and prices: the canonical tables, or the modelling set (decisions applied). */
export interface FundamentalsAndPrices {
  readonly fundamentals: readonly FundamentalsRow[];
  readonly prices: DateTable;
}

function priceAt(prices: DateTable, ticker: string, date: string): number {
  const i = prices.dates.indexOf(date);
  const j = prices.tickers.indexOf(ticker);
  return i < 0 || j < 0 ? Number.NaN : (prices.values[i * prices.tickers.length + j] as number);
}

function yearsAround(rows: readonly FundamentalsRow[], ticker: string, year: number): number {
  return rows.filter((r) => r.ticker === ticker && Math.abs(r.fiscalYear - year) <= 1).length;
}

/**
 * The canonical data next to the modelling set: the number of company-years, then one row per finding given (an
 * `undefined` one is skipped): for a finding on price days, the ticker's price on its first day (— where missing);
 * for a finding on a company-year, how many of the company's fiscal years within one of it are present.
 *
 * @param findings the findings decided on (a finding with nothing to exclude or adjust gives no row).
 * @example
 * ```ts
 * const modelling = await readModellingSet(db);
 * decisionEffects({ fundamentals: input.fundamentals, prices }, modelling, [stale, gap, restated]);
 * // what             canonical  modelling
 * // company-years          679        678
 * // CMDX price on …      17.64          —
 * ```
 */
export function decisionEffects(canonical: FundamentalsAndPrices, modelling: FundamentalsAndPrices, findings: readonly (Finding | undefined)[]): Table {
  const rows: { what: string; canonical: number; modelling: number }[] = [
    { what: "company-years", canonical: canonical.fundamentals.length, modelling: modelling.fundamentals.length },
  ];
  for (const f of findings) {
    if (f === undefined) continue;
    if (f.target.kind === "price-days") {
      const day = f.target.from;
      rows.push({ what: `${f.ticker} price on ${day}`, canonical: priceAt(canonical.prices, f.ticker, day), modelling: priceAt(modelling.prices, f.ticker, day) });
    } else if (f.target.kind === "company-year") {
      const year = f.fiscalYear ?? f.target.fiscalYear;
      rows.push({ what: `${f.ticker} fiscal years present around ${year}`, canonical: yearsAround(canonical.fundamentals, f.ticker, year), modelling: yearsAround(modelling.fundamentals, f.ticker, year) });
    }
  }
  return tableOfRows(rows, { caption: "— marks a missing value" });
}
