/**
 * Which days of the price calendar become feature rows. Samplings are objects passed to the store.
 */
import { InputError } from "../core/index";

/**
 * Chooses as-of dates from the price calendar. `select` must decide each date from that date and
 * the ones before it (plus the weekday calendar), so a prefix of the calendar gives a prefix of
 * the selection.
 *
 * @example
 * ```ts
 * monthEnds().select(["2024-01-30", "2024-01-31", "2024-02-01"]); // => Int32Array [1]
 * ```
 */
export interface AsOfSampling {
  /** A short description, e.g. `"month ends"`. */
  readonly name: string;
  /** Indices of the chosen dates, ascending. */
  select(dates: readonly string[]): Int32Array;
}

function nextWeekday(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

/**
 * Is `dates[i]` the last trading day of a period? Yes when the next date in the calendar falls in
 * another period; for the calendar's last date, when the next weekday does (a prefix of the data
 * therefore does not invent a month end on its last day).
 */
function isPeriodEnd(dates: readonly string[], i: number, key: (iso: string) => string): boolean {
  const next = i + 1 < dates.length ? dates[i + 1]! : nextWeekday(dates[i]!);
  return key(next) !== key(dates[i]!);
}

function periodEnds(name: string, key: (iso: string) => string): AsOfSampling {
  return {
    name,
    select: (dates) => {
      const out: number[] = [];
      for (let i = 0; i < dates.length; i++) if (isPeriodEnd(dates, i, key)) out.push(i);
      return Int32Array.from(out);
    },
  };
}

/**
 * The last trading day of each month.
 *
 * @example
 * ```ts
 * monthEnds().name; // => "month ends"
 * ```
 */
export function monthEnds(): AsOfSampling {
  return periodEnds("month ends", (iso) => iso.slice(0, 7));
}

/**
 * The last trading day of each calendar quarter (March, June, September, December).
 *
 * @example
 * ```ts
 * quarterEnds().select(["2024-03-28", "2024-03-29", "2024-04-01"]); // => Int32Array [1]
 * ```
 */
export function quarterEnds(): AsOfSampling {
  return periodEnds("quarter ends", (iso) => `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3)}`);
}

/**
 * Exactly the given dates (each must be a date of the price calendar), e.g. the latest day for scoring.
 *
 * @throws InputError (from `select`) UNKNOWN_DATE naming a date that is not in the calendar.
 * @example
 * ```ts
 * explicitDates(["2024-01-31"]).select(["2024-01-30", "2024-01-31"]); // => Int32Array [1]
 * ```
 */
export function explicitDates(wanted: readonly string[]): AsOfSampling {
  return {
    name: `dates ${wanted.slice(0, 3).join(", ")}${wanted.length > 3 ? ", …" : ""}`,
    select: (dates) => {
      const index = new Map(dates.map((d, i) => [d, i]));
      const out = wanted.map((d) => {
        const i = index.get(d);
        if (i === undefined) {
          throw new InputError("UNKNOWN_DATE", `explicitDates: ${d} is not a date of the price calendar (${dates[0]} … ${dates[dates.length - 1]}); pass a trading day`, { date: d });
        }
        return i;
      });
      return Int32Array.from([...new Set(out)].sort((a, b) => a - b));
    },
  };
}
