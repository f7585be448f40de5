import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { DEFAULT_MARKET_PARAMS, resolveMarketParams, type MarketOverrides } from "../../../src/data/synthetic/params";
import { deepFreeze } from "./helpers";

function thrown(overrides: unknown): InputError {
  try {
    resolveMarketParams(overrides as MarketOverrides);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(overrides)}`);
}

describe("DEFAULT_MARKET_PARAMS", () => {
  it("is valid, complete and deeply frozen", () => {
    expect(resolveMarketParams()).toEqual(DEFAULT_MARKET_PARAMS);
    expect(Object.isFrozen(DEFAULT_MARKET_PARAMS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_MARKET_PARAMS.garch)).toBe(true);
    expect(Object.isFrozen(DEFAULT_MARKET_PARAMS.regimes.forcedCrises[0])).toBe(true);
    expect(DEFAULT_MARKET_PARAMS.startDate).toBe("2006-01-02");
    expect(DEFAULT_MARKET_PARAMS.years).toBeGreaterThanOrEqual(15);
  });
});

describe("resolveMarketParams", () => {
  it("merges nested overrides over the defaults", () => {
    const p = resolveMarketParams({ seed: 7, years: 3, equityCount: 10, garch: { alpha: 0.05 }, sectors: { Energy: { factorVol: 0.2 } } });
    expect(p.seed).toBe(7);
    expect(p.years).toBe(3);
    expect(p.equityCount).toBe(10);
    expect(p.garch).toEqual({ alpha: 0.05, beta: DEFAULT_MARKET_PARAMS.garch.beta });
    expect(p.sectors.Energy!.factorVol).toBe(0.2);
    expect(p.sectors.Energy!.betaRange).toEqual(DEFAULT_MARKET_PARAMS.sectors.Energy!.betaRange);
    expect(p.market).toEqual(DEFAULT_MARKET_PARAMS.market);
    expect(Object.isFrozen(p.garch)).toBe(true);
  });

  it("does not change the overrides (frozen input) nor share objects with them", () => {
    const windows = [{ start: "2010-05-06", end: "2010-07-02" }];
    const overrides = deepFreeze({ regimes: { forcedCrises: windows }, rawFundamentals: { tickerChange: null } });
    const before = JSON.stringify(overrides);
    const p = resolveMarketParams(overrides);
    expect(JSON.stringify(overrides)).toBe(before);
    expect(p.regimes.forcedCrises).toEqual(windows);
    expect(p.regimes.forcedCrises).not.toBe(windows);
    expect(p.rawFundamentals.tickerChange).toBeNull();
  });

  it("adapts equityCount and the ticker change to a replaced instrument list", () => {
    const p = resolveMarketParams({
      instruments: [
        { ticker: "AAAX", name: "A", assetClass: "equity", sector: "Energy", listingDate: "2000-01-03" },
        { ticker: "BBBX", name: "B", assetClass: "equity", sector: "Utilities", listingDate: "2000-01-03" },
      ],
    });
    expect(p.equityCount).toBe(2);
    expect(p.rawFundamentals.tickerChange).toBeNull();
  });

  it("accepts a new sector when its profile is complete", () => {
    const profile = { ...DEFAULT_MARKET_PARAMS.sectors.Energy! };
    const p = resolveMarketParams({
      sectors: { Shipping: profile },
      instruments: [{ ticker: "SHPX", name: "S", assetClass: "equity", sector: "Shipping", listingDate: "2000-01-03" }],
    });
    expect(p.sectors.Shipping).toEqual(profile);
  });

  it.each([
    [{ seed: 1.5 }, "seed"],
    [{ seed: "1" }, "seed"],
    [{ years: 0 }, "years"],
    [{ years: 2.5 }, "years"],
    [{ startDate: "2006-02-30" }, "startDate"],
    [{ equityCount: 0 }, "equityCount"],
    [{ equityCount: 99 }, "equityCount"],
    [{ market: { vol: -0.1 } }, "market.vol"],
    [{ rates: { marketCorrelation: 1.5 } }, "rates.marketCorrelation"],
    [{ tails: { idiosyncraticDf: 2 } }, "tails.idiosyncraticDf"],
    [{ garch: { alpha: 0.5, beta: 0.6 } }, "garch.beta"],
    [{ regimes: { calmToCrisis: 2 } }, "regimes.calmToCrisis"],
    [{ regimes: { forcedCrises: [{ start: "2009-01-01", end: "2008-01-01" }] } }, "regimes.forcedCrises[0]"],
    [{ fundamentals: { revenueGrowthPersistence: 1 } }, "fundamentals.revenueGrowthPersistence"],
    [{ fundamentals: { initialRevenueRange: [10, 1] } }, "fundamentals.initialRevenueRange"],
    [{ rawPrices: { duplicateRows: -1 } }, "rawPrices.duplicateRows"],
    [{ rawFundamentals: { duplicateRate: 1 } }, "rawFundamentals.duplicateRate"],
    [{ rawFundamentals: { tickerChange: { newTicker: "MKTIDX" } } }, "rawFundamentals.tickerChange.newTicker"],
    [{ rawFundamentals: { tickerChange: { oldTicker: "QBTX" } } }, "rawFundamentals.tickerChange.oldTicker"],
    [{ sectors: { Shipping: { factorVol: 0.1 } } }, "sectors.Shipping"],
    [{ instruments: [] }, "instruments"],
    [{ instruments: [{ ticker: "AX", name: "A", assetClass: "equity", sector: "Nope", listingDate: "2000-01-03" }] }, "instruments[0].sector"],
    [{ instruments: [{ ticker: "BX", name: "B", assetClass: "bond", listingDate: "2000-01-03", initialPrice: 10 }] }, "instruments[0].durationYears"],
  ])("throws InputError naming the parameter for %j", (overrides, name) => {
    const e = thrown(overrides);
    expect(e.code).toBe("BAD_PARAMETER");
    expect(e.message).toContain(`parameter ${name}`);
    expect(e.message).toMatch(/pass|must|needs|include|rename/);
    expect(e.details.parameter).toBe(name.startsWith("sectors.Shipping") ? e.details.parameter : name);
  });

  it("throws on unknown parameters and suggests the right spelling", () => {
    const e = thrown({ equitycount: 3 });
    expect(e.code).toBe("UNKNOWN_PARAMETER");
    expect(e.message).toContain("did you mean equityCount?");
    expect(thrown({ garch: { gamma: 0.1 } }).message).toContain("unknown parameter garch.gamma");
    expect(thrown(null).code).toBe("BAD_PARAMETER");
  });
});
