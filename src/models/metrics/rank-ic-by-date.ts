import { InputError } from "../../core/index";
import { pearson } from "./information-coefficient";
import { ranks } from "./rank-information-coefficient";

/**
 * The rank IC of one as-of date's cross-section.
 *
 * @example
 * ```ts
 * const p: DatedRankIc = { date: "2020-01-31", rankIc: 0.12, count: 36 };
 * ```
 */
export interface DatedRankIc {
  readonly date: string;
  /** Spearman correlation of forecasts and outcomes across the date's tickers (`NaN` if either is constant). */
  readonly rankIc: number;
  readonly count: number;
}

/**
 * Rank information coefficient per as-of date: how well each period's forecasts ranked the
 * tickers. Rows with a non-finite actual or forecast are skipped; dates with fewer than `minCount`
 * usable rows are left out.
 *
 * @param dates as-of date per row (any order).
 * @throws InputError SHAPE_MISMATCH.
 * @example
 * ```ts
 * rankIcByDate(["d1", "d1", "d1"], [0.1, 0.2, 0.3], [1, 3, 2], 3); // => [{ date: "d1", rankIc: 0.5, count: 3 }]
 * ```
 */
export function rankIcByDate(dates: readonly string[], actual: ArrayLike<number>, predicted: ArrayLike<number>, minCount = 5): DatedRankIc[] {
  if (dates.length !== actual.length || dates.length !== predicted.length) {
    throw new InputError("SHAPE_MISMATCH", `rankIcByDate: ${dates.length} dates, ${actual.length} actual values and ${predicted.length} forecasts; align them row by row`);
  }
  const groups = new Map<string, number[]>();
  for (let i = 0; i < dates.length; i++) {
    if (!Number.isFinite(actual[i]!) || !Number.isFinite(predicted[i]!)) continue;
    const g = groups.get(dates[i]!) ?? [];
    g.push(i);
    groups.set(dates[i]!, g);
  }
  return [...groups.entries()]
    .filter(([, rows]) => rows.length >= minCount)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, rows]) => ({
      date,
      rankIc: pearson(ranks(rows.map((i) => actual[i]!)), ranks(rows.map((i) => predicted[i]!))),
      count: rows.length,
    }));
}

/**
 * Cross-sectional percentile ranks per date, in [0, 1] (0 = lowest of the date, 1 = highest, ties
 * averaged; 0.5 for a date with one row): a label for learning to rank with a regressor.
 * Non-finite values stay `NaN`.
 *
 * @throws InputError SHAPE_MISMATCH.
 * @example
 * ```ts
 * crossSectionalRanks(["d1", "d1", "d1", "d2"], [0.3, 0.1, 0.2, 5]); // => Float64Array [1, 0, 0.5, 0.5]
 * ```
 */
export function crossSectionalRanks(dates: readonly string[], values: ArrayLike<number>): Float64Array {
  if (dates.length !== values.length) throw new InputError("SHAPE_MISMATCH", `crossSectionalRanks: ${dates.length} dates but ${values.length} values`);
  const out = new Float64Array(values.length).fill(Number.NaN);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < dates.length; i++) {
    if (!Number.isFinite(values[i]!)) continue;
    const g = groups.get(dates[i]!) ?? [];
    g.push(i);
    groups.set(dates[i]!, g);
  }
  for (const rows of groups.values()) {
    const r = ranks(rows.map((i) => values[i]!));
    rows.forEach((row, k) => (out[row] = rows.length > 1 ? (r[k]! - 1) / (rows.length - 1) : 0.5));
  }
  return out;
}
