/**
 * Calendar dates as ISO strings `YYYY-MM-DD`, the one date form of the raw-feed
 * contract, from a `Date` or from the date forms files use. Dates carry no time zone:
 * a date is the exchange's trading day. `isIsoDate` and `addDays` are core's.
 */
import { isIsoDate } from "../../core/index";

/**
 * The UTC calendar date of a `Date` as `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * toIsoDate(new Date(Date.UTC(2024, 0, 2, 14, 30))); // => "2024-01-02"
 * ```
 */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a date written in one of the accepted file forms and returns it as
 * `YYYY-MM-DD`, or `null` when the text is not one of them or not a real date.
 *
 * Accepted: `YYYY-MM-DD`, `YYYY/MM/DD`, and an ISO date-time
 * (`YYYY-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM]` or with a space instead of `T`), whose
 * date part is taken as written (the time and offset are ignored). Not accepted,
 * because they are ambiguous: `MM/DD/YYYY`, `DD/MM/YYYY`, two-digit years.
 *
 * @example
 * ```ts
 * parseFileDate("2024/01/02");          // => "2024-01-02"
 * parseFileDate("2024-01-02T16:00:00Z"); // => "2024-01-02"
 * parseFileDate("01/02/2024");          // => null
 * ```
 */
export function parseFileDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) return null;
  if (t[4] !== t[7]) return null; // mixed separators such as 2024-01/02
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}
