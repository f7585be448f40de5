/**
 * Restatements: filings superseded by a later filing for the same period, and
 * how far the restated figures moved from the originals.
 */
import type { WorkbookDatabase } from "../data/index";
import { findingId, type Finding } from "./finding";
import { formatMoney, formatPercent } from "./format";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

/**
 * One superseded filing beside the filing kept for the same company and period end
 * (figures in USD millions; `null` where the filing gave none).
 *
 * @example
 * ```ts
 * const r: RestatementRow = { ticker: "NVLX", fiscalYear: 2016, periodEnd: "2016-09-30",
 *   originalFilingId: "F000379", originalForm: "10-K", originalFiledDate: "2016-11-18",
 *   restatedFilingId: "F000407", restatedForm: "10-K/A", restatedFiledDate: "2017-04-03",
 *   originalRevenue: 1040, originalNetIncome: 104, originalOperatingIncome: 150,
 *   restatedRevenue: 1000, restatedNetIncome: 100, restatedOperatingIncome: 144 };
 * ```
 */
export interface RestatementRow {
  readonly ticker: string;
  readonly fiscalYear: number;
  readonly periodEnd: string;
  readonly originalFilingId: string;
  readonly originalForm: string;
  readonly originalFiledDate: string;
  readonly restatedFilingId: string;
  readonly restatedForm: string;
  readonly restatedFiledDate: string;
  readonly originalRevenue: number | null;
  readonly originalNetIncome: number | null;
  readonly originalOperatingIncome: number | null;
  readonly restatedRevenue: number | null;
  readonly restatedNetIncome: number | null;
  readonly restatedOperatingIncome: number | null;
}

interface SqlRow {
  ticker: string;
  fiscal_year: number;
  period_end: string;
  original_filing_id: string;
  original_form: string;
  original_filed_date: string;
  restated_filing_id: string;
  restated_form: string;
  restated_filed_date: string;
  original_revenue: number | null;
  original_net_income: number | null;
  original_operating_income: number | null;
  restated_revenue: number | null;
  restated_net_income: number | null;
  restated_operating_income: number | null;
}

const finite = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

/**
 * Superseded filings with the kept filing's figures (`validation-restatements.sql`), by ticker and year.
 * Needs a built database (buildCanonicalData); an empty list when nothing was restated.
 *
 * @example
 * ```ts
 * (await readRestatements(db)).length; // => 26 (default synthetic market)
 * ```
 * @throws DataError SQL_FAILED naming the file when the tables are missing.
 */
export async function readRestatements(db: WorkbookDatabase): Promise<RestatementRow[]> {
  const rows = await db.query<SqlRow>("validation-restatements.sql");
  return rows.map((r) => ({
    ticker: r.ticker,
    fiscalYear: r.fiscal_year,
    periodEnd: r.period_end,
    originalFilingId: r.original_filing_id,
    originalForm: r.original_form,
    originalFiledDate: r.original_filed_date,
    restatedFilingId: r.restated_filing_id,
    restatedForm: r.restated_form,
    restatedFiledDate: r.restated_filed_date,
    originalRevenue: finite(r.original_revenue),
    originalNetIncome: finite(r.original_net_income),
    originalOperatingIncome: finite(r.original_operating_income),
    restatedRevenue: finite(r.restated_revenue),
    restatedNetIncome: finite(r.restated_net_income),
    restatedOperatingIncome: finite(r.restated_operating_income),
  }));
}

const FIELDS = [
  { field: "revenue", label: "revenue", original: "originalRevenue", restated: "restatedRevenue" },
  { field: "netIncome", label: "net income", original: "originalNetIncome", restated: "restatedNetIncome" },
  { field: "operatingIncome", label: "operating income", original: "originalOperatingIncome", restated: "restatedOperatingIncome" },
] as const;

/**
 * `restatement` findings, one per superseded filing whose figures moved: a warning when some
 * figure moved by more than `settings.earnings.restatementThreshold` of the original (relative
 * change restated / original − 1), else info. The target is the figure that moved most; its
 * relative change is the finding's value. Filings restated without a change give no finding.
 * Rows are only read.
 *
 * @example
 * ```ts
 * checkRestatements([{ ticker: "A", fiscalYear: 2016, periodEnd: "2016-12-31", originalFilingId: "F1", originalForm: "10-K",
 *   originalFiledDate: "2017-02-20", restatedFilingId: "F2", restatedForm: "10-K/A", restatedFiledDate: "2017-06-01",
 *   originalRevenue: 1040, originalNetIncome: 100, originalOperatingIncome: 150,
 *   restatedRevenue: 1000, restatedNetIncome: 100, restatedOperatingIncome: 150 }])[0].value; // => -0.0385 (rounded)
 * ```
 */
export function checkRestatements(rows: readonly RestatementRow[], settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): Finding[] {
  const threshold = settings.earnings.restatementThreshold;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const moves = FIELDS.flatMap((f) => {
      const before = r[f.original];
      const after = r[f.restated];
      if (before === null || after === null || before === after) return [];
      const change = before !== 0 ? after / before - 1 : Number.POSITIVE_INFINITY;
      return [{ ...f, before, after, change }];
    });
    if (moves.length === 0) continue;
    const top = moves.reduce((a, b) => (Math.abs(b.change) > Math.abs(a.change) ? b : a));
    const id = findingId("restatement", r.ticker, r.fiscalYear, seen.has(findingId("restatement", r.ticker, r.fiscalYear)) ? r.originalFilingId : undefined);
    seen.add(id);
    const detail = moves
      .map((m) => `${m.label} ${formatMoney(m.before)} → ${formatMoney(m.after)} (${Number.isFinite(m.change) ? formatPercent(m.change) : "from 0"})`)
      .join(", ");
    out.push({
      id,
      check: "earnings",
      rule: "restatement",
      ticker: r.ticker,
      fiscalYear: r.fiscalYear,
      date: r.periodEnd,
      severity: Math.abs(top.change) > threshold ? "warning" : "info",
      value: Number.isFinite(top.change) ? top.change : null,
      message: `${r.ticker} ${r.fiscalYear}: ${r.restatedForm} ${r.restatedFilingId} filed ${r.restatedFiledDate} restated ${r.originalForm} ${r.originalFilingId} of ${r.originalFiledDate}: ${detail}`,
      target: { kind: "company-year", fiscalYear: r.fiscalYear, field: top.field },
      allowed: ["accept", "exclude", "adjust"],
    });
  }
  return out;
}
