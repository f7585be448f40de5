/**
 * Calendar dates as ISO strings `YYYY-MM-DD`, the one date form of the library. A date carries no time zone (it is
 * the exchange's trading day), so the arithmetic here is on whole days: integer day numbers (days since 1970-01-01,
 * proleptic Gregorian), with no `Date` object, time zone or locale that could change a result.
 */
import { InputError } from "./errors";

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
 * Whether a value is a real calendar date written `YYYY-MM-DD`: zero-padded, a four-digit year (0000–9999,
 * proleptic Gregorian), a month 01–12 and a day that month has (`2023-02-29`, `2023-2-3` and
 * `2023-01-01T00:00` are not).
 *
 * @param value anything; only strings can pass.
 * @example
 * ```ts
 * isIsoDate("2024-02-29"); // => true
 * isIsoDate("2023-02-29"); // => false
 * isIsoDate(20230101);     // => false
 * ```
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function dayNumberOf(iso: string, caller: string): number {
  if (!isIsoDate(iso)) {
    throw new InputError("BAD_DATE", `${caller}: ${String(iso)} is not a valid ISO date; write it as YYYY-MM-DD, e.g. 2006-01-02`, { date: iso });
  }
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * Day number (days since 1970-01-01; negative before) of an ISO date.
 *
 * @throws InputError BAD_DATE when `iso` is not a valid `YYYY-MM-DD` date.
 * @example
 * ```ts
 * isoToDayNumber("1970-01-02"); // => 1
 * ```
 */
export function isoToDayNumber(iso: string): number {
  return dayNumberOf(iso, "isoToDayNumber");
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
 * The ISO date `days` calendar days after `iso` (negative: before), across month and year ends.
 *
 * @param iso a valid `YYYY-MM-DD` date.
 * @param days whole calendar days (not trading days).
 * @throws InputError BAD_DATE when `iso` is not a valid `YYYY-MM-DD` date; BAD_DAYS when `days` is not an integer.
 * @example
 * ```ts
 * addDays("2024-02-28", 2);   // => "2024-03-01"
 * addDays("2024-12-31", 90);  // => "2025-03-31"
 * addDays("2024-01-01", -1);  // => "2023-12-31"
 * ```
 */
export function addDays(iso: string, days: number): string {
  if (!Number.isSafeInteger(days)) {
    throw new InputError("BAD_DAYS", `addDays: ${String(days)} is not a whole number of days; pass an integer, e.g. 90`, { days });
  }
  return dayNumberToIso(dayNumberOf(iso, "addDays") + days);
}

/**
 * The ISO date of the last day of a month.
 *
 * @param year e.g. 2024.
 * @param month 1–12.
 * @example
 * ```ts
 * monthEnd(2024, 2); // => "2024-02-29"
 * ```
 */
export function monthEnd(year: number, month: number): string {
  return dayNumberToIso(daysFromCivil(year, month, daysInMonth(year, month)));
}
