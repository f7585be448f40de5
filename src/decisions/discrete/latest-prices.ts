/**
 * The latest price of each ticker, as PyPortfolioOpt's `get_latest_prices`.
 */
import { DataError } from "../../core/index";
import type { DateTable, LabelledVector } from "../../core/index";

/**
 * The last non-missing price of each column of a price table (forward fill, then the last row), for
 * `discreteAllocation`.
 *
 * @param prices prices, `nDates × nTickers`, `NaN` = missing.
 * @returns one price per ticker, labelled in the table's order.
 * @throws DataError naming the tickers that have no price at all.
 *
 * @example
 * ```ts
 * latestPrices({ dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B"], values: Float64Array.of(10, 20, 11, NaN) }).values;
 * // => Float64Array [11, 20]
 * ```
 */
export function latestPrices(prices: DateTable): LabelledVector {
  const nTickers = prices.tickers.length;
  const nDates = prices.dates.length;
  const values = new Float64Array(nTickers).fill(NaN);
  for (let j = 0; j < nTickers; j++) {
    for (let r = nDates - 1; r >= 0; r--) {
      const v = prices.values[r * nTickers + j]!;
      if (!Number.isNaN(v)) {
        values[j] = v;
        break;
      }
    }
  }
  const empty = prices.tickers.filter((_, j) => Number.isNaN(values[j]!));
  if (empty.length > 0) {
    throw new DataError("NO_PRICES", `latestPrices: no price at all for ${empty.join(", ")}; drop these columns`, { tickers: empty });
  }
  return { labels: [...prices.tickers], values };
}
