/**
 * The market data a stress test reads, and the portfolio's history prepared from it once per run.
 */
import { InputError } from "../core/index";
import type { DateTable } from "../core/index";
import { returnsFromPrices } from "../moments/index";
import type { InstrumentProfile } from "../measures/index";
import { applyProxies, type ProxyUse } from "../measures/index";
import { checkStressPortfolio, type StressPortfolio } from "./stress-portfolio";

/**
 * What a stress test knows about the market.
 *
 * @example
 * ```ts
 * const context: StressContext = { prices: market.prices, instruments: market.instruments, proxies: { PXFX: "MKTIDX" } };
 * ```
 */
export interface StressContext {
  /** Adjusted closes, `nDates × nTickers`, `NaN` = missing: the history historical and simulated scenarios replay. */
  readonly prices: DateTable;
  /** Asset class, sector and duration of each instrument; hypothetical shocks need them for every holding. */
  readonly instruments?: readonly InstrumentProfile[];
  /**
   * Stand-ins for holdings without history on some dates (listed later, gaps): `{ SATX: "MKTIDX" }` replays
   * MKTIDX's returns for SATX before SATX traded. Every use is named in the result's notes.
   */
  readonly proxies?: Readonly<Record<string, string>>;
}

/**
 * A portfolio's holdings and their daily history, prepared once and handed to each scenario. Write a custom
 * {@link Scenario} against it.
 */
export interface PortfolioHistory {
  /** Holdings: tickers with a non-zero weight, in the order of the portfolio's weights. */
  readonly tickers: readonly string[];
  /** Their weights (fractions of capital). */
  readonly weights: Float64Array;
  readonly capital: number;
  readonly longShort: boolean;
  /** Return dates (every price date after the first), ascending. */
  readonly dates: readonly string[];
  /** Daily simple returns of the holdings, `dates.length × tickers.length`, after proxies; `NaN` = no data. */
  readonly returns: Float64Array;
  /** 1 where a holding's return came from its proxy, same layout as `returns`. */
  readonly proxiedMask: Uint8Array;
  /** Proxies used somewhere in the history. */
  readonly proxied: readonly ProxyUse[];
  /** The proxies as given. */
  readonly proxies: Readonly<Record<string, string>>;
  /** Daily returns of every column of the prices (no proxies), for benchmarks. */
  readonly allReturns: DateTable;
  /** Instrument profiles by ticker, or `null` when the context has none. */
  readonly instruments: ReadonlyMap<string, InstrumentProfile> | null;
}

const returnsCache = new WeakMap<DateTable, DateTable>();

function cachedReturns(prices: DateTable): DateTable {
  let returns = returnsCache.get(prices);
  if (!returns) {
    returns = returnsFromPrices(prices);
    returnsCache.set(prices, returns);
  }
  return returns;
}

/**
 * Validates a portfolio against a context and builds its {@link PortfolioHistory}: daily returns of the
 * holdings from the prices (`returnsFromPrices`, memoised per prices table object: do not modify a table's
 * values in place after a stress test has read it), with proxies applied.
 *
 * @param portfolio weights and capital (checked by {@link checkStressPortfolio}); not changed.
 * @param context prices, instruments and proxies; not changed.
 * @param caller the public function name used to prefix error messages.
 * @throws InputError for a bad portfolio, a weight ticker or proxy that is not a price column (UNKNOWN_TICKER),
 *   or malformed prices.
 * @example
 * ```ts
 * const history = preparePortfolioHistory(portfolio, { prices: market.prices }, "myScenario");
 * history.tickers; // => the holdings, e.g. ["STBX", "LTBX", …]
 * ```
 */
