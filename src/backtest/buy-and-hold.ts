/**
 * A one-ticker buy-and-hold benchmark.
 */
import { InputError } from "../core/index";
import type { DateTable } from "../core/index";
import type { BacktestResult } from "./backtest-result";
import { fixedWeights } from "./fixed-weights";
import { neverRebalance } from "./never-rebalance";
import { runBacktest } from "./run-backtest";

/** Options of {@link buyAndHold}. */
export interface BuyAndHoldOptions {
  /** First trading day (the first date on or after it). Default the table's first date. */
  readonly start?: string;
  /** Last trading day. Default the table's last date. */
  readonly end?: string;
  /** Starting capital. Default 1,000,000. */
  readonly capital?: number;
}

/**
 * Buys one ticker with all the capital on the first day (fractional shares, no costs) and holds it: the usual
 * benchmark, e.g. the index fund. Its daily returns are the ticker's own (its last close carried over a missing day).
 *
 * @param prices closes, `nDates × nTickers`; not changed.
 * @param ticker the benchmark's column.
 * @param options `{ start, end, capital = 1,000,000 }`.
 * @throws InputError UNKNOWN_TICKER; NO_PRICE when the ticker has no price on the first day; as {@link runBacktest}.
 * @example
 * ```ts
 * const benchmark = await buyAndHold(prices, "MKTIDX", { start: "2007-01-02" });
 * benchmark.strategy; // => "MKTIDX buy and hold"
 * ```
 */
export async function buyAndHold(prices: DateTable, ticker: string, options: BuyAndHoldOptions = {}): Promise<BacktestResult> {
  const j = prices.tickers.indexOf(ticker);
  if (j < 0) {
    throw new InputError("UNKNOWN_TICKER", `buyAndHold: ${ticker} is not a column of the prices (columns: ${prices.tickers.slice(0, 10).join(", ")}${prices.tickers.length > 10 ? ", …" : ""})`, { ticker });
  }
  let first = 0;
  if (options.start !== undefined) while (first < prices.dates.length && prices.dates[first]! < options.start) first++;
  if (first < prices.dates.length && Number.isNaN(prices.values[first * prices.tickers.length + j]!)) {
    throw new InputError("NO_PRICE", `buyAndHold: ${ticker} has no price on ${prices.dates[first]}, the first day; start on or after its first price`, { ticker, date: prices.dates[first] });
  }
  return runBacktest(prices, fixedWeights({ [ticker]: 1 }, { name: `${ticker} buy and hold` }), {
    start: prices.dates[first] ?? options.start,
    end: options.end,
    capital: options.capital,
    fractionalShares: true,
    rebalance: neverRebalance(),
  });
}
