/**
 * Stability scores and their parts as a table.
 */
import { tableOfRows, type Table } from "../core/index";
import type { StabilityScore } from "./stability";

/** Options of {@link stabilityTable}. */
export interface StabilityTableOptions {
  /** At most this many rows are shown when the table displays itself (default 50). */
  readonly maxRows?: number;
}

/**
 * One row per company: the growth years counted, each part's measure and score, and the score (— where a part
 * could not be measured). Growth volatility and drawdown are fractions (printed as percentages); scores are in
 * [0, 1].
 *
 * @example
 * ```ts
 * stabilityTable(report.stability, { maxRows: 12 }).column("score").max(); // => at most 1
 * ```
 * @throws InputError EMPTY_TABLE when there are no scores.
 */
export function stabilityTable(scores: readonly StabilityScore[], options: StabilityTableOptions = {}): Table {
  const rows = scores.map((s) => ({
    ticker: s.ticker,
    "growth years": s.growthYears,
    "growth volatility": s.growthVolatility,
    "growth score": s.growthScore,
    "earnings variation": s.earningsVariation,
    "earnings score": s.earningsScore,
    "max drawdown": s.maxDrawdown,
    "drawdown score": s.drawdownScore,
    score: s.score,
  }));
  const units = {
    "growth years": "count",
    "growth volatility": "fraction",
    "growth score": "ratio",
    "earnings variation": "ratio",
    "earnings score": "ratio",
    "max drawdown": "fraction",
    "drawdown score": "ratio",
    score: "ratio",
  } as const;
  return tableOfRows(rows, { units, maxRows: options.maxRows });
}
