/**
 * Stale prices: an adjusted close repeated unchanged for several market days.
 */
import { findingId, type Finding } from "./finding";
import { formatPrice } from "./format";
import type { PriceSeries } from "./price-series";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

/**
 * `stale-price` findings (warning): a run of at least `settings.prices.staleDays` consecutive rows
 * whose adjusted close equals the row before. The target is the repeated days (not the first,
 * genuine one), which an `exclude` decision removes from the modelling set. Inputs are only read.
 *
 * @example
 * ```ts
 * // adjClose 10, 11, 11, 11, 11, 11, 12 on seven days
 * checkStalePrices([s])[0].target; // => { kind: "price-days", from: <3rd date>, to: <6th date> }
 * ```
 */
export function checkStalePrices(series: readonly PriceSeries[], settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): Finding[] {
  const out: Finding[] = [];
  for (const s of series) {
    const n = s.dates.length;
    let i = 1;
    while (i < n) {
      if (s.adjClose[i] !== s.adjClose[i - 1]) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < n && s.adjClose[j + 1] === s.adjClose[i - 1]) j++;
      const days = j - i + 1;
      if (days >= settings.prices.staleDays) {
        const from = s.dates[i]!;
        const to = s.dates[j]!;
        let zeroVolume = true;
        for (let k = i; k <= j; k++) if (s.volume[k] !== 0) zeroVolume = false;
        const price = s.adjClose[i]!;
        out.push({
          id: findingId("stale-price", s.ticker, from),
          check: "prices",
          rule: "stale-price",
          ticker: s.ticker,
          fiscalYear: null,
          date: from,
          severity: "warning",
          value: price,
          message: `${s.ticker}: the adjusted close repeats ${formatPrice(price)} (the price of ${s.dates[i - 1]}) on ${days} market days, ${from} to ${to}${zeroVolume ? ", with volume 0 on each" : ""}`,
          target: { kind: "price-days", from, to },
          allowed: ["accept", "exclude"],
        });
      }
      i = j + 1;
    }
  }
  return out;
}
