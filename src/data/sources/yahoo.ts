/**
 * Daily prices (Yahoo's chart API) and annual fundamentals (Yahoo's
 * fundamentals time series) through yahoo-finance2, with an injectable `fetch`,
 * a disk cache, timeouts and retries.
 *
 * - **Cache**: each ticker's answer for a date range is stored as a CSV file
 *   under `<cacheDir>/yahoo/{prices,fundamentals}/` (see `yahoo-cache.ts`) and
 *   reused when present (no network call). `refresh: true` refetches and
 *   replaces it. Files are written atomically (temp file, fsync, rename), so a
 *   crash leaves the old file or none. A corrupt file throws a DataError naming
 *   it and saying to delete it; it is never refetched silently.
 * - **Retries**: network errors, timeouts (default 15 s per attempt), HTTP 429 and
 *   5xx are retried with exponential backoff and jitter (default 4 retries,
 *   0.5 s doubling to 8 s); then a SourceError names the ticker and the cause.
 *   A body that stalls after the headers counts as a timeout. Other answers (unknown symbol, malformed
 *   JSON, a price sent as text, which yahoo-finance2 would coerce: "185,6" → 185) fail at once.
 * - **Rows**: `source` is `"yahoo:<TICKER>"` (prices) or `"yahoo-fundamentals:<TICKER>"`,
 *   `line` the 1-based position in that ticker's series. A day Yahoo returns with
 *   a `null` price becomes a raw row with a `null` price (rejected downstream
 *   with the reason), never a made-up one.
 * - **Fundamentals**: Yahoo reports USD; rows are delivered in `"millions"`.
 *   Yahoo gives no filing date: `filedDate` is estimated as period end + 90 days
 *   (the latest 10-K deadline), so features that respect `filedDate` never use
 *   a figure before it could have been public. `filingId` is
 *   `yahoo:<TICKER>:<periodEnd>`, `form` `"10-K"`.
 */
import { access, constants } from "node:fs/promises";
import YahooFinance from "yahoo-finance2";
import { DataError, InputError, SourceError } from "../../core/index";
import type { RawFundamentalRow, RawPriceRow } from "../raw";
import { writeFileAtomic } from "./atomic-write";
import { addDays } from "../../core/index";
import { toIsoDate } from "./iso-date";
import { inDateRange, validatePriceQuery, type FundamentalsQuery, type MarketSource, type PriceQuery } from "./market-source";
import { FetchFailure, resilientFetch } from "./resilient-fetch";
import type { RetryPolicy } from "./retry";
import {
  formatFundamentalsCache,
  formatPriceCache,
  readFundamentalsCache,
  readPriceCache,
  yahooCachePath,
  type CachedFundamentals,
  type CachedPrice,
} from "./yahoo-cache";

/**
 * Default cache folder, relative to the working directory (the project root in notebooks).
 *
 * @example
 * ```ts
 * new YahooSource({ cacheDir: DEFAULT_CACHE_DIR }); // same as new YahooSource()
 * ```
 */
export const DEFAULT_CACHE_DIR = "data/cache";

/**
 * Days after a fiscal year end at which a Yahoo figure is taken to be public (the latest 10-K deadline).
 *
 * @example
 * ```ts
 * addDays("2023-09-30", YAHOO_FILING_LAG_DAYS); // => "2023-12-29", the filedDate of Apple's FY2023 row
 * ```
 */
export const YAHOO_FILING_LAG_DAYS = 90;

/**
 * Options of {@link YahooSource}. Durations in milliseconds.
 *
 * @example
 * ```ts
 * const options: YahooSourceOptions = { cacheDir: "data/cache", retries: 4, timeoutMs: 15_000 };
 * ```
 */
export interface YahooSourceOptions extends RetryPolicy {
  /** The fetch to use; default `globalThis.fetch`. Tests inject one serving recorded JSON. */
  readonly fetch?: typeof fetch;
  /** Cache folder; default {@link DEFAULT_CACHE_DIR}. */
  readonly cacheDir?: string;
  /** Ignore cached files, refetch and replace them. Default false. */
  readonly refresh?: boolean;
  /** Per-attempt timeout; default 15,000 ms. */
  readonly timeoutMs?: number;
  /** Today's date (ISO), the default end of a query; default the UTC date now. */
  readonly today?: () => string;
  /** Writes a cache file; default {@link writeFileAtomic}. Tests inject a failing one. */
  readonly writeFile?: (path: string, content: string) => Promise<void>;
}

