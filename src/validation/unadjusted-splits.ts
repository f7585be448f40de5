/**
 * Likely unadjusted splits: a jump in the close/adjClose ratio near a split
 * ratio (the quoted close was not adjusted), or a split-sized move in the
 * adjusted close that holds (the adjustment itself is missing).
 */
import { findingId, type Finding } from "./finding";
import { formatPercent } from "./format";
import type { PriceSeries } from "./price-series";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

/**
 * The split (ratio > 1: forward, e.g. 2 for 2-for-1; below 1: reverse) that a price factor
 * `factor` (new / old) matches within `tolerance`, or `null`. A 2-for-1 split halves the price (factor 0.5).
 *
 * @example
 * ```ts
 * matchSplit(0.502, [2, 3], 0.03); // => 2
 * matchSplit(3.05, [2, 3], 0.03);  // => 0.3333333333333333 (a 1-for-3 reverse split)
 * matchSplit(0.8, [2, 3], 0.03);   // => null
 * ```
 */
export function matchSplit(factor: number, ratios: readonly number[], tolerance: number): number | null {
  for (const r of ratios) {
    if (Math.abs(factor * r - 1) <= tolerance) return r;
    if (Math.abs(factor / r - 1) <= tolerance) return 1 / r;
  }
  return null;
}

function splitName(split: number): string {
  const n = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toFixed(2))));
  return split >= 1 ? `${n(split)}-for-1 split` : `1-for-${n(1 / split)} reverse split`;
}

/**
 * Split findings for each ticker:
 * - `unadjusted-split` (error): where a quoted close is present on two consecutive rows, the ratio
 *   close / adjClose moved by a factor matching a split ratio (`settings.prices.splitRatios`, within
 *   `splitTolerance`): the close before that day is not adjusted for the split;
 * - `close-ratio-jump` (warning): the ratio moved by more than `ratioJump` but not like a split;
 * - `split-like-return` (error): where no quoted close is available (sources that deliver one price
 *   only), the adjusted close moved by a split factor (−50 %, −66.7 %, +100 %…) with the old level
 *   held for `splitHoldDays` rows before and the new level for as many after (within half the move,
 *   in log terms; a one-day glitch that reverts does not qualify): the adjustment may be missing. With a quoted close the ratio rule decides: a real crash moves both prices alike.
 * The date is the first day at the new level. Inputs are only read.
 *
 * @example
 * ```ts
 * // close = 2 × adjClose up to 2012-06-19, = adjClose from 2012-06-20
 * checkUnadjustedSplits([crlx]).map((f) => f.id); // => ["unadjusted-split/CRLX/2012-06-20"]
 * ```
 */
export function checkUnadjustedSplits(series: readonly PriceSeries[], settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): Finding[] {
  const p = settings.prices;
  const out: Finding[] = [];
  for (const s of series) {
    const n = s.dates.length;
    for (let i = 1; i < n; i++) {
      const date = s.dates[i]!;
      const base = { check: "prices" as const, ticker: s.ticker, fiscalYear: null, date, target: { kind: "price-days" as const, from: date, to: date } };
      const ratioBefore = s.close[i - 1]! / s.adjClose[i - 1]!;
      const ratioNow = s.close[i]! / s.adjClose[i]!;
      const adjMove = s.adjClose[i]! / s.adjClose[i - 1]!;
      if (Number.isFinite(ratioBefore) && Number.isFinite(ratioNow)) {
        const factor = ratioNow / ratioBefore;
        if (Math.abs(factor - 1) > p.ratioJump) {
          const split = matchSplit(factor, p.splitRatios, p.splitTolerance);
          const moves = `the close/adjClose ratio moved from ${ratioBefore.toFixed(2)} to ${ratioNow.toFixed(2)} (close ${formatPercent(s.close[i]! / s.close[i - 1]! - 1)}, adjClose ${formatPercent(adjMove - 1)})`;
          out.push(
            split !== null
              ? { ...base, id: findingId("unadjusted-split", s.ticker, date), rule: "unadjusted-split", severity: "error", value: factor,
                  message: `${s.ticker} ${date}: ${moves}: the quoted close before ${date} looks unadjusted for a ${splitName(split)}`,
                  allowed: ["accept", "exclude"] }
              : { ...base, id: findingId("close-ratio-jump", s.ticker, date), rule: "close-ratio-jump", severity: "warning", value: factor,
                  message: `${s.ticker} ${date}: ${moves}, more than ${formatPercent(p.ratioJump, 0)} and not like a split`,
                  allowed: ["accept", "exclude"] },
          );
          continue;
        }
      }
      if (!Number.isNaN(s.close[i]!) || !Number.isNaN(s.close[i - 1]!)) continue;
      const split = matchSplit(adjMove, p.splitRatios, p.splitTolerance);
      if (split === null || i + p.splitHoldDays >= n || i - 1 - p.splitHoldDays < 0) continue;
      const half = Math.abs(Math.log(adjMove)) / 2;
      let holds = true;
      for (let k = 1; k <= p.splitHoldDays; k++) {
        if (Math.abs(Math.log(s.adjClose[i + k]! / s.adjClose[i]!)) >= half) holds = false;
        if (Math.abs(Math.log(s.adjClose[i - 1 - k]! / s.adjClose[i - 1]!)) >= half) holds = false;
      }
      if (!holds) continue;
      out.push({
        ...base,
        id: findingId("split-like-return", s.ticker, date),
        rule: "split-like-return",
        severity: "error",
        value: adjMove - 1,
        message: `${s.ticker} ${date}: the adjusted close moved ${formatPercent(adjMove - 1)} and held for ${p.splitHoldDays} days, like an unadjusted ${splitName(split)}`,
        allowed: ["accept", "exclude", "adjust"],
      });
    }
  }
  return out;
}
