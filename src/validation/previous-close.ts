/**
 * The close an analyst fills a missing day with: the last one before it.
 */
import type { Finding } from "./finding";
import type { PriceSeries } from "./price-series";

/**
 * The last adjusted close (USD) of the finding's ticker dated on or before the finding's date: for a one-day gap,
 * the close of the day before it. `null` when there is no finding, no date, no series for the ticker or no
 * earlier close.
 *
 * @param prices every ticker's price series (`readValidationInput(db).prices`).
 * @example
 * ```ts
 * const gap = firstFinding(report.findings, "price-gap", "adjust");
 * previousClose(input.prices, gap); // => e.g. 52.17, the close before the missing day
 * ```
 */
export function previousClose(prices: readonly PriceSeries[], finding: Finding | undefined): number | null {
  if (finding === undefined || finding.date === null) return null;
  const date = finding.date;
  const series = prices.find((s) => s.ticker === finding.ticker);
  if (series === undefined) return null;
  let i = series.dates.length - 1;
  while (i >= 0 && (series.dates[i] as string) > date) i--;
  return i < 0 ? null : (series.adjClose[i] as number);
}
