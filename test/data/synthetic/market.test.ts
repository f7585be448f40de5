import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { DEFAULT_MARKET_PARAMS, generateMarket, marketCalendar, resolveMarketParams, type MarketParams } from "../../../src/data/synthetic";
import { deepFreeze, defaultMarket, marketDigest } from "./helpers";

/**
 * SHA-256 of the default market's text (see helpers.ts). The default market is
 * the project's embedded data: when a change to the generator or its defaults
 * is intended, update this pin and say so in the commit.
 */
const DEFAULT_MARKET_DIGEST = "42c6561db234650551d4550c87b1dba29de66f2bbfdf6dd77c0ff95c4694041b";

describe("generateMarket", () => {
  it("is byte-for-byte deterministic for a seed", () => {
    const first = marketDigest(defaultMarket());
    const second = marketDigest(generateMarket());
    expect(second).toBe(first);
    expect(marketDigest(generateMarket({ seed: DEFAULT_MARKET_PARAMS.seed }))).toBe(first);
  });

  it("pins the default market's digest (the embedded data)", () => {
    expect(marketDigest(defaultMarket())).toBe(DEFAULT_MARKET_DIGEST);
  });

  it("gives a different market for a different seed", () => {
    const other = generateMarket({ seed: DEFAULT_MARKET_PARAMS.seed + 1 });
    expect(marketDigest(other)).not.toBe(marketDigest(defaultMarket()));
    expect(other.prices.values[other.prices.tickers.length * 100]).not.toBe(defaultMarket().prices.values[other.prices.tickers.length * 100]);
  });

  it("generates the default market quickly (logged, not asserted)", () => {
    generateMarket({ seed: 1 }); // warm-up: JIT
    const runs: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      generateMarket({ seed: 100 + k });
      runs.push(performance.now() - t0);
    }
    console.log(`generateMarket(default size: 43 instruments × 5,218 days): ${runs.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}`);
    expect(runs.length).toBe(3);
  });

  it("returns the documented shape", () => {
    const market = defaultMarket();
    expect(Object.keys(market).sort()).toEqual(
      ["benchmark", "defects", "fundamentalsTruth", "instruments", "params", "prices", "rawFundamentals", "rawPrices", "regimes", "tickerChanges"].sort(),
    );
    expect(market.params).toEqual(DEFAULT_MARKET_PARAMS);
    expect(market.prices.dates).toEqual(marketCalendar(market.params));
    expect(market.instruments.length).toBe(43);
    expect(market.tickerChanges).toEqual(market.defects.fundamentals.tickerChanges);
  });

  it("builds small universes for fast notebook tests, keeping shared instruments' paths", () => {
    const small = generateMarket({ seed: 7, years: 3, equityCount: 10 });
    expect(small.instruments.filter((i) => i.assetClass === "equity").length).toBe(10);
    expect(new Set(small.instruments.map((i) => i.sector).filter(Boolean)).size).toBe(10);
    expect(small.prices.dates[0]).toBe("2006-01-02");
    expect(small.prices.dates[small.prices.dates.length - 1]).toBe("2008-12-31");
    expect(small.instruments.some((i) => i.assetClass === "crypto")).toBe(false); // they list in 2014 and 2017

    const sameSeedFull = generateMarket({ seed: 7, years: 3 });
    const column = (mk: typeof small, t: string): number[] => {
      const j = mk.prices.tickers.indexOf(t);
      return mk.prices.dates.map((_, i) => mk.prices.values[i * mk.prices.tickers.length + j]!);
    };
    for (const t of small.prices.tickers) expect(column(small, t)).toEqual(column(sameSeedFull, t));
  });

  it("accepts a mid-year start and a one-year sample", () => {
    const mk = generateMarket({ startDate: "2019-07-01", years: 2, equityCount: 5 });
    expect(mk.prices.dates[0]).toBe("2019-07-01");
    expect(mk.prices.dates[mk.prices.dates.length - 1]).toBe("2020-12-31");
    expect(mk.instruments.filter((i) => i.assetClass === "crypto").length).toBe(2);
    const one = generateMarket({ years: 1, equityCount: 1 });
    expect(one.prices.dates.length).toBe(260);
    expect(one.fundamentalsTruth.length).toBeGreaterThan(0);
  });

  it("does not change its parameters", () => {
    const overrides = deepFreeze({ seed: 11, years: 2, equityCount: 4, garch: { alpha: 0.05 }, regimes: { forcedCrises: [{ start: "2006-06-01", end: "2006-07-31" }] } });
    const before = JSON.stringify(overrides);
    const mk = generateMarket(overrides);
    expect(JSON.stringify(overrides)).toBe(before);
    expect(mk.params.garch.alpha).toBe(0.05);
    expect(mk.regimes.some((s) => s.kind === "crisis" && s.start <= "2006-06-01" && s.end >= "2006-07-31")).toBe(true);
    expect(resolveMarketParams()).toEqual(DEFAULT_MARKET_PARAMS);
  });

  it("accepts a Partial<MarketParams>", () => {
    const partial: Partial<MarketParams> = { seed: 3, years: 2, equityCount: 2, garch: DEFAULT_MARKET_PARAMS.garch };
    expect(generateMarket(partial).params.seed).toBe(3);
  });

  it("throws InputError on bad parameters, naming them", () => {
    expect(() => generateMarket({ years: 0 })).toThrow(InputError);
    expect(() => generateMarket({ years: 0 })).toThrow(/parameter years/);
    expect(() => generateMarket({ seed: Number.NaN })).toThrow(/parameter seed/);
    expect(() => generateMarket({ equityCount: 1000 })).toThrow(/parameter equityCount .* \[1, 36\]/);
    expect(() => generateMarket({ bogus: 1 } as never)).toThrow(/unknown parameter bogus/);
  });
});
