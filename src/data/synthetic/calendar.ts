/**
 * The synthetic market's calendar: the Monday–Friday business-day grid, on the integer day numbers
 * of core's dates (days since 1970-01-01, proleptic Gregorian, no time zone), so no `Date` object,
 * time zone or locale can change a result.
 */
import { dayNumberToIso, InputError, isoToDayNumber } from "../../core/index";

/**
 * Day of the week of a day number: 0 = Sunday … 6 = Saturday.
 *
 * @example
 * ```ts
 * weekday(isoToDayNumber("2024-01-01")); // => 1 (Monday)
 * ```
 */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Moves a day number forward to the next Monday–Friday day (unchanged if it is one).
 *
 * @example
 * ```ts
 * dayNumberToIso(nextBusinessDay(isoToDayNumber("2024-01-06"))); // => "2024-01-08"
 * ```
 */
export function nextBusinessDay(dayNumber: number): number {
  const w = weekday(dayNumber);
  return w === 6 ? dayNumber + 2 : w === 0 ? dayNumber + 1 : dayNumber;
}

/**
 * All Monday–Friday dates from `start` to `end` inclusive (no holidays), ascending.
 *
 * @throws InputError when a date is invalid or `end` is before `start`.
 * @example
 * ```ts
 * businessDays("2024-01-05", "2024-01-09"); // => ["2024-01-05", "2024-01-08", "2024-01-09"]
 * ```
 */
export function businessDays(start: string, end: string): string[] {
  const first = isoToDayNumber(start);
  const last = isoToDayNumber(end);
  if (last < first) {
    throw new InputError("BAD_DATE_RANGE", `businessDays: end ${end} is before start ${start}; swap them`, { start, end });
  }
  const out: string[] = [];
  for (let d = nextBusinessDay(first); d <= last; d = nextBusinessDay(d + 1)) out.push(dayNumberToIso(d));
  return out;
}
