/**
 * Labels for supervised learning, aligned with the rows of a {@link FeatureFrame}, each with the
 * date on which it becomes known (for purging in walk-forward validation).
 */
import { InputError } from "../core/index";
import type { DateTable } from "../core/index";
import type { FeatureFrame } from "./feature-frame";
import { lastKnownIndex, type PointInTimeFundamentals } from "./point-in-time";

/**
 * A label per frame row: `values[i]` is what row `i` should have predicted, known on `knownAt[i]`
 * (`NaN` and `""` where it is not known within the data, e.g. near the end).
 *
 * @example
 * ```ts
 * const y: Target = { name: "forward_return_21d", values: Float64Array.from([0.02]), knownAt: ["2020-03-02"] };
 * ```
 */
export interface Target {
  readonly name: string;
  readonly values: Float64Array;
  readonly knownAt: readonly string[];
}

/**
 * Forward simple return over the next `horizon` trading days of each row's ticker:
 * `p[t + horizon] / p[t] − 1`, known on day `t + horizon`. `NaN` when that day is past the data
 * or a price is missing.
 *
 * @param prices adjusted closes, the same table the store was built from.
 * @param frame the feature rows.
 * @param horizon trading days ahead (integer ≥ 1), e.g. 21 for a month.
 * @throws InputError BAD_WINDOW, UNKNOWN_TICKER, UNKNOWN_DATE (a row date not in `prices`).
 * @example
 * ```ts
 * forwardReturnTarget(market.prices, frame, 21).name; // => "forward_return_21d"
 * ```
 */
export function forwardReturnTarget(prices: DateTable, frame: FeatureFrame, horizon: number): Target {
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new InputError("BAD_WINDOW", `forwardReturnTarget: horizon ${horizon} must be an integer ≥ 1 (trading days)`, { horizon });
  }
  const dateIndex = new Map(prices.dates.map((d, i) => [d, i]));
  const column = new Map(prices.tickers.map((t, j) => [t, j]));
  const m = prices.tickers.length;
  const n = frame.dates.length;
  const values = new Float64Array(n);
  const knownAt: string[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const i = dateIndex.get(frame.dates[r]!);
    if (i === undefined) throw new InputError("UNKNOWN_DATE", `forwardReturnTarget: row ${r} is dated ${frame.dates[r]}, which is not a date of prices`, { row: r });
    const j = column.get(frame.tickers[r]!);
    if (j === undefined) throw new InputError("UNKNOWN_TICKER", `forwardReturnTarget: row ${r} is for ${frame.tickers[r]}, which is not a column of prices`, { row: r });
    if (i + horizon >= prices.dates.length) {
      values[r] = Number.NaN;
      knownAt[r] = "";
      continue;
    }
    const v = prices.values[(i + horizon) * m + j]! / prices.values[i * m + j]! - 1;
    values[r] = Number.isFinite(v) ? v : Number.NaN;
    knownAt[r] = Number.isFinite(v) ? prices.dates[i + horizon]! : "";
  }
  return { name: `forward_return_${horizon}d`, values, knownAt };
}

/**
 * Forward net-income growth: for a row dated t, the net-income growth of the fiscal year after the
 * latest one filed by t, known on that next filing's date. `NaN` when the company has not filed it
 * (or its growth is undefined) within the data.
 *
 * @param fundamentals the same point-in-time fundamentals the store was built from.
 * @param frame the feature rows.
 * @example
 * ```ts
 * forwardGrowthTarget(fundamentals, frame).name; // => "forward_net_income_growth"
 * ```
 */
export function forwardGrowthTarget(fundamentals: readonly PointInTimeFundamentals[], frame: FeatureFrame): Target {
  const byTicker = new Map<string, PointInTimeFundamentals[]>();
  for (const f of fundamentals) {
    const list = byTicker.get(f.ticker) ?? [];
    list.push(f);
    byTicker.set(f.ticker, list);
  }
  for (const list of byTicker.values()) list.sort((a, b) => (a.filedDate < b.filedDate ? -1 : a.filedDate > b.filedDate ? 1 : 0));
  const n = frame.dates.length;
  const values = new Float64Array(n).fill(Number.NaN);
  const knownAt: string[] = new Array(n).fill("");
  for (let r = 0; r < n; r++) {
    const list = byTicker.get(frame.tickers[r]!);
    if (!list) continue;
    const last = lastKnownIndex(list.map((f) => f.filedDate), frame.dates[r]!);
    let latestYear = -Infinity;
    for (let i = 0; i <= last; i++) latestYear = Math.max(latestYear, list[i]!.fiscalYear);
    const next = list.find((f, i) => i > last && f.fiscalYear === latestYear + 1);
    if (next && next.netIncomeGrowth !== null && Number.isFinite(next.netIncomeGrowth)) {
      values[r] = next.netIncomeGrowth;
      knownAt[r] = next.filedDate;
    }
  }
  return { name: "forward_net_income_growth", values, knownAt };
}
