/**
 * Earnings sanity: figures that cannot be right (net income above revenue),
 * margins outside plausible bounds, sign flips and year-on-year jumps.
 */
import type { FundamentalsRow } from "../data/index";
import { findingId, type Finding } from "./finding";
import { formatMoney, formatPercent, groupByTicker } from "./format";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

type Row = Pick<FundamentalsRow, "ticker" | "fiscalYear" | "periodEnd" | "revenue" | "netIncome" | "operatingIncome">;

function companyYear(rule: string, r: Row, field: "revenue" | "netIncome" | "operatingIncome", severity: Finding["severity"], value: number, message: string): Finding {
  return {
    id: findingId(rule, r.ticker, r.fiscalYear),
    check: "earnings",
    rule,
    ticker: r.ticker,
    fiscalYear: r.fiscalYear,
    date: r.periodEnd,
    severity,
    value,
    message,
    target: { kind: "company-year", fiscalYear: r.fiscalYear, field },
    allowed: ["accept", "exclude", "adjust"],
  };
}

/**
 * Earnings-sanity findings over canonical fundamentals (USD millions), per company-year:
 * - `net-income-above-revenue` (error): net income > revenue > 0;
 * - `net-margin-out-of-bounds`, `operating-margin-out-of-bounds` (warning): the margin (figure / revenue,
 *   revenue > 0) outside `settings.earnings.netMargin` / `operatingMargin`;
 * - `net-income-sign-flip` (warning): net income changed sign from the previous fiscal year;
 * - `revenue-jump`, `net-income-jump` (warning): the ratio to the previous fiscal year (both positive)
 *   above `1 + jump` or below `1 / (1 + jump)`.
 * Year-on-year rules compare consecutive fiscal years only (never across a missing year). Rows are only read.
 *
 * @example
 * ```ts
 * checkEarnings([{ ticker: "A", fiscalYear: 2020, periodEnd: "2020-12-31", revenue: 100, netIncome: 120, operatingIncome: 10 }])
 *   .map((f) => f.rule); // => ["net-income-above-revenue", "net-margin-out-of-bounds"]
 * ```
 */
export function checkEarnings(rows: readonly Row[], settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): Finding[] {
  const e = settings.earnings;
  const out: Finding[] = [];
  for (const [ticker, list] of groupByTicker(rows)) {
    list.forEach((r, i) => {
      const where = `${ticker} ${r.fiscalYear}`;
      const rev = r.revenue;
      const ni = r.netIncome;
      const oi = r.operatingIncome;
      if (rev !== null && ni !== null && rev > 0 && ni > rev) {
        out.push(companyYear("net-income-above-revenue", r, "netIncome", "error", ni,
          `${where}: net income ${formatMoney(ni)} is above revenue ${formatMoney(rev)}, which cannot happen in one year's accounts`));
      }
      if (rev !== null && rev > 0 && ni !== null) {
        const m = ni / rev;
        if (m < e.netMargin.min || m > e.netMargin.max) {
          out.push(companyYear("net-margin-out-of-bounds", r, "netIncome", "warning", m,
            `${where}: net margin ${formatPercent(m)} is outside the plausible range ${formatPercent(e.netMargin.min, 0)} to ${formatPercent(e.netMargin.max, 0)}`));
        }
      }
      if (rev !== null && rev > 0 && oi !== null) {
        const m = oi / rev;
        if (m < e.operatingMargin.min || m > e.operatingMargin.max) {
          out.push(companyYear("operating-margin-out-of-bounds", r, "operatingIncome", "warning", m,
            `${where}: operating margin ${formatPercent(m)} is outside the plausible range ${formatPercent(e.operatingMargin.min, 0)} to ${formatPercent(e.operatingMargin.max, 0)}`));
        }
      }
      const prev = i > 0 && list[i - 1]!.fiscalYear === r.fiscalYear - 1 ? list[i - 1]! : undefined;
      if (!prev) return;
      if (ni !== null && prev.netIncome !== null && ni !== 0 && prev.netIncome !== 0 && Math.sign(ni) !== Math.sign(prev.netIncome)) {
        out.push(companyYear("net-income-sign-flip", r, "netIncome", "warning", ni,
          `${where}: net income turned from ${formatMoney(prev.netIncome)} in ${prev.fiscalYear} to ${formatMoney(ni)}`));
      }
      const jump = (field: "revenue" | "netIncome", now: number | null, before: number | null, limit: number, label: string): void => {
        if (now === null || before === null || !(now > 0) || !(before > 0)) return;
        const ratio = now / before;
        if (ratio > 1 + limit || ratio < 1 / (1 + limit)) {
          out.push(companyYear(field === "revenue" ? "revenue-jump" : "net-income-jump", r, field, "warning", ratio - 1,
            `${where}: ${label} moved ${formatPercent(ratio - 1)} in a year (${formatMoney(before)} to ${formatMoney(now)}), beyond ×${(1 + limit).toFixed(2)} either way`));
        }
      };
      jump("revenue", rev, prev.revenue, e.revenueJump, "revenue");
      jump("netIncome", ni, prev.netIncome, e.netIncomeJump, "net income");
    });
  }
  return out;
}