export function preparePortfolioHistory(portfolio: StressPortfolio, context: StressContext, caller: string): PortfolioHistory {
  checkStressPortfolio(portfolio, caller);
  const prices = context.prices;
  const unknown = portfolio.weights.labels.filter((t) => !prices.tickers.includes(t));
  if (unknown.length > 0) {
    throw new InputError(
      "UNKNOWN_TICKER",
      `${caller}: ${unknown.slice(0, 8).join(", ")}${unknown.length > 8 ? ", …" : ""} ${unknown.length === 1 ? "is" : "are"} in the weights but not in the prices; check the spelling or pass prices that include ${unknown.length === 1 ? "it" : "them"}`,
      { unknown },
    );
  }
  const allReturns = cachedReturns(prices);
  const tickers: string[] = [];
  const weights: number[] = [];
  portfolio.weights.labels.forEach((t, i) => {
    const w = portfolio.weights.values[i]!;
    if (w !== 0) {
      tickers.push(t);
      weights.push(w);
    }
  });
  const proxies = context.proxies ?? {};
  const { values, proxied } = applyProxies(allReturns, tickers, proxies, caller);
  const k = tickers.length;
  const m = allReturns.tickers.length;
  const cols = tickers.map((t) => allReturns.tickers.indexOf(t));
  const proxiedMask = new Uint8Array(values.length);
  for (let t = 0; t < allReturns.dates.length; t++) {
    for (let c = 0; c < k; c++) {
      if (Number.isNaN(allReturns.values[t * m + cols[c]!]!) && !Number.isNaN(values[t * k + c]!)) proxiedMask[t * k + c] = 1;
    }
  }
  return {
    tickers,
    weights: Float64Array.from(weights),
    capital: portfolio.capital,
    longShort: portfolio.longShort ?? false,
    dates: allReturns.dates,
    returns: values,
    proxiedMask,
    proxied,
    proxies,
    allReturns,
    instruments: context.instruments ? new Map(context.instruments.map((i) => [i.ticker, i])) : null,
  };
}

/**
 * Notes naming the holdings whose returns between rows `from` and `to` (inclusive) came from a proxy.
 *
 * @example
 * ```ts
 * proxyNotes(history, 0, history.dates.length - 1);
 * // => ["PXFX: 1,600 of 5,217 days replayed with MKTIDX's returns (no history of its own)"]
 * ```
 */
export function proxyNotes(history: PortfolioHistory, from: number, to: number): string[] {
  const k = history.tickers.length;
  const notes: string[] = [];
  const total = to - from + 1;
  history.tickers.forEach((ticker, c) => {
    let count = 0;
    for (let t = from; t <= to; t++) count += history.proxiedMask[t * k + c]!;
    if (count > 0) {
      notes.push(
        `${ticker}: ${count.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} days replayed with ${history.proxies[ticker]}'s returns (no history of its own)`,
      );
    }
  });
  return notes;
}

/**
 * The instrument profile of every holding, or a typed error naming what is missing.
 *
 * @throws InputError MISSING_INSTRUMENTS when the context has no instrument list; MISSING_INSTRUMENT naming
 *   the holdings without a profile.
 * @example
 * ```ts
 * holdingProfiles(history, "rateShock").map((p) => p.assetClass); // => ["bond", "bond", "equity", …]
 * ```
 */
export function holdingProfiles(history: PortfolioHistory, caller: string): InstrumentProfile[] {
  if (history.instruments === null) {
    throw new InputError(
      "MISSING_INSTRUMENTS",
      `${caller}: this shock needs each holding's asset class; pass instruments in the stress context (e.g. instruments: market.instruments)`,
      {},
    );
  }
  const missing = history.tickers.filter((t) => !history.instruments!.has(t));
  if (missing.length > 0) {
    throw new InputError(
      "MISSING_INSTRUMENT",
      `${caller}: ${missing.join(", ")} ${missing.length === 1 ? "has" : "have"} no instrument profile, so ${missing.length === 1 ? "its" : "their"} asset class is unknown; add ${missing.length === 1 ? "it" : "them"} to the context's instruments`,
      { missing },
    );
  }
  return history.tickers.map((t) => history.instruments!.get(t)!);
}
