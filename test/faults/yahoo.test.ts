/**
 * Faults of the Yahoo loader: generated sequences of timeouts, HTTP 429 (with and without Retry-After), 500/503,
 * dropped connections and good answers; a body that stalls after the headers; malformed, truncated and
 * wrongly shaped JSON; partial histories. Transient faults are retried with exponential backoff, then end in a
 * SourceError naming the ticker and the cause; malformed answers fail at once; the cache is never written from a
 * failed load and a previous cache file is never changed by one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { SourceError } from "../../src/core/errors";
import { YahooSource, readPriceCache, yahooCachePath } from "../../src/data/sources/index";
import { WorkbookDatabase, buildCanonicalData, readRejects } from "../../src/data/sql/index";
import { fixturePath } from "../fixtures/data/feeds/load-feeds";

const CHART = readFileSync(fixturePath("yahoo/chart-AAPL-2024-01.json"), "utf8");
const PARTIAL = readFileSync(fixturePath("yahoo/chart-AAPL-partial.json"), "utf8");
const QUERY = { tickers: ["AAPL"], start: "2024-01-02", end: "2024-01-08" } as const;
const OLD_CACHE = "date,close,adj_close,volume\n2024-01-02,1,1,1\n#end rows=1\n";

const root = mkdtempSync(join(tmpdir(), "wb-yahoo-faults-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshCacheDir = (): string => join(root, `cache-${folders++}`);

const json = (body: string, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { "content-type": "application/json", ...headers } });

type Fault = "ok" | "timeout" | "http429" | "http429-retry-after" | "http500" | "http503" | "reset" | "stalled-body";

/** One answer of the fake Yahoo for a fault. A timeout never answers (the loader's timer must give up). */
function answer(fault: Fault, init?: RequestInit): Promise<Response> {
  switch (fault) {
    case "ok":
      return Promise.resolve(json(CHART));
    case "timeout":
      return new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    case "http429":
      return Promise.resolve(json('{"finance":{"error":"Too Many Requests"}}', 429));
    case "http429-retry-after":
      return Promise.resolve(json("", 429, { "retry-after": "2" }));
    case "http500":
      return Promise.resolve(new Response("<html>Internal Server Error</html>", { status: 500 }));
    case "http503":
      return Promise.resolve(new Response("", { status: 503 }));
    case "reset":
      return Promise.reject(new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }));
    case "stalled-body":
      // Headers arrive, then half the JSON, then nothing: only the per-attempt deadline can end it.
      return Promise.resolve(
        new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(CHART.slice(0, 200))) }), {
          status: 200,
          headers: { "content-type": "application/json" },
        }),
      );
  }
}

const EXPECTED_CODE: Record<Exclude<Fault, "ok">, string> = {
  timeout: "TIMEOUT",
  "stalled-body": "TIMEOUT",
  http429: "RATE_LIMITED",
  "http429-retry-after": "RATE_LIMITED",
  http500: "SERVER_ERROR",
  http503: "SERVER_ERROR",
  reset: "NETWORK_ERROR",
};

function scripted(faults: readonly Fault[]) {
  let calls = 0;
  const fetch = ((_: unknown, init?: RequestInit) => answer(faults[Math.min(calls++, faults.length - 1)]!, init)) as typeof globalThis.fetch;
  return { fetch, calls: () => calls };
}

function source(fetch: typeof globalThis.fetch, cacheDir: string, sleeps: number[], extra: Record<string, unknown> = {}): YahooSource {
  return new YahooSource({ fetch, cacheDir, retries: 3, timeoutMs: 20, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...extra });
}

describe("transient faults: retried with backoff, then a clear error; the cache untouched", () => {
  it("any sequence of timeouts, 429, 5xx, dropped connections and stalled bodies (120 generated sequences)", async () => {
    const transient = fc.constantFrom<Fault>("timeout", "http429", "http429-retry-after", "http500", "http503", "reset", "stalled-body");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(transient, fc.constant<Fault>("ok")), { minLength: 1, maxLength: 6 }), fc.boolean(), async (faults, hadCache) => {
        const cacheDir = freshCacheDir();
        const path = yahooCachePath(cacheDir, "prices", "AAPL", QUERY.start, QUERY.end);
        if (hadCache) {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, OLD_CACHE);
        }
        const sleeps: number[] = [];
        const yahoo = scripted(faults);
        const faultAt = (k: number): Fault => faults[Math.min(k, faults.length - 1)]!; // the last fault repeats
        const firstOk = faults.indexOf("ok");
        const outcome = await source(yahoo.fetch, cacheDir, sleeps, { refresh: true })
          .loadPrices(QUERY)
          .then((rows) => ({ rows }), (error: unknown) => ({ error }));

        // Backoff: 500 ms doubling, half of each step jittered away (random 0.5 → ¾ of the step), Retry-After a floor.
        sleeps.forEach((ms, k) => {
          const step = Math.min(8_000, 500 * 2 ** k);
          expect(ms).toBe(faultAt(k) === "http429-retry-after" ? Math.max(0.75 * step, 2_000) : 0.75 * step);
        });
        if (firstOk >= 0 && firstOk <= 3) {
          expect("rows" in outcome && outcome.rows.length).toBe(5);
          expect(yahoo.calls()).toBe(firstOk + 1);
          expect(await readPriceCache(path)).toHaveLength(5); // a whole, valid cache file
        } else {
          expect(yahoo.calls()).toBe(4); // 1 + 3 retries
          const error = (outcome as { error: SourceError }).error;
          expect(error).toBeInstanceOf(SourceError);
          expect(error.code).toBe(EXPECTED_CODE[faultAt(3) as Exclude<Fault, "ok">]);
          expect(error.message).toMatch(/^yahoo: cannot load prices for AAPL: .*after 4 attempt\(s\)/);
          expect(error.details).toMatchObject({ ticker: "AAPL" });
          if (hadCache) expect(readFileSync(path, "utf8")).toBe(OLD_CACHE);
          else expect(existsSync(path)).toBe(false);
        }
        if (existsSync(dirname(path))) expect(readdirSync(dirname(path)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      }),
      { numRuns: 120, seed: 5_150 },
    );
  });

  it("a body that stalls after the headers is a timeout, retried, not a hang", async () => {
    const sleeps: number[] = [];
    const yahoo = scripted(["stalled-body", "stalled-body", "ok"]);
    const rows = await source(yahoo.fetch, freshCacheDir(), sleeps).loadPrices(QUERY);
    expect(rows).toHaveLength(5);
    expect(yahoo.calls()).toBe(3);
    expect(sleeps).toEqual([375, 750]);
  });
});

