/**
 * Precomputed forecasts, each usable only from its as-of date on.
 */
import { InputError } from "../core/index";
import type { AllocationForecast } from "../models/index";

/**
 * Forecasts made in advance for a backtest, as a list (each usable from its `asOf` date) or a map keyed by the
 * date each becomes usable (a key may be later than the forecast's `asOf`, e.g. a publication lag, never earlier).
 *
 * @example
 * ```ts
 * const list: ForecastInput = [forecastMarch, forecastJune];
 * const keyed: ForecastInput = new Map([["2024-04-02", forecastMarch]]); // made as of 2024-03-29, used from 2 April
 * ```
 */
export type ForecastInput = readonly AllocationForecast[] | ReadonlyMap<string, AllocationForecast>;

/**
 * Forecasts ordered by the date they become usable, answering "what was the latest forecast on date d?" and never
 * with one whose `asOf` is after d: the no-look-ahead rule for precomputed signals.
 *
 * @example
 * ```ts
 * const schedule = new ForecastSchedule([march, june]);
 * schedule.asOf("2024-05-15")?.asOf; // => march.asOf
 * schedule.asOf("2024-01-02");       // => null (no forecast yet)
 * ```
 */
export class ForecastSchedule {
  private readonly usable: string[];
  private readonly forecasts: AllocationForecast[];

  /**
   * @throws InputError LOOK_AHEAD when a map key is earlier than its forecast's `asOf` (the forecast would be used
   *   before it was made); DUPLICATE_DATE for two forecasts usable on the same date; BAD_FORECAST for a forecast
   *   without an ISO `asOf`; EMPTY_INPUT for no forecast.
   */
  constructor(input: ForecastInput) {
    const entries: [string, AllocationForecast][] = input instanceof Map ? [...input.entries()] : (input as readonly AllocationForecast[]).map((f) => [f?.asOf, f]);
    if (entries.length === 0) throw new InputError("EMPTY_INPUT", "ForecastSchedule: no forecasts; pass at least one AllocationForecast");
    for (const [key, f] of entries) {
      if (!f || typeof f.asOf !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(f.asOf) || typeof key !== "string") {
        throw new InputError("BAD_FORECAST", `ForecastSchedule: every forecast needs an ISO asOf date (and every key must be one); got key ${JSON.stringify(key)}, asOf ${JSON.stringify(f?.asOf)}`);
      }
      if (key < f.asOf) {
        throw new InputError("LOOK_AHEAD", `ForecastSchedule: the forecast keyed ${key} was made as of ${f.asOf}, after its key; it would be used before it existed — key it on or after ${f.asOf}`, { key, asOf: f.asOf });
      }
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (let i = 1; i < entries.length; i++) {
      if (entries[i]![0] === entries[i - 1]![0]) throw new InputError("DUPLICATE_DATE", `ForecastSchedule: two forecasts usable on ${entries[i]![0]}; keep one per date`, { date: entries[i]![0] });
    }
    this.usable = entries.map((e) => e[0]);
    this.forecasts = entries.map((e) => e[1]);
  }

  /** Number of forecasts. */
  get size(): number {
    return this.forecasts.length;
  }

  /** Every forecast, in the order they become usable. */
  get all(): readonly AllocationForecast[] {
    return this.forecasts;
  }

  /**
   * The latest forecast usable on `date` (its key, and so its `asOf`, on or before `date`), or `null` before the first.
   *
   * @throws InputError LOOK_AHEAD if a forecast's `asOf` is after `date` (cannot happen after the constructor's
   *   checks; asserted so that no later change can break the rule silently).
   */
  asOf(date: string): AllocationForecast | null {
    let lo = 0;
    let hi = this.usable.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.usable[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return null;
    const f = this.forecasts[lo - 1]!;
    if (f.asOf > date) throw new InputError("LOOK_AHEAD", `ForecastSchedule: the forecast as of ${f.asOf} was asked for on ${date}`, { asOf: f.asOf, date });
    return f;
  }
}