const quietLogger = { info() {}, warn() {}, error() {}, debug() {}, dir() {} };

/**
 * Yahoo Finance as a {@link MarketSource}.
 *
 * @example
 * ```ts
 * const yahoo = new YahooSource({ cacheDir: "data/cache" });
 * const rows = await yahoo.loadPrices({ tickers: ["AAPL", "MSFT"], start: "2024-01-02", end: "2024-01-31" });
 * const filings = await yahoo.loadFundamentals({ tickers: ["AAPL"], start: "2019-01-01" });
 * ```
 */
export class YahooSource implements MarketSource {
  readonly name = "yahoo";
  private readonly options: YahooSourceOptions;
  private client: InstanceType<typeof YahooFinance> | undefined;

  constructor(options: YahooSourceOptions = {}) {
    this.options = { ...options };
  }

  private get cacheDir(): string {
    return this.options.cacheDir ?? DEFAULT_CACHE_DIR;
  }

  private yahoo(): InstanceType<typeof YahooFinance> {
    if (!this.client) {
      const fetchImpl = this.options.fetch ?? globalThis.fetch;
      this.client = new YahooFinance({
        fetch: withNumericQuotes(resilientFetch(fetchImpl, this.options)),
        suppressNotices: ["yahooSurvey"],
        versionCheck: false,
        logger: quietLogger,
        validation: { logErrors: false, logOptionsErrors: false },
      });
    }
    return this.client;
  }

  private range(query: PriceQuery): { tickers: readonly string[]; start: string; end: string } {
    validatePriceQuery(this.name, query);
    if (!query.tickers) {
      throw new InputError("MISSING_TICKERS", "yahoo: pass the tickers to load, e.g. { tickers: [\"AAPL\"], start: \"2020-01-01\" }");
    }
    if (!query.start) {
      throw new InputError("MISSING_START", "yahoo: pass a start date (ISO YYYY-MM-DD); Yahoo has no default range");
    }
    const end = query.end ?? (this.options.today ?? (() => toIsoDate(new Date())))();
    validatePriceQuery(this.name, { start: query.start, end });
    return { tickers: query.tickers, start: query.start, end };
  }

  /**
   * Daily prices for each ticker over `[start, end]` (end defaults to today),
   * from the cache when present, else from Yahoo (then cached).
   *
   * @example
   * ```ts
   * await new YahooSource().loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" });
   * // => [{ source: "yahoo:AAPL", line: 1, ticker: "AAPL", date: "2024-01-02", close: 185.64, adjClose: 184.73, volume: 82488700 }, …]
   * ```
   * @throws InputError for a malformed query (no tickers, no start, start after end).
   * @throws SourceError naming the ticker when Yahoo cannot be reached or has no data.
   * @throws DataError CORRUPT_CACHE naming a corrupt cache file to delete.
   */
  async loadPrices(query: PriceQuery = {}): Promise<RawPriceRow[]> {
    const { tickers, start, end } = this.range(query);
    const out: RawPriceRow[] = [];
    for (const ticker of tickers) {
      const path = yahooCachePath(this.cacheDir, "prices", ticker, start, end);
      await this.cached(path, () => this.fetchPrices(ticker, start, end).then(formatPriceCache));
      const source = `yahoo:${ticker}`;
      (await readPriceCache(path)).forEach((p, i) => {
        if (inDateRange(p.date, { start, end })) out.push({ source, line: i + 1, ticker, date: p.date, close: p.close, adjClose: p.adjClose, volume: p.volume });
      });
    }
    return out;
  }

