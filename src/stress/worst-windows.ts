/**
 * The worst N-day stretches of history for today's portfolio.
 */
import { InputError } from "../core/index";
import type { Scenario } from "./scenario";
import { replayRows } from "./replay-window";
import { preparePortfolioHistory, type PortfolioHistory, type StressContext } from "./stress-context";
import type { StressPortfolio } from "./stress-portfolio";

/** One historical window and what today's portfolio would have returned over it. */
export interface HistoricalWindowReturn {
  readonly [column: string]: string | number;
  /** First and last return dates of the window. */
  readonly start: string;
  readonly end: string;
  readonly days: number;
  /** Buy-and-hold portfolio return over the window (a fraction; negative = loss). */
  readonly portfolioReturn: number;
  /** Loss in money on the portfolio's capital, positive = loss. */
  readonly loss: number;
}

/** Options of {@link findWorstWindows}. */
export interface WorstWindowsOptions {
  /** Window length in trading days, ≥ 1. */
  readonly days: number;
  /** How many windows to return. Default 3. */
  readonly count?: number;
}

function checkDays(days: number, caller: string): void {
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new InputError("BAD_WINDOW_LENGTH", `${caller}: days ${String(days)} must be a whole number of trading days ≥ 1, e.g. 20`, { days });
  }
}

/** Start rows of the worst non-overlapping windows, worst first. */
function worstStarts(history: PortfolioHistory, days: number, count: number, caller: string): { start: number; value: number }[] {
  const k = history.tickers.length;
  const n = history.dates.length;
  // Prefix sums of log(1 + r) per holding, and of incomplete rows.
  const logs = new Float64Array((n + 1) * k);
  const incomplete = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    let missing = 0;
    for (let c = 0; c < k; c++) {
      const r = history.returns[t * k + c]!;
      const l = Number.isNaN(r) ? 0 : Math.log1p(r);
      if (Number.isNaN(r)) missing = 1;
      logs[(t + 1) * k + c] = logs[t * k + c]! + l;
    }
    incomplete[t + 1] = incomplete[t]! + missing;
  }
  const windows: { start: number; value: number }[] = [];
  for (let s = 0; s + days <= n; s++) {
    if (incomplete[s + days]! - incomplete[s]! > 0) continue;
    let value = 0;
    for (let c = 0; c < k; c++) value += history.weights[c]! * Math.expm1(logs[(s + days) * k + c]! - logs[s * k + c]!);
    windows.push({ start: s, value });
  }
  if (windows.length === 0) {
    throw new InputError(
      "NOT_ENOUGH_HISTORY",
      `${caller}: no run of ${days} trading days has a return for every holding; shorten the window or add proxies for the late-listing holdings`,
      { days },
    );
  }
  windows.sort((a, b) => a.value - b.value || a.start - b.start);
  const chosen: { start: number; value: number }[] = [];
  for (const w of windows) {
    if (chosen.length >= count) break;
    if (chosen.every((c) => w.start + days <= c.start || c.start + days <= w.start)) chosen.push(w);
  }
  return chosen;
}

/**
 * The `count` worst non-overlapping runs of `days` consecutive trading days in the history for today's
 * portfolio (bought at the start of each window and held), worst first. Windows where a holding has no data
 * (after proxies) are skipped. Fewer than `count` are returned when the history has no more disjoint windows.
 *
 * @param portfolio weights and capital; not changed.
 * @param context prices and proxies; not changed.
 * @param options `{ days, count = 3 }`.
 * @throws InputError for a bad portfolio, window length or count, or NOT_ENOUGH_HISTORY when no complete window exists.
 *
 * @example
 * ```ts
 * findWorstWindows(portfolio, context, { days: 20, count: 2 });
 * // => notebook 06's portfolio: [{ start: "2011-04-04", end: "2011-04-29", days: 20, portfolioReturn: ≈ -0.0965, loss: ≈ 96480 },
 * //    { start: "2022-10-04", end: "2022-10-31", … }]
 * ```
 */
export function findWorstWindows(portfolio: StressPortfolio, context: StressContext, options: WorstWindowsOptions): HistoricalWindowReturn[] {
  const caller = "findWorstWindows";
  checkDays(options.days, caller);
  const count = options.count ?? 3;
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new InputError("BAD_COUNT", `${caller}: count ${String(count)} must be a whole number ≥ 1`, { count });
  }
  const history = preparePortfolioHistory(portfolio, context, caller);
  return worstStarts(history, options.days, count, caller).map(({ start, value }) => ({
    start: history.dates[start]!,
    end: history.dates[start + options.days - 1]!,
    days: options.days,
    portfolioReturn: value,
    loss: -value * history.capital,
  }));
}

/** Options of {@link worstWindow}. */
export interface WorstWindowOptions {
  /** Window length in trading days, ≥ 1. */
  readonly days: number;
  /** 1 for the worst window, 2 for the second worst that does not overlap it, … Default 1. */
  readonly rank?: number;
}

/**
 * A historical scenario: the `rank`-th worst run of `days` trading days in the history for the portfolio it
 * is run on (see {@link findWorstWindows}), replayed on today's weights, bought and held.
 *
 * @param options `{ days, rank = 1 }`.
 * @throws InputError BAD_WINDOW_LENGTH / BAD_RANK at construction; NOT_ENOUGH_HISTORY when run on a history
 *   without `rank` disjoint complete windows.
 *
 * @example
 * ```ts
 * runStressTest(worstWindow({ days: 20 }), portfolio, context).window;
 * // => notebook 06's portfolio: { start: "2011-04-04", end: "2011-04-29", days: 20 }
 * ```
 */
export function worstWindow(options: WorstWindowOptions): Scenario {
  const caller = "worstWindow";
  checkDays(options.days, caller);
  const rank = options.rank ?? 1;
  if (!Number.isSafeInteger(rank) || rank < 1) {
    throw new InputError("BAD_RANK", `${caller}: rank ${String(rank)} must be a whole number ≥ 1 (1 = the worst window)`, { rank });
  }
  const ordinal = rank === 1 ? "worst" : `${rank}${rank === 2 ? "nd" : rank === 3 ? "rd" : "th"} worst`;
  const name = `${ordinal} ${options.days}-day window`;
  return {
    name,
    kind: "historical",
    evaluate(history) {
      const chosen = worstStarts(history, options.days, rank, caller);
      if (chosen.length < rank) {
        throw new InputError(
          "NOT_ENOUGH_HISTORY",
          `${caller}: the history has only ${chosen.length} non-overlapping complete ${options.days}-day window${chosen.length === 1 ? "" : "s"}; ask for rank ≤ ${chosen.length}`,
          { rank, available: chosen.length },
        );
      }
      const start = chosen[rank - 1]!.start;
      return replayRows(history, start, start + options.days - 1, caller, name);
    },
  };
}
