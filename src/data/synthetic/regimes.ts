/**
 * The market regime: a two-state (calm / crisis) Markov chain stepped once
 * per business day, with windows that can be forced to crisis.
 */
import type { LabelledSpan, Rng } from "../../core/index";
import type { MarketParams } from "./params";

/** The two regimes. In crisis, volatilities rise (most for the market factor), drift falls, and correlations rise. */
export type RegimeKind = "calm" | "crisis";

/**
 * A run of consecutive business days in one regime (inclusive ISO dates): core's `LabelledSpan` with the kind
 * narrowed to the two regimes.
 *
 * @example
 * ```ts
 * const span: RegimeSpan = { start: "2008-09-15", end: "2009-03-09", kind: "crisis" };
 * ```
 */
export interface RegimeSpan extends LabelledSpan {
  readonly kind: RegimeKind;
}

/** State code of a calm day in {@link simulateRegimes}' output. */
export const CALM = 0;
/** State code of a crisis day in {@link simulateRegimes}' output. */
export const CRISIS = 1;

/**
 * Simulates the regime of each business day.
 *
 * The chain starts calm. On each day one uniform `u` is drawn (always, so the
 * stream does not depend on the windows); a day inside a `forcedCrises`
 * window is crisis; otherwise a calm yesterday turns crisis when
 * `u < calmToCrisis` and a crisis yesterday turns calm when `u < crisisToCalm`.
 * The day after a forced window restarts from calm.
 *
 * @param dates - the business days (ISO, ascending).
 * @param regimes - the `regimes` group of {@link MarketParams}.
 * @param rng - the stream to draw from (advanced by `dates.length` uniforms).
 * @returns one state per date: {@link CALM} (0) or {@link CRISIS} (1).
 * @example
 * ```ts
 * const states = simulateRegimes(["2008-09-12", "2008-09-15"], DEFAULT_MARKET_PARAMS.regimes, createRng(1));
 * // => Uint8Array [0, 1]  (2008-09-15 opens a forced window)
 * ```
 */
export function simulateRegimes(dates: readonly string[], regimes: MarketParams["regimes"], rng: Rng): Uint8Array {
  const states = new Uint8Array(dates.length);
  const windows = regimes.forcedCrises;
  let previous = CALM;
  let wasForced = false;
  for (let i = 0; i < dates.length; i++) {
    const u = rng.next();
    const date = dates[i]!;
    let forced = false;
    for (const w of windows) {
      if (date >= w.start && date <= w.end) {
        forced = true;
        break;
      }
    }
    let state: number;
    if (forced) state = CRISIS;
    else {
      if (wasForced) previous = CALM;
      state = previous === CALM ? (u < regimes.calmToCrisis ? CRISIS : CALM) : u < regimes.crisisToCalm ? CALM : CRISIS;
    }
    wasForced = forced;
    states[i] = state;
    previous = state;
  }
  return states;
}

/**
 * Collapses daily states into runs.
 *
 * @param dates - the business days (ISO, ascending).
 * @param states - one state per date, as returned by {@link simulateRegimes}.
 * @returns consecutive spans covering every date, alternating kinds.
 * @example
 * ```ts
 * regimeSpans(["2020-02-18", "2020-02-19", "2020-02-20"], Uint8Array.from([0, 0, 1]));
 * // => [{ start: "2020-02-18", end: "2020-02-19", kind: "calm" }, { start: "2020-02-20", end: "2020-02-20", kind: "crisis" }]
 * ```
 */
export function regimeSpans(dates: readonly string[], states: Uint8Array): RegimeSpan[] {
  const spans: RegimeSpan[] = [];
  let begin = 0;
  for (let i = 1; i <= dates.length; i++) {
    if (i === dates.length || states[i] !== states[begin]) {
      spans.push({ start: dates[begin]!, end: dates[i - 1]!, kind: states[begin] === CRISIS ? "crisis" : "calm" });
      begin = i;
    }
  }
  return spans;
}
