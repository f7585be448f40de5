import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataError, InputError, SourceError } from "../../../src/core/errors";
import { YahooSource, writeFileAtomic, yahooCachePath, type YahooSourceOptions } from "../../../src/data/sources";
import { WorkbookDatabase, buildCanonicalData, readRejects } from "../../../src/data/sql";
import { fixturePath } from "../../fixtures/data/feeds/load-feeds";

const fixture = (name: string): string => readFileSync(fixturePath(`yahoo/${name}`), "utf8");
const json = (body: string, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { "content-type": "application/json", ...headers } });

/** A fake Yahoo: serves the recorded fixtures by URL; `script` can override answers in order. */
function fakeYahoo(script: ((url: URL) => Response | Promise<Response> | undefined)[] = []) {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    calls.push(url.pathname);
    const step = script.shift();
    const scripted = step?.(url);
    if (scripted) return scripted;
    const symbol = decodeURIComponent(url.pathname.split("/").pop()!);
    if (url.pathname.startsWith("/v8/finance/chart/")) {
      if (symbol === "AAPL" || symbol === "MSFT") return json(fixture(`chart-${symbol}-2024-01.json`));
      return json(fixture("chart-not-found.json"), 404);
    }
    if (url.pathname.includes("/fundamentals-timeseries/")) return json(fixture("fundamentals-AAPL-annual.json"));
    return json("{}", 404);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

let cacheDir: string;
let sleeps: number[];
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "wb-yahoo-"));
  sleeps = [];
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

function source(fetch: typeof globalThis.fetch, extra: Partial<YahooSourceOptions> = {}): YahooSource {
  return new YahooSource({
    fetch,
    cacheDir,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    timeoutMs: 1_000,
    ...extra,
  });
}

const query = { tickers: ["AAPL", "MSFT"], start: "2024-01-02", end: "2024-01-08" } as const;

