/**
 * Outlier returns: daily moves far outside a ticker's recent range.
 */
import { findingId, type Finding } from "./finding";
import { formatPercent, formatPrice } from "./format";
import type { PriceSeries } from "./price-series";
import { robustScale } from "./robust-scale";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";

/**
 * `outlier-return` findings (warning): a log return r between consecutive rows of the adjusted
 * close with |r| > `settings.prices.outlierZ` × σ, where σ² is the local variance before that day:
 * an exponentially weighted mean of squared log returns (half-life `volatilityHalfLife` days, each
 * return clipped at `outlierZ` σ so one glitch does not hide the next), started at the robust
 * variance (1.4826 × MAD)² of all the ticker's returns. Local scaling keeps a crisis, when every
 * day moves a lot, from flagging every day. The value is the simple return; the target is the day
 * of the move (exclude it, or adjust its price). Tickers with fewer than 10 returns or no
 * variation are skipped. Inputs are only read.
 *
 * @example
 * ```ts
 * // 200 days of ±1 % moves, then one day of +60 %
 * checkOutlierReturns([s]).map((f) => f.rule); // => ["outlier-return"]
 * ```
 */
export function checkOutlierReturns(series: readonly PriceSeries[], settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): Finding[] {
  const { outlierZ, volatilityHalfLife } = settings.prices;
  const lambda = 2 ** (-1 / volatilityHalfLife);
  const out: Finding[] = [];
  for (const s of series) {
    const n = s.dates.length;
    if (n < 11) continue;
    const r = new Float64Array(n - 1);
    for (let i = 1; i < n; i++) r[i - 1] = Math.log(s.adjClose[i]! / s.adjClose[i - 1]!);
    const { scale } = robustScale(r);
    if (!(scale > 0)) continue;
    let variance = scale * scale;
    for (let i = 1; i < n; i++) {
      const sd = Math.sqrt(variance);
      const x = r[i - 1]!;
      const z = x / sd;
      const clipped = Math.max(-outlierZ * sd, Math.min(outlierZ * sd, x));
      variance = lambda * variance + (1 - lambda) * clipped * clipped;
      if (Math.abs(z) <= outlierZ) continue;
      const date = s.dates[i]!;
      const simple = s.adjClose[i]! / s.adjClose[i - 1]! - 1;
      out.push({
        id: findingId("outlier-return", s.ticker, date),
        check: "prices",
        rule: "outlier-return",
        ticker: s.ticker,
        fiscalYear: null,
        date,
        severity: "warning",
        value: simple,
        message: `${s.ticker} ${date}: the adjusted close moved ${formatPercent(simple)} (${formatPrice(s.adjClose[i - 1]!)} to ${formatPrice(s.adjClose[i]!)}), ${Math.abs(z).toFixed(1)} times its recent daily volatility`,
        target: { kind: "price-days", from: date, to: date },
        allowed: ["accept", "exclude", "adjust"],
      });
    }
  }
  return out;
}
