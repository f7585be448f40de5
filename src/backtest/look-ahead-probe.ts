/**
 * A strategy that tries to look ahead, to show that the engine's view holds nothing after the rebalance date.
 */
import { tableOfRows, type Table } from "../core/index";
import type { Strategy } from "./strategy";

/** A {@link Strategy} that records what it could see, with the table of its attempts. */
export interface LookAheadProbe extends Strategy {
  /**
   * One row per rebalance: the date, the last row the view held, and what it found after it (`"nothing"`).
   *
   * @throws InputError EMPTY_TABLE before the probe has been run.
   */
  peeks(): Table;
}

/**
 * A strategy that, at each rebalance, notes the date, the last date its view holds, and what the view holds after
 * it (reading one row past the end of the view's price buffer); it asks for no weights (all cash). Run it through
 * `runBacktest` and display `peeks()`: the last row is the rebalance date, the next row "nothing".
 *
 * @example
 * ```ts
 * const probe = lookAheadProbe();
 * await runBacktest(prices, probe, { end: prices.dates[60], rebalance: calendarRebalance("monthly") });
 * probe.peeks(); // date, last row, next row: "2006-01-02", "2006-01-02", "nothing"; …
 * ```
 */
export function lookAheadProbe(): LookAheadProbe {
  const peeks: { date: string; lastRow: string; nextRow: string }[] = [];
  return {
    name: "look-ahead probe",
    parameters: {},
    targetWeights(view) {
      const p = view.prices;
      const after = p.values[p.dates.length * p.tickers.length];
      peeks.push({ date: view.date, lastRow: p.dates[p.dates.length - 1] ?? "nothing", nextRow: after === undefined ? "nothing" : String(after) });
      return { labels: [], values: new Float64Array() };
    },
    peeks() {
      return tableOfRows(peeks, { units: { date: "date", lastRow: "date", nextRow: "text" }, caption: "What the strategy could see at each rebalance" });
    },
  };
}
