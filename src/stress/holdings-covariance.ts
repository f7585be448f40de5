/**
 * Daily mean and covariance of a portfolio's holdings, for the covariance stresses and the Student-t simulation.
 */
import type { LabelledMatrix } from "../core/index";
import { fixNonpositiveSemidefinite } from "../moments/index";
import { pairwiseCovariance } from "../moments/index";
import type { PortfolioHistory } from "./stress-context";

/**
 * Daily sample covariance of the holdings' returns (after proxies): `riskModels.pairwiseCovariance` (each pair
 * over the dates both trade, ddof 1) repaired by `riskModels.fixNonpositiveSemidefinite` — the daily version of
 * `riskModels.sampleCovariance`; multiply by 252 for the annual one. Also the mean daily return of each holding
 * over its own dates.
 *
 * @throws InputError when a holding has fewer than 2 returns or a pair overlaps on fewer than 2 dates.
 * @example
 * ```ts
 * holdingsCovariance(history).covariance.labels; // => history.tickers
 * ```
 */
export function holdingsCovariance(history: PortfolioHistory): { covariance: LabelledMatrix; mean: Float64Array } {
  const k = history.tickers.length;
  const daily = pairwiseCovariance({ dates: history.dates, tickers: history.tickers, values: history.returns });
  const repaired = fixNonpositiveSemidefinite(daily);
  const mean = new Float64Array(k);
  const count = new Int32Array(k);
  for (let t = 0; t < history.dates.length; t++) {
    for (let c = 0; c < k; c++) {
      const r = history.returns[t * k + c]!;
      if (Number.isNaN(r)) continue;
      mean[c] = mean[c]! + r;
      count[c]!++;
    }
  }
  for (let c = 0; c < k; c++) mean[c] = mean[c]! / count[c]!;
  return { covariance: { labels: repaired.labels, values: repaired.values }, mean };
}