  /**
   * Annual fundamentals for each ticker with fiscal years ending in `[start, end]`,
   * in USD millions, from the cache when present, else from Yahoo (then cached).
   *
   * @example
   * ```ts
   * await new YahooSource().loadFundamentals({ tickers: ["AAPL"], start: "2021-01-01", end: "2023-12-31" });
   * // => [{ source: "yahoo-fundamentals:AAPL", line: 1, filingId: "yahoo:AAPL:2021-09-30", periodEnd: "2021-09-30",
   * //       filedDate: "2021-12-29", form: "10-K", unit: "millions", revenue: 365817, … }, …]
   * ```
   * @throws as {@link YahooSource.loadPrices}.
   */
  async loadFundamentals(query: FundamentalsQuery = {}): Promise<RawFundamentalRow[]> {
    const { tickers, start, end } = this.range(query);
    const out: RawFundamentalRow[] = [];
    for (const ticker of tickers) {
      const path = yahooCachePath(this.cacheDir, "fundamentals", ticker, start, end);
      await this.cached(path, () => this.fetchFundamentals(ticker, start, end).then(formatFundamentalsCache));
      const source = `yahoo-fundamentals:${ticker}`;
      (await readFundamentalsCache(path)).forEach((f, i) => {
        out.push({
          source,
          line: i + 1,
          filingId: `yahoo:${ticker}:${f.periodEnd}`,
          ticker,
          periodEnd: f.periodEnd,
          filedDate: addDays(f.periodEnd, YAHOO_FILING_LAG_DAYS),
          form: "10-K",
          unit: "millions",
          revenue: f.revenue,
          netIncome: f.netIncome,
          operatingIncome: f.operatingIncome,
          totalAssets: f.totalAssets,
          totalEquity: f.totalEquity,
          sharesOutstanding: f.sharesOutstanding,
        });
      });
    }
    return out;
  }

  /** Makes sure the cache file is there: fetched and written atomically when absent (or on refresh); then it is read from disk. */
  private async cached(path: string, fetchText: () => Promise<string>): Promise<void> {
    if (!this.options.refresh) {
      try {
        await access(path, constants.R_OK);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
          throw new DataError("CACHE_NOT_READABLE", `cannot read Yahoo cache file ${path}: ${(e as Error).message}`, { file: path }, { cause: e });
        }
      }
    }
    const text = await fetchText();
    try {
      await (this.options.writeFile ?? writeFileAtomic)(path, text);
    } catch (e) {
      throw new DataError(
        "CACHE_WRITE_FAILED",
        `could not write Yahoo cache file ${path} (${(e as Error).message}); any previous version of the file is unchanged. Check the folder is writable, or pass another cacheDir`,
        { file: path },
        { cause: e },
      );
    }
  }

  private async fetchPrices(ticker: string, start: string, end: string): Promise<CachedPrice[]> {
    const result = await this.call(ticker, "prices", () =>
      this.yahoo().chart(ticker, { period1: start, period2: addDays(end, 1), interval: "1d" }),
    );
    const offsetMs = (result.meta.gmtoffset ?? 0) * 1000;
    const rows: CachedPrice[] = [];
    for (const q of result.quotes) {
      const date = toIsoDate(new Date(q.date.getTime() + offsetMs));
      if (!inDateRange(date, { start, end })) continue;
      rows.push({ date, close: finiteOrNull(q.close), adjClose: finiteOrNull(q.adjclose), volume: finiteOrNull(q.volume) });
    }
    return rows;
  }

  private async fetchFundamentals(ticker: string, start: string, end: string): Promise<CachedFundamentals[]> {
    const result = await this.call(ticker, "fundamentals", () =>
      this.yahoo().fundamentalsTimeSeries(ticker, { period1: start, period2: addDays(end, 1), type: "annual", module: "all" }),
    );
    const millions = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v / 1e6 : null);
    return result
      .map((r) => {
        const x = r as unknown as Record<string, unknown>;
        return {
          periodEnd: toIsoDate(x.date instanceof Date ? x.date : new Date(Number(x.date) * 1000)),
          revenue: millions(x.totalRevenue),
          netIncome: millions(x.netIncome),
          operatingIncome: millions(x.operatingIncome),
          totalAssets: millions(x.totalAssets),
          totalEquity: millions(x.stockholdersEquity),
          sharesOutstanding: millions(x.ordinarySharesNumber ?? x.shareIssued),
        };
      })
      .filter((f) => inDateRange(f.periodEnd, { start, end }))
      .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
  }

  /** Runs one Yahoo call and turns any failure into a SourceError naming the ticker and the cause. */
  private async call<T>(ticker: string, what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw toSourceError(ticker, what, e);
    }
  }
}

