/**
 * Filings as tables a notebook shows: raw filings as delivered, canonical fundamentals as built.
 */
import { tableOfRows, type Table } from "../core/index";
import type { RawFundamentalRow } from "./raw";
import type { FundamentalsRow } from "./sql/read-fundamentals";

/** Options of {@link rawFilingsTable} and {@link fundamentalsTable}. */
export interface FilingsTableOptions {
  /** At most this many rows are shown when the table displays itself (default 50). */
  readonly maxRows?: number;
  /** A caption printed above the table. */
  readonly caption?: string;
}

/**
 * Raw filings as delivered: filing id, ticker at filing, period end, filing date, form, unit (thousands or
 * millions, as filed) and two figures, revenue and net income, in that unit.
 *
 * @example
 * ```ts
 * rawFilingsTable(market.rawFundamentals.slice(0, 8)); // displays 8 filings, the unit column says how to read them
 * rawFilingsTable(market.rawFundamentals).columns;     // => ["ticker", "period end", "filed", "form", "unit", "revenue", "net income"]
 * ```
 * @throws InputError EMPTY_TABLE when there are no rows.
 */
export function rawFilingsTable(rows: readonly RawFundamentalRow[], options: FilingsTableOptions = {}): Table {
  const shown = rows.map((f) => ({
    filing: f.filingId,
    ticker: f.ticker,
    "period end": f.periodEnd,
    filed: f.filedDate,
    form: f.form,
    unit: f.unit,
    revenue: f.revenue,
    "net income": f.netIncome,
  }));
  return tableOfRows(shown, { units: { "period end": "date", filed: "date" }, ...options });
}

/**
 * Canonical fundamentals, one row per company and fiscal year: period end, the date the filing became public, form,
 * revenue and net income (USD millions), net margin and revenue growth (fractions, printed as percentages; — where the previous year is missing).
 *
 * @example
 * ```ts
 * fundamentalsTable(await sql.readFundamentals(db, { tickers: ["MVRX"] }), { maxRows: 12 });
 * fundamentalsTable(rows).column("net margin").unit; // => "fraction"
 * ```
 * @throws InputError EMPTY_TABLE when there are no rows.
 */
export function fundamentalsTable(rows: readonly FundamentalsRow[], options: FilingsTableOptions = {}): Table {
  const shown = rows.map((f) => ({
    ticker: f.ticker,
    "fiscal year": f.fiscalYear,
    "period end": f.periodEnd,
    filed: f.filedDate,
    form: f.form,
    revenue: f.revenue,
    "net income": f.netIncome,
    "net margin": f.netMargin,
    "revenue growth": f.revenueGrowth,
  }));
  const units = { "fiscal year": "text", "period end": "date", filed: "date", revenue: "money", "net income": "money", "net margin": "fraction", "revenue growth": "fraction" } as const;
  return tableOfRows(shown, { units, ...options });
}
