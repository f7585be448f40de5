/**
 * Reading canonical fundamentals back as typed rows.
 */
import { DataError, InputError } from "../../core/index";
import type { FilingFigures } from "../raw";
import { checkKnownTickers } from "../sources/market-source";
import type { WorkbookDatabase } from "./workbook-database";

/**
 * One company-year of canonical fundamentals. Money in USD millions, shares in
 * millions, ratios and growth as fractions; `null` where not available (never `NaN`).
 *
 * @example
 * ```ts
 * const row: FundamentalsRow = { ticker: "AAPX", fiscalYear: 2012, periodEnd: "2012-09-29", filedDate: "2012-11-20",
 *   filingId: "F000001", form: "10-K", source: "synthetic", line: 1, revenue: 1500, netIncome: 120, operatingIncome: 180,
 *   totalAssets: 2400, totalEquity: 900, sharesOutstanding: 310, netMargin: 0.08, operatingMargin: 0.12,
 *   revenueGrowth: null, netIncomeGrowth: null, returnOnEquity: 0.1333 };
 * ```
 */
export interface FundamentalsRow extends FilingFigures {
  /** Current ticker (mapped through ticker changes). */
  readonly ticker: string;
  /** Calendar year the fiscal year is aligned to: year ends Jan–Jun count for the previous year. */
  readonly fiscalYear: number;
  readonly periodEnd: string;
  /** Date the figures became public; use them only from this date on. */
  readonly filedDate: string;
  readonly filingId: string;
  readonly form: string;
  readonly source: string;
  readonly line: number;
  readonly netMargin: number | null;
  readonly operatingMargin: number | null;
  /** Against the same company's previous fiscal year; `null` if that year is missing. */
  readonly revenueGrowth: number | null;
  readonly netIncomeGrowth: number | null;
  readonly returnOnEquity: number | null;
}

/**
 * Which fundamentals to read: tickers and an inclusive range of fiscal years.
 *
 * @example
 * ```ts
 * const q: FundamentalsReadQuery = { tickers: ["AAPX"], fromYear: 2012, toYear: 2015 };
 * ```
 */
export interface FundamentalsReadQuery {
  readonly tickers?: readonly string[];
  readonly fromYear?: number;
  readonly toYear?: number;
}

interface SqlRow {
  ticker: string;
  fiscal_year: number;
  period_end: string;
  filed_date: string;
  filing_id: string;
  form: string;
  source: string;
  line: number;
  revenue: number | null;
  net_income: number | null;
  operating_income: number | null;
  total_assets: number | null;
  total_equity: number | null;
  shares_outstanding: number | null;
  net_margin: number | null;
  operating_margin: number | null;
  revenue_growth: number | null;
  net_income_growth: number | null;
  return_on_equity: number | null;
}

const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

/**
 * Canonical fundamentals, ordered by ticker then fiscal year.
 *
 * @example
 * ```ts
 * const rows = await readFundamentals(db, { tickers: ["AAPX"], fromYear: 2012 });
 * rows[0].fiscalYear; // => 2012
 * ```
 * @throws InputError UNKNOWN_TICKER (naming them, listing known ones), BAD_YEAR_RANGE.
 * @throws DataError NO_FUNDAMENTALS when the table is empty.
 */
export async function readFundamentals(db: WorkbookDatabase, query: FundamentalsReadQuery = {}): Promise<FundamentalsRow[]> {
  const fromYear = query.fromYear ?? 0;
  const toYear = query.toYear ?? 9999;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new InputError("BAD_YEAR_RANGE", `readFundamentals: fromYear ${fromYear} and toYear ${toYear} must be integers with fromYear <= toYear`);
  }
  const coverage = await db.query<{ ticker: string }>("fundamentals-coverage.sql");
  if (coverage.length === 0) {
    throw new DataError("NO_FUNDAMENTALS", "readFundamentals: the fundamentals table is empty; build it from filings with buildCanonicalData");
  }
  if (query.tickers !== undefined && query.tickers.length === 0) {
    throw new InputError("EMPTY_QUERY", "readFundamentals: the ticker list is empty; pass at least one ticker or omit tickers");
  }
  checkKnownTickers("readFundamentals", query.tickers, coverage.map((c) => c.ticker));
  const rows = await db.query<SqlRow>("select-fundamentals.sql", {
    all_tickers: query.tickers === undefined,
    tickers: query.tickers ?? [],
    from_year: fromYear,
    to_year: toYear,
  });
  return rows.map((r) => ({
    ticker: r.ticker,
    fiscalYear: r.fiscal_year,
    periodEnd: r.period_end,
    filedDate: r.filed_date,
    filingId: r.filing_id,
    form: r.form,
    source: r.source,
    line: r.line,
    revenue: finite(r.revenue),
    netIncome: finite(r.net_income),
    operatingIncome: finite(r.operating_income),
    totalAssets: finite(r.total_assets),
    totalEquity: finite(r.total_equity),
    sharesOutstanding: finite(r.shares_outstanding),
    netMargin: finite(r.net_margin),
    operatingMargin: finite(r.operating_margin),
    revenueGrowth: finite(r.revenue_growth),
    netIncomeGrowth: finite(r.net_income_growth),
    returnOnEquity: finite(r.return_on_equity),
  }));
}