/**
 * Checks a chart answer before yahoo-finance2 reads it: every quote and adjusted close must be a number or null.
 * The library coerces text to numbers on its own (`"185,6"` would become 185: a plausible wrong price), so text
 * there is refused as an unexpected answer instead. Other answers pass through untouched.
 */
function withNumericQuotes(fetchImpl: typeof fetch): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const response = await fetchImpl(input, init);
    if (!response.ok || !String(input instanceof Request ? input.url : input).includes("/finance/chart/")) return response;
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined; // yahoo-finance2 reports unparsable JSON itself
    }
    const results = (body as { chart?: { result?: unknown } } | undefined)?.chart?.result;
    for (const result of Array.isArray(results) ? results : []) {
      const indicators = (result as { indicators?: { quote?: unknown[]; adjclose?: unknown[] } } | null)?.indicators;
      const series: [string, unknown][] = [];
      for (const q of indicators?.quote ?? []) for (const [k, v] of Object.entries(q ?? {})) series.push([k, v]);
      for (const a of indicators?.adjclose ?? []) for (const [k, v] of Object.entries(a ?? {})) series.push([k, v]);
      for (const [name, values] of series) {
        if (!Array.isArray(values)) continue;
        const i = values.findIndex((v) => v !== null && typeof v !== "number");
        if (i >= 0) throw new Error(`unexpected quote: ${name}[${i}] is ${JSON.stringify(values[i])}, not a number`);
      }
    }
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  }) as typeof fetch;
}

function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

const OFFLINE_HINT =
  "cached files under the cache folder still load, and the offline sources work: VegaDatasetsSource, CsvPriceSource, ParquetPriceSource and the synthetic market";

/**
 * Translates a failure of a Yahoo call into a SourceError naming the ticker and the cause.
 *
 * @example
 * ```ts
 * toSourceError("AAPL", "prices", new Error("No data found, symbol may be delisted")).code; // => "NO_DATA"
 * ```
 */
export function toSourceError(ticker: string, what: string, e: unknown): SourceError {
  const details = { ticker, what };
  const opts = { cause: e };
  const head = `yahoo: cannot load ${what} for ${ticker}`;
  if (e instanceof FetchFailure) {
    if (e.kind === "network" && e.unreachable) {
      return new SourceError("NETWORK_UNREACHABLE", `${head}: the network is unreachable (${e.message}); ${OFFLINE_HINT}`, details, opts);
    }
    if (e.kind === "timeout") return new SourceError("TIMEOUT", `${head}: Yahoo did not answer in time (${e.message}); try again later; ${OFFLINE_HINT}`, details, opts);
    if (e.status === 429) return new SourceError("RATE_LIMITED", `${head}: Yahoo is rate-limiting requests (${e.message}); wait a few minutes and try again`, details, opts);
    if (e.kind === "http") return new SourceError("SERVER_ERROR", `${head}: Yahoo's servers failed (${e.message}); try again later`, details, opts);
    return new SourceError("NETWORK_ERROR", `${head}: ${e.message}; ${OFFLINE_HINT}`, details, opts);
  }
  const message = e instanceof Error ? e.message : String(e);
  const name = e instanceof Error ? e.name : "";
  if (/no data found|not found|delisted/i.test(message)) {
    return new SourceError("NO_DATA", `${head}: Yahoo has no data for this ticker (${message}); check the ticker symbol`, details, opts);
  }
  if (/not parsable|unexpected result|json/i.test(message)) {
    return new SourceError("MALFORMED_RESPONSE", `${head}: Yahoo's answer was not the JSON expected (${message.slice(0, 200)}); try again later`, details, opts);
  }
  // A TypeError thrown inside yahoo-finance2 ("Cannot read properties of null") or its "unexpected quote"
  // complaint both mean the JSON parsed but is not shaped like a chart or fundamentals answer.
  if (name === "FailedYahooValidationError" || e instanceof TypeError || /unexpected/i.test(message)) {
    return new SourceError("UNEXPECTED_RESPONSE", `${head}: Yahoo's answer has an unexpected shape (${message.slice(0, 200)}); the Yahoo API may have changed`, details, opts);
  }
  return new SourceError("YAHOO_ERROR", `${head}: ${message.slice(0, 300)}`, details, opts);
}
