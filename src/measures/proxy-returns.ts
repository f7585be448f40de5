/**
 * Stand-in returns for holdings with missing history (a fund that listed late, a gap in a feed).
 */
import { InputError } from "../core/index";
import type { DateTable } from "../core/index";

/** One use of a proxy: `ticker`'s missing returns were replaced by `proxy`'s on `dates` dates. */
export interface ProxyUse {
  readonly ticker: string;
  readonly proxy: string;
  /** How many dates were filled. */
  readonly dates: number;
}

/**
 * The returns of the given tickers as a dense row-major block (`nDates × tickers.length`), with each missing
 * return of a ticker that has a proxy replaced by the proxy's return on that date (still `NaN` when the proxy
 * is missing too). Only proxies that filled at least one date are reported.
 *
 * @param returns per-period returns, `nDates × nTickers`, `NaN` = missing; not changed.
 * @param tickers the columns wanted, each a column of `returns`.
 * @param proxies `{ ticker: proxyTicker }`; every key and value must be a column, and a ticker cannot be its own proxy.
 * @param caller the public function name used to prefix error messages.
 * @throws InputError UNKNOWN_TICKER naming a ticker or proxy that is not a column; BAD_PROXY for a self-proxy.
 *
 * @example
 * ```ts
 * applyProxies({ dates: ["d1"], tickers: ["A", "B"], values: Float64Array.of(0.01, NaN) }, ["B"], { B: "A" }, "f");
 * // => { values: Float64Array [0.01], proxied: [{ ticker: "B", proxy: "A", dates: 1 }] }
 * ```
 */
export function applyProxies(
  returns: DateTable,
  tickers: readonly string[],
  proxies: Readonly<Record<string, string>>,
  caller: string,
): { values: Float64Array; proxied: ProxyUse[] } {
  const index = new Map(returns.tickers.map((t, j) => [t, j]));
  const columnOf = (ticker: string, role: string): number => {
    const j = index.get(ticker);
    if (j === undefined) {
      throw new InputError(
        "UNKNOWN_TICKER",
        `${caller}: ${role} ${ticker} is not a column of the returns (columns: ${returns.tickers.slice(0, 10).join(", ")}${returns.tickers.length > 10 ? ", …" : ""}); check the spelling`,
        { ticker, role },
      );
    }
    return j;
  };
  for (const [ticker, proxy] of Object.entries(proxies)) {
    columnOf(ticker, "proxied ticker");
    columnOf(proxy, `proxy of ${ticker}`);
    if (ticker === proxy) {
      throw new InputError("BAD_PROXY", `${caller}: ${ticker} is given as its own proxy; name a different ticker or remove the entry`, { ticker });
    }
  }
  const m = returns.tickers.length;
  const k = tickers.length;
  const n = returns.dates.length;
  const cols = tickers.map((t) => columnOf(t, "ticker"));
  const proxyCols = tickers.map((t) => (proxies[t] === undefined ? -1 : index.get(proxies[t]!)!));
  const filled = new Int32Array(k);
  const values = new Float64Array(n * k);
  for (let t = 0; t < n; t++) {
    for (let c = 0; c < k; c++) {
      let r = returns.values[t * m + cols[c]!]!;
      if (Number.isNaN(r) && proxyCols[c]! >= 0) {
        r = returns.values[t * m + proxyCols[c]!]!;
        if (!Number.isNaN(r)) filled[c]!++;
      }
      values[t * k + c] = r;
    }
  }
  const proxied: ProxyUse[] = [];
  tickers.forEach((ticker, c) => {
    if (filled[c]! > 0) proxied.push({ ticker, proxy: proxies[ticker]!, dates: filled[c]! });
  });
  return { values, proxied };
}