describe("malformed answers fail at once, with a typed error, and nothing is cached", () => {
  const cases: [string, () => Response, string][] = [
    ["truncated JSON", () => json(CHART.slice(0, CHART.length / 2)), "MALFORMED_RESPONSE"],
    ["an empty body", () => json(""), "MALFORMED_RESPONSE"],
    ["an HTML error page with status 200", () => new Response("<html><body>Will be right back</body></html>", { status: 200, headers: { "content-type": "text/html" } }), "MALFORMED_RESPONSE"],
    ["an empty JSON object", () => json("{}"), "MALFORMED_RESPONSE"],
    ["a chart with a null result", () => json(JSON.stringify({ chart: { result: null, error: null } })), "UNEXPECTED_RESPONSE"],
    [
      "quotes without timestamps",
      () => {
        const j = JSON.parse(CHART);
        delete j.chart.result[0].timestamp;
        return json(JSON.stringify(j));
      },
      "UNEXPECTED_RESPONSE",
    ],
    [
      "a price written as text with a decimal comma (yahoo-finance2 alone would read it as 185)",
      () => {
        const j = JSON.parse(CHART);
        j.chart.result[0].indicators.quote[0].close[1] = "185,6";
        j.chart.result[0].indicators.adjclose[0].adjclose[1] = "184,7";
        return json(JSON.stringify(j));
      },
      "UNEXPECTED_RESPONSE",
    ],
  ];
  for (const [what, make, code] of cases) {
    it(what, async () => {
      let calls = 0;
      const fetch = (async () => {
        calls++;
        return make();
      }) as typeof globalThis.fetch;
      const cacheDir = freshCacheDir();
      const error = (await source(fetch, cacheDir, []).loadPrices(QUERY).catch((e: unknown) => e)) as SourceError;
      expect(error).toBeInstanceOf(SourceError);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/^yahoo: cannot load prices for AAPL: Yahoo's answer (was not the JSON expected|has an unexpected shape)/);
      expect(error.message).not.toMatch(/\n\s+at /);
      expect(calls).toBe(1);
      expect(existsSync(join(cacheDir, "yahoo"))).toBe(false);
    });
  }
});

describe("partial histories", () => {
  it("days without a price become raw rows with null, cached whole, then rejected downstream with the reason", async () => {
    const cacheDir = freshCacheDir();
    const fetch = (async () => json(PARTIAL)) as typeof globalThis.fetch;
    const rows = await source(fetch, cacheDir, []).loadPrices(QUERY);
    expect(rows.map((r) => r.adjClose === null)).toEqual([false, false, true, false, false]);
    const offline = (async () => Promise.reject(new TypeError("fetch failed"))) as typeof globalThis.fetch;
    expect(await source(offline, cacheDir, []).loadPrices(QUERY)).toEqual(rows); // from the cache, unchanged
    const db = await WorkbookDatabase.open();
    const report = await buildCanonicalData(db, { prices: rows });
    expect(report.reconciliation[0]).toMatchObject({ rawRows: 5, canonicalRows: 4, rejectedRows: 1, balanced: true });
    expect((await readRejects(db))[0]!.reason).toBe("missing adjusted close (NULL)");
    db.close();
  });

  it("a history shorter than asked is cached as delivered, never padded", async () => {
    const j = JSON.parse(CHART);
    const r = j.chart.result[0];
    r.timestamp = r.timestamp.slice(0, 2);
    for (const key of Object.keys(r.indicators.quote[0])) r.indicators.quote[0][key] = r.indicators.quote[0][key].slice(0, 2);
    r.indicators.adjclose[0].adjclose = r.indicators.adjclose[0].adjclose.slice(0, 2);
    const fetch = (async () => json(JSON.stringify(j))) as typeof globalThis.fetch;
    const rows = await source(fetch, freshCacheDir(), []).loadPrices(QUERY);
    expect(rows.map((x) => x.date)).toEqual(["2024-01-02", "2024-01-03"]);
  });
});
