/**
 * Stand-ins for holdings that listed after a history starts, so that a portfolio's returns cover the whole history.
 */
import { InputError } from "../core/index";
import type { DateTable } from "../core/index";

/**
 * The `proxies` of {@link portfolioReturns} (and of a stress test's context) for every holding without a price on
 * the first date of `prices`: each is replayed with `standIn`'s returns until it trades. Holdings priced from the
 * first date need none and are left out.
 *
 * @param prices adjusted closes, dates × tickers, `NaN` before a listing; not changed.
 * @param holdings the tickers held (e.g. `portfolio.holdings().labels`).
 * @param standIn the ticker whose returns stand in, e.g. the market index fund `"MKTIDX"`.
 * @returns holding → stand-in, in the order of `holdings`.
 * @throws InputError UNKNOWN_TICKER when a holding or the stand-in is not a column of `prices`; LATE_STAND_IN when
 *   the stand-in itself has no price on the first date.
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2"], tickers: ["MKT", "NEW"], values: Float64Array.of(100, NaN, 101, 10) };
 * lateListingProxies(prices, ["MKT", "NEW"], "MKT"); // => { NEW: "MKT" }
 * ```
 */
export function lateListingProxies(prices: DateTable, holdings: readonly string[], standIn: string): Record<string, string> {
  const column = (ticker: string, what: string): number => {
    const j = prices.tickers.indexOf(ticker);
    if (j < 0) {
      throw new InputError("UNKNOWN_TICKER", `lateListingProxies: ${what} ${ticker} is not a column of the prices; check the spelling or pass prices that include it`, { ticker });
    }
    return j;
  };
  const firstPriced = (j: number) => prices.dates.length > 0 && !Number.isNaN(prices.values[j] as number);
  if (!firstPriced(column(standIn, "stand-in"))) {
    throw new InputError("LATE_STAND_IN", `lateListingProxies: the stand-in ${standIn} has no price on ${prices.dates[0]} either; choose one priced from the first date (the market index)`, { ticker: standIn });
  }
  return Object.fromEntries(holdings.filter((t) => !firstPriced(column(t, "holding"))).map((t) => [t, standIn]));
}
