/**
 * The first trading day of a backtest: after its warm-up, after its first forecast, within its last years.
 */
import { InputError, TRADING_DAYS_PER_YEAR, type DateTable } from "../core/index";

/** Options of {@link backtestStart}; every condition given must hold on the day chosen. */
export interface BacktestStartOptions {
  /** Rows of history before the first day (e.g. an optimiser's `lookbackDays`). Default 0. */
  readonly warmUpDays?: number;
  /** The first day is strictly after this ISO date (e.g. the first forecast's as-of date). */
  readonly after?: string;
  /** The first day is at most this many years (of 252 trading days) before the last date. */
  readonly years?: number;
}

/**
 * The first date of `prices` at which every condition holds: at least `warmUpDays` rows into the table, strictly
 * after `after`, and no earlier than `252 × years` rows before the last date (the latest of the three).
 *
 * @param prices closes, `nDates × nTickers` (only the dates are read).
 * @throws InputError BAD_OPTION for a negative or fractional `warmUpDays` or a `years` that is not positive;
 *   NO_START_DATE when no date satisfies them (the message names the last date).
 * @example
 * ```ts
 * // 5,218 trading days from 2006-01-02; the first forecast as of 2010-03-31
 * backtestStart(prices, { warmUpDays: 252, after: "2010-03-31" }); // => "2010-04-01"
 * backtestStart(prices, { warmUpDays: 1260, years: 5 });          // => the date 1,260 rows before the last
 * ```
 */
export function backtestStart(prices: Pick<DateTable, "dates">, options: BacktestStartOptions = {}): string {
  const warmUp = options.warmUpDays ?? 0;
  if (!Number.isSafeInteger(warmUp) || warmUp < 0) {
    throw new InputError("BAD_OPTION", `backtestStart: warmUpDays ${String(warmUp)} must be a whole number of rows ≥ 0`, { warmUpDays: warmUp });
  }
  const years = options.years;
  if (years !== undefined && !(typeof years === "number" && years > 0)) {
    throw new InputError("BAD_OPTION", `backtestStart: years ${String(years)} must be a positive number of years`, { years });
  }
  const dates = prices.dates;
  let first = warmUp;
  if (years !== undefined) first = Math.max(first, dates.length - Math.round(TRADING_DAYS_PER_YEAR * years));
  const after = options.after;
  if (after !== undefined) {
    const k = dates.findIndex((d) => d > after);
    first = k < 0 ? dates.length : Math.max(first, k);
  }
  const start = dates[first];
  if (start === undefined) {
    throw new InputError("NO_START_DATE", `backtestStart: no date satisfies warm-up ${warmUp} rows${after === undefined ? "" : `, after ${after}`}; the prices end on ${dates[dates.length - 1] ?? "(no dates)"}: load a longer history or lower the warm-up`, { warmUpDays: warmUp, after });
  }
  return start;
}
