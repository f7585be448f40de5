/**
 * Periodic returns from a table of prices, as PyPortfolioOpt's `returns_from_prices`.
 */
import { InputError } from "./errors";
import type { DateTable } from "./frame";
import { checkDateTable } from "./check-date-table";
import { simpleReturns } from "./simple-returns";

/** Options of {@link returnsFromPrices}. */
export interface ReturnsFromPricesOptions {
  /** Log returns `ln(p_t / p_{t-1})` instead of simple returns. Default `false`. */
  readonly logReturns?: boolean;
}

/**
 * Simple (or log) returns per column: `r_t = p_t / p_{t-1} − 1` (or `ln(1 + r_t)`), not annualised.
 *
 * Mirrors PyPortfolioOpt's `prices.pct_change(fill_method=None).dropna(how="all")`:
 * - a return is `NaN` where either price is `NaN` — before a stock lists, after it delists,
 *   and **on both sides of an interior gap**: a missing price at date t makes the returns dated
 *   t and t+1 `NaN`. Nothing is padded: pandas' old default (`fill_method="pad"`, deprecated in
 *   pandas 2.1 and dropped by PyPortfolioOpt in 2024) would instead report 0 on date t and the
 *   two-day return on t+1. Forward-fill the prices yourself if that is what you want;
 * - rows where every return is `NaN` are dropped (always the first date; also dates on which
 *   every ticker is missing).
 *
 * Each returned row is dated by its later price, so the output has at most `nDates − 1` rows.
 *
 * @param prices prices (e.g. adjusted closes, USD), shape `nDates × nTickers`; `NaN` = missing.
 *   Every non-missing price must be positive and finite.
 * @param options `{ logReturns }`.
 * @returns a new table of per-period returns (fractions), shape `nKept × nTickers`, same tickers.
 * @throws InputError when the table is malformed (shape, duplicate tickers, unsorted dates), has
 *   fewer than 2 dates, a price is ≤ 0 or ±Infinity (the message names ticker and date), or a
 *   column has no price at all.
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3", "d4"], tickers: ["A", "B"],
 *   values: Float64Array.from([10, NaN, 11, 20, NaN, 22, 12.1, 24.2]) };
 * const r = returnsFromPrices(prices);
 * r.dates;  // => ["d2", "d3", "d4"]
 * r.values; // => ≈ Float64Array [0.1, NaN, NaN, 0.1, NaN, 0.1]
 * ```
 */
export function returnsFromPrices(prices: DateTable, options: ReturnsFromPricesOptions = {}): DateTable {
  const caller = "returnsFromPrices";
  checkDateTable(prices, caller, "prices");
  const logReturns = options.logReturns ?? false;
  const nDates = prices.dates.length;
  const m = prices.tickers.length;
  if (nDates < 2) {
    throw new InputError(
      "TOO_FEW_DATES",
      `${caller}: prices have ${nDates} date${nDates === 1 ? "" : "s"}; pass at least 2 dates to form a return`,
      { nDates },
    );
  }
  const values = prices.values;
  const observed = new Int32Array(m);
  for (let i = 0; i < nDates; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) {
      const p = values[row + j]!;
      if (p > 0 && p < Infinity) {
        observed[j]!++;
      } else if (!Number.isNaN(p)) {
        throw new InputError(
          "NON_POSITIVE_PRICE",
          `${caller}: price of ${prices.tickers[j]} on ${prices.dates[i]} is ${p}; prices must be positive and finite — fix the source row, or set it to NaN to mark it missing`,
          { ticker: prices.tickers[j], date: prices.dates[i], value: p },
        );
      }
    }
  }
  for (let j = 0; j < m; j++) {
    if (observed[j] === 0) {
      throw new InputError(
        "EMPTY_COLUMN",
        `${caller}: column ${prices.tickers[j]} has no prices (every value is NaN); drop the column or fix the data source`,
        { ticker: prices.tickers[j] },
      );
    }
  }

  // Every column at once (stride m); NaN propagates: a missing price on either side gives a NaN return.
  const returns = simpleReturns(values, m);
  const out = new Float64Array((nDates - 1) * m);
  const dates: string[] = [];
  let kept = 0;
  for (let i = 1; i < nDates; i++) {
    const base = kept * m;
    out.set(returns.subarray(i * m, (i + 1) * m), base);
    if (logReturns) for (let j = 0; j < m; j++) out[base + j] = Math.log(1 + out[base + j]!);
    let any = false;
    for (let j = 0; j < m && !any; j++) any = !Number.isNaN(out[base + j]!);
    if (any) {
      dates.push(prices.dates[i]!);
      kept++;
    }
  }
  if (kept === nDates - 1) return { dates, tickers: [...prices.tickers], values: out };
  return { dates, tickers: [...prices.tickers], values: out.slice(0, kept * m) };
}
