/**
 * Profitability versus growth: each company placed in one of four quadrants.
 */
import type { FundamentalsRow } from "../data/index";
import { groupByTicker } from "./format";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

/**
 * The four quadrants of profitability (average net margin against `minNetMargin`) and growth
 * (revenue CAGR against `minRevenueGrowth`).
 *
 * @example
 * ```ts
 * const q: QuadrantName = "profitable and growing";
 * ```
 */
export type QuadrantName = "profitable and growing" | "profitable and shrinking" | "unprofitable and growing" | "unprofitable and shrinking";

/**
 * One company's place on the profitability-versus-growth map.
 *
 * @example
 * ```ts
 * const row: QuadrantRow = { ticker: "A", fromYear: 2021, toYear: 2024, years: 3, netMargin: 0.12, revenueGrowth: 0.05,
 *   profitable: true, growing: true, quadrant: "profitable and growing" };
 * ```
 */
export interface QuadrantRow {
  readonly ticker: string;
  /** First and last fiscal year used (growth runs from `fromYear` to `toYear`). */
  readonly fromYear: number;
  readonly toYear: number;
  /** Fiscal years averaged for the margin. */
  readonly years: number;
  /** Average net margin (fraction) of the last `settings.quadrant.years` fiscal years. */
  readonly netMargin: number;
  /** Compound annual revenue growth from `fromYear` to `toYear` (fraction per year). */
  readonly revenueGrowth: number;
  readonly profitable: boolean;
  readonly growing: boolean;
  readonly quadrant: QuadrantName;
}

/**
 * Places each company in a quadrant, measured on its latest fiscal years: the average net margin
 * (net income / revenue, revenue > 0) of the fiscal years in (last − N, last], and the revenue CAGR
 * from the earliest fiscal year in [last − N, last) with revenue to the last, where N =
 * `settings.quadrant.years`. Profitable: margin ≥ `minNetMargin`; growing: CAGR ≥ `minRevenueGrowth`.
 * Companies without a positive revenue in two of those years are left out. Sorted by ticker; rows are only read.
 *
 * @example
 * ```ts
 * const rows = [[2021, 100, 10], [2022, 110, 12], [2023, 121, 13], [2024, 133.1, 15]]
 *   .map(([y, r, n]) => ({ ticker: "A", fiscalYear: y, revenue: r, netIncome: n }));
 * const [q] = profitabilityGrowthQuadrants(rows);
 * [q.revenueGrowth, q.quadrant]; // => [0.1 (rounded), "profitable and growing"]
 * ```
 */
export function profitabilityGrowthQuadrants(
  rows: readonly Pick<FundamentalsRow, "ticker" | "fiscalYear" | "revenue" | "netIncome">[],
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
): QuadrantRow[] {
  const q = settings.quadrant;
  const out: QuadrantRow[] = [];
  for (const [ticker, list] of groupByTicker(rows)) {
    const last = list[list.length - 1]!.fiscalYear;
    const usable = list.filter((r) => r.fiscalYear >= last - q.years && r.revenue !== null && r.revenue > 0);
    const end = usable.find((r) => r.fiscalYear === last);
    const start = usable[0];
    const margins = usable.filter((r) => r.fiscalYear > last - q.years && r.netIncome !== null).map((r) => r.netIncome! / r.revenue!);
    if (!end || !start || start === end || margins.length === 0) continue;
    const netMargin = margins.reduce((a, b) => a + b, 0) / margins.length;
    const revenueGrowth = (end.revenue! / start.revenue!) ** (1 / (end.fiscalYear - start.fiscalYear)) - 1;
    const profitable = netMargin >= q.minNetMargin;
    const growing = revenueGrowth >= q.minRevenueGrowth;
    out.push({
      ticker,
      fromYear: start.fiscalYear,
      toYear: end.fiscalYear,
      years: margins.length,
      netMargin,
      revenueGrowth,
      profitable,
      growing,
      quadrant: `${profitable ? "profitable" : "unprofitable"} and ${growing ? "growing" : "shrinking"}`,
    });
  }
  return out;
}
