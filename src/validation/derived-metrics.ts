/**
 * The ratios of a fundamentals row, recomputed from its base figures with the rules of
 * build-fundamentals.sql, after decisions changed or removed rows.
 */
import type { FundamentalsRow } from "../data/index";

/**
 * Rows with `netMargin`, `operatingMargin`, `returnOnEquity`, `revenueGrowth` and `netIncomeGrowth`
 * recomputed as the SQL build does: margins need revenue > 0, return on equity needs equity > 0,
 * growth needs the same company's previous fiscal year in `rows` with a positive figure (so a
 * removed year leaves the next year's growth `null`). Returns new rows in the input order; the
 * input is not changed.
 *
 * @example
 * ```ts
 * withDerivedMetrics([{ ...row2019, revenue: 100 }, { ...row2020, revenue: 110, netIncome: 11 }])[1].revenueGrowth; // => 0.1 (rounded)
 * ```
 */
export function withDerivedMetrics(rows: readonly FundamentalsRow[]): FundamentalsRow[] {
  const byKey = new Map(rows.map((r) => [`${r.ticker}\u0000${r.fiscalYear}`, r]));
  const ratio = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? a / b : null);
  return rows.map((r) => {
    const prev = byKey.get(`${r.ticker}\u0000${r.fiscalYear - 1}`);
    const growth = (now: number | null, before: number | null | undefined): number | null =>
      now !== null && before !== null && before !== undefined && before > 0 ? now / before - 1 : null;
    return {
      ...r,
      netMargin: ratio(r.netIncome, r.revenue),
      operatingMargin: ratio(r.operatingIncome, r.revenue),
      revenueGrowth: growth(r.revenue, prev?.revenue),
      netIncomeGrowth: growth(r.netIncome, prev?.netIncome),
      returnOnEquity: ratio(r.netIncome, r.totalEquity),
    };
  });
}
