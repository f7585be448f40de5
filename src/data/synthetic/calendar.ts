/**
 * The synthetic market's calendar: ISO dates as integer day numbers
 * (days since 1970-01-01, proleptic Gregorian, no time zone) and the
 * Monday–Friday business-day grid. Pure integer arithmetic, so no
 * `Date` object, time zone or locale can change a result.
 */
import { InputError } from "../../core/index";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 to a civil date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date `[year, month, day]` of a day number (H. Hinnant's `civil_from_days`). */
function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Number of days in a month (1–12) of a year. */
function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

/**
 * Whether a value is a valid ISO calendar date `YYYY-MM-DD` (a real day, years 1000–9999).
 *
 * @example
 * ```ts
 * isIsoDate("2024-02-29"); // => true
 * isIsoDate("2023-02-29"); // => false
 * ```
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Day number (days since 1970-01-01) of an ISO date.
 *
 * @throws InputError when `iso` is not a valid `YYYY-MM-DD` date.
 * @example
 * ```ts
 * isoToDayNumber("1970-01-02"); // => 1
 * ```
 */
export function isoToDayNumber(iso: string): number {
  if (!isIsoDate(iso)) {
    throw new InputError("BAD_DATE", `isoToDayNumber: ${String(iso)} is not a valid ISO date; write it as YYYY-MM-DD, e.g. 2006-01-02`, { date: iso });
  }
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * ISO date `YYYY-MM-DD` of a day number (days since 1970-01-01).
 *
 * @example
 * ```ts
 * dayNumberToIso(0); // => "1970-01-01"
 * ```
 */
export function dayNumberToIso(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

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
 * The ISO date of the last day of a month.
 *
 * @param month - 1–12.
 * @example
 * ```ts
 * monthEnd(2024, 2); // => "2024-02-29"
 * ```
 */
export function monthEnd(year: number, month: number): string {
  return dayNumberToIso(daysFromCivil(year, month, daysInMonth(year, month)));
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
