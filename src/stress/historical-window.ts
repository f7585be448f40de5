/**
 * A historical scenario: a named date range replayed on today's weights.
 */
import { InputError } from "../core/index";
import type { Scenario } from "./scenario";
import { replayRows } from "./replay-window";

/** Options of {@link historicalWindow}. */
export interface HistoricalWindowOptions {
  /** First return date of the range (ISO `YYYY-MM-DD`, inclusive): the loss runs from the close before it. */
  readonly start: string;
  /** Last return date (inclusive). */
  readonly end: string;
  /** Name shown in reports. Default `"<start> to <end>"`. */
  readonly name?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A historical scenario: the returns of every trading day from `start` to `end` (inclusive) replayed on
 * today's weights, positions bought at the close before the first day and held to the close of the last
 * (no rebalancing), so each holding's loss is `capital · wᵢ · (1 − ∏(1 + rₜ))`.
 *
 * A holding without data inside the range (it listed later) is an error unless the context gives it a
 * proxy; proxied days are listed in the result's notes. A range that runs past the data is cut to the data,
 * with a note.
 *
 * @param options `{ start, end, name }`.
 * @throws InputError BAD_WINDOW when a date is not `YYYY-MM-DD` or start is after end (at construction);
 *   NO_DATA_IN_WINDOW when no trading day of the data falls in the range, MISSING_HISTORY (when run).
 *
 * @example
 * ```ts
 * const lehman = historicalWindow({ start: "2008-09-15", end: "2009-03-09", name: "2008 crisis" });
 * runStressTest(lehman, portfolio, context).totalLoss; // => the money lost by today's portfolio over that range
 * ```
 */
export function historicalWindow(options: HistoricalWindowOptions): Scenario {
  const caller = "historicalWindow";
  const { start, end } = options;
  for (const [role, date] of [["start", start], ["end", end]] as const) {
    if (typeof date !== "string" || !ISO_DATE.test(date)) {
      throw new InputError("BAD_WINDOW", `${caller}: ${role} ${String(date)} is not an ISO date; write it as YYYY-MM-DD, e.g. "2008-09-15"`, { [role]: date });
    }
  }
  if (start > end) {
    throw new InputError("BAD_WINDOW", `${caller}: start ${start} is after end ${end}; swap them`, { start, end });
  }
  const name = options.name ?? `${start} to ${end}`;
  return {
    name,
    kind: "historical",
    evaluate(history) {
      const dates = history.dates;
      let from = -1;
      let to = -1;
      for (let t = 0; t < dates.length; t++) {
        if (dates[t]! < start) continue;
        if (dates[t]! > end) break;
        if (from < 0) from = t;
        to = t;
      }
      if (from < 0) {
        throw new InputError(
          "NO_DATA_IN_WINDOW",
          `${caller}: no trading day of the data falls in ${name} (${start} to ${end}); the data runs from ${dates[0]} to ${dates[dates.length - 1]}`,
          { start, end },
        );
      }
      const outcome = replayRows(history, from, to, caller, name);
      const clipped: string[] = [];
      if (from === 0 && start < dates[0]!) clipped.push(`the data starts on ${dates[0]}, after the window's start ${start}`);
      if (to === dates.length - 1 && end > dates[dates.length - 1]!) clipped.push(`the data ends on ${dates[dates.length - 1]}, before the window's end ${end}`);
      return clipped.length > 0 ? { ...outcome, notes: [...(outcome.notes ?? []), `window cut to the data: ${clipped.join("; ")}`] } : outcome;
    },
  };
}