describe("YahooSource prices", () => {
  it("loads daily prices from recorded chart JSON, dated in the exchange's time zone", async () => {
    const { fetch } = fakeYahoo();
    const rows = await source(fetch).loadPrices(query);
    expect(rows.length).toBe(10);
    expect(rows[0]).toEqual({ source: "yahoo:AAPL", line: 1, ticker: "AAPL", date: "2024-01-02", close: 185.639999, adjClose: 184.73497, volume: 82488700 });
    expect(rows.filter((r) => r.ticker === "MSFT").map((r) => r.date)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"]);
  });

  it("caches each ticker on disk and reuses the cache without any network call", async () => {
    const first = fakeYahoo();
    const rows = await source(first.fetch).loadPrices(query);
    expect(first.calls.length).toBe(2);
    const path = yahooCachePath(cacheDir, "prices", "AAPL", "2024-01-02", "2024-01-08");
    expect(readFileSync(path, "utf8")).toMatch(/^date,close,adj_close,volume\n2024-01-02,185\.639999,184\.73497,82488700\n[^]*#end rows=5\n$/);
    const offline = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof globalThis.fetch;
    expect(await source(offline).loadPrices(query)).toEqual(rows);
  });

  it("retries 429 with backoff (honouring Retry-After), then succeeds", async () => {
    const { fetch, calls } = fakeYahoo([() => json('{"error":"Too Many Requests"}', 429), () => json("", 429, { "retry-after": "3" })]);
    const rows = await source(fetch).loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" });
    expect(rows.length).toBe(5);
    expect(calls.length).toBe(3);
    expect(sleeps).toEqual([375, 3000]); // 500 ms step with half jitter, then Retry-After 3 s
  });

  it("retries 5xx and network errors, then gives a SourceError naming the ticker and the cause", async () => {
    const failing = (async () => new Response("oops", { status: 503 })) as typeof globalThis.fetch;
    const err = (await source(failing, { retries: 3 })
      .loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" })
      .catch((e: unknown) => e)) as SourceError;
    expect(err).toBeInstanceOf(SourceError);
    expect(err.code).toBe("SERVER_ERROR");
    expect(err.message).toMatch(/^yahoo: cannot load prices for AAPL: Yahoo's servers failed \(HTTP 503 server error after 4 attempt\(s\)\)/);
    expect(err.details).toMatchObject({ ticker: "AAPL" });
    expect(sleeps).toEqual([375, 750, 1500]); // exponential: 500, 1000, 2000 ms steps, half jittered
  });

  it("says the network is unreachable and that cached and offline sources still work", async () => {
    let attempts = 0;
    const noNetwork = (async () => {
      attempts++;
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND query2.finance.yahoo.com"), { code: "ENOTFOUND" }) });
    }) as typeof globalThis.fetch;
    const err = (await source(noNetwork).loadPrices(query).catch((e: unknown) => e)) as SourceError;
    expect(err.code).toBe("NETWORK_UNREACHABLE");
    expect(err.message).toMatch(/cannot load prices for AAPL: the network is unreachable \(network error \(fetch failed: getaddrinfo ENOTFOUND/);
    expect(err.message).toMatch(/cached files .* still load, and the offline sources work: VegaDatasetsSource, CsvPriceSource/);
    expect(attempts).toBe(5);
    expect(existsSync(join(cacheDir, "yahoo"))).toBe(false); // nothing cached on failure
  });

  it("times out a request that never answers, and retries it", async () => {
    let attempts = 0;
    const hanging = ((_: unknown, init?: RequestInit) => {
      attempts++;
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    }) as typeof globalThis.fetch;
    const err = (await source(hanging, { timeoutMs: 5, retries: 2 })
      .loadPrices({ tickers: ["MSFT"], start: "2024-01-02", end: "2024-01-08" })
      .catch((e: unknown) => e)) as SourceError;
    expect(err.code).toBe("TIMEOUT");
    expect(err.message).toMatch(/MSFT: Yahoo did not answer in time \(no answer within 5 ms \(timeout\) after 3 attempt\(s\)\)/);
    expect(attempts).toBe(3);
  });

  it("treats a TimeoutError from fetch as a timeout, then recovers", async () => {
    const { fetch, calls } = fakeYahoo([
      () => {
        throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
      },
    ]);
    expect((await source(fetch).loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" })).length).toBe(5);
    expect(calls.length).toBe(2);
  });

  it("fails at once, without retrying, on malformed JSON and on an unknown symbol", async () => {
    const html = fakeYahoo([() => new Response(fixture("malformed.html"), { status: 200, headers: { "content-type": "text/html" } })]);
    const err = (await source(html.fetch).loadPrices(query).catch((e: unknown) => e)) as SourceError;
    expect(err.code).toBe("MALFORMED_RESPONSE");
    expect(err.message).toMatch(/^yahoo: cannot load prices for AAPL: Yahoo's answer was not the JSON expected/);
    expect(html.calls.length).toBe(1);
    const unknown = fakeYahoo();
    const err2 = (await source(unknown.fetch)
      .loadPrices({ tickers: ["NOPE"], start: "2024-01-02", end: "2024-01-08" })
      .catch((e: unknown) => e)) as SourceError;
    expect(err2.code).toBe("NO_DATA");
    expect(err2.message).toMatch(/NOPE: Yahoo has no data for this ticker \(No data found, symbol may be delisted\); check the ticker symbol/);
    expect(unknown.calls.length).toBe(1);
  });

  it("passes partial data (a day with null prices) on as raw rows with null, rejected downstream", async () => {
    const { fetch } = fakeYahoo([() => json(fixture("chart-AAPL-partial.json"))]);
    const rows = await source(fetch).loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" });
    expect(rows.length).toBe(5);
    expect(rows[2]).toMatchObject({ date: "2024-01-04", close: null, adjClose: null, volume: null });
    const db = await WorkbookDatabase.open();
    const report = await buildCanonicalData(db, { prices: rows });
    expect(report.reconciliation[0]).toMatchObject({ rawRows: 5, canonicalRows: 4, rejectedRows: 1, balanced: true });
    expect((await readRejects(db))[0]).toMatchObject({ source: "yahoo:AAPL", line: 3, reason: "missing adjusted close (NULL)" });
    db.close();
  });

  it("refuses a corrupt cache file with a DataError naming it and saying to delete it", async () => {
    const path = yahooCachePath(cacheDir, "prices", "AAPL", "2024-01-02", "2024-01-08");
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "date,close,adj_close,volume\n2024-01-02,185.6,184.7,82488700\n2024-01-03,18");
    const { fetch, calls } = fakeYahoo();
    const err = (await source(fetch).loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" }).catch((e: unknown) => e)) as DataError;
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe("CORRUPT_CACHE");
    expect(err.message).toBe(
      `Yahoo cache file ${path} is corrupt (the end marker \`#end rows=N\` is missing, so the file is truncated); delete it and load again to refetch it from Yahoo`,
    );
    expect(calls.length).toBe(0);
    writeFileSync(path, "date,close,adj_close,volume\n2024-01-02,abc,184.7,1\n#end rows=1\n");
    await expect(source(fetch).loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" })).rejects.toThrow(
      /line 2: close "abc" is not a number\); delete it/,
    );
  });

  it("keeps the old cache file when a refresh's write is killed half way", async () => {
    const path = yahooCachePath(cacheDir, "prices", "AAPL", "2024-01-02", "2024-01-08");
    const old = "date,close,adj_close,volume\n2024-01-02,1,1,1\n#end rows=1\n";
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, old);
    const crashing = (p: string, content: string): Promise<void> =>
      writeFileAtomic(p, content, {
        chunkBytes: 32,
        writeChunk: async (handle, chunk, index) => {
          if (index === 2) throw new Error("killed");
          await handle.write(chunk);
        },
      });
    const { fetch } = fakeYahoo();
    const err = (await source(fetch, { refresh: true, writeFile: crashing })
      .loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" })
      .catch((e: unknown) => e)) as DataError;
    expect(err.code).toBe("CACHE_WRITE_FAILED");
    expect(err.message).toMatch(/could not write Yahoo cache file .*AAPL_2024-01-02_2024-01-08\.csv \(killed\); any previous version of the file is unchanged/);
    expect(readFileSync(path, "utf8")).toBe(old);
    expect(readdirSync(dirname(path))).toEqual(["AAPL_2024-01-02_2024-01-08.csv"]);
    const rows = await source(fetch).loadPrices({ tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" });
    expect(rows).toEqual([{ source: "yahoo:AAPL", line: 1, ticker: "AAPL", date: "2024-01-02", close: 1, adjClose: 1, volume: 1 }]);
  });

  it("refuses a query without tickers or start, or with start after end", async () => {
    const { fetch } = fakeYahoo();
    await expect(source(fetch).loadPrices({ start: "2024-01-01" })).rejects.toThrow(/pass the tickers/);
    await expect(source(fetch).loadPrices({ tickers: ["AAPL"] })).rejects.toThrow(/pass a start date/);
    await expect(source(fetch).loadPrices({ tickers: ["AAPL"], start: "2024-02-01", end: "2024-01-01" })).rejects.toBeInstanceOf(InputError);
    await expect(source(fetch, { today: () => "2023-12-31" }).loadPrices({ tickers: ["AAPL"], start: "2024-01-01" })).rejects.toThrow(
      /start 2024-01-01 is after end 2023-12-31/,
    );
  });
});

describe("YahooSource fundamentals", () => {
  it("loads annual figures in USD millions, with an estimated filing date, and caches them", async () => {
    const { fetch, calls } = fakeYahoo();
    const yahoo = source(fetch);
    const rows = await yahoo.loadFundamentals({ tickers: ["AAPL"], start: "2021-01-01", end: "2023-12-31" });
    expect(rows.length).toBe(3);
    expect(rows[2]).toEqual({
      source: "yahoo-fundamentals:AAPL", line: 3, filingId: "yahoo:AAPL:2023-09-30", ticker: "AAPL", periodEnd: "2023-09-30", filedDate: "2023-12-29",
      form: "10-K", unit: "millions", revenue: 383285, netIncome: 96995, operatingIncome: 114301, totalAssets: 352583, totalEquity: 62146,
      sharesOutstanding: 15550.061,
    });
    await yahoo.loadFundamentals({ tickers: ["AAPL"], start: "2021-01-01", end: "2023-12-31" });
    expect(calls.length).toBe(1);
    const db = await WorkbookDatabase.open();
    await buildCanonicalData(db, { fundamentals: rows });
    const { readFundamentals } = await import("../../../src/data/sql");
    const fy = await readFundamentals(db);
    expect(fy.map((r) => r.fiscalYear)).toEqual([2021, 2022, 2023]);
    expect(fy[1]!.revenueGrowth).toBeCloseTo(394328 / 365817 - 1, 12);
    db.close();
  });
});
