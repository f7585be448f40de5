import { describe, expect, it } from "vitest";
import { DEFAULT_MARKET_PARAMS, resolveMarketParams } from "../../../src/data/synthetic/params";
import { buildUniverse, INSTRUMENT_CATALOGUE } from "../../../src/data/synthetic/universe";
import { deepFreeze } from "./helpers";

describe("INSTRUMENT_CATALOGUE", () => {
  const equities = INSTRUMENT_CATALOGUE.filter((s) => s.assetClass === "equity");

  it("has ≥ 40 instruments, ≥ 30 equities in ≥ 8 sectors, and every other class", () => {
    expect(INSTRUMENT_CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(equities.length).toBeGreaterThanOrEqual(30);
    expect(new Set(equities.map((e) => e.sector)).size).toBeGreaterThanOrEqual(8);
    const bonds = INSTRUMENT_CATALOGUE.filter((s) => s.assetClass === "bond");
    expect(bonds.map((b) => b.durationYears).sort((a, b) => a! - b!)).toEqual([2.5, 16]);
    expect(INSTRUMENT_CATALOGUE.filter((s) => s.assetClass === "commodity").length).toBe(1);
    expect(INSTRUMENT_CATALOGUE.filter((s) => s.assetClass === "reit").length).toBe(1);
    const crypto = INSTRUMENT_CATALOGUE.filter((s) => s.assetClass === "crypto");
    expect(crypto.length).toBeGreaterThanOrEqual(2);
    expect(crypto.map((c) => c.listingDate.slice(0, 4)).sort()).toEqual(["2014", "2017"]);
    expect(INSTRUMENT_CATALOGUE.find((s) => s.assetClass === "index")?.ticker).toBe("MKTIDX");
  });

  it("uses unique fake tickers (equities end in X) and lists some equities mid-sample", () => {
    const tickers = INSTRUMENT_CATALOGUE.map((s) => s.ticker);
    expect(new Set(tickers).size).toBe(tickers.length);
    for (const e of equities) expect(e.ticker).toMatch(/^[A-Z]{3}X$/);
    expect(equities.filter((e) => e.listingDate > "2006-01-02").length).toBeGreaterThanOrEqual(3);
    expect(new Set(equities.map((e) => e.fiscalYearEndMonth))).toEqual(new Set([3, 6, 9, 12]));
  });

  it("is the default parameters' instrument list", () => {
    expect(DEFAULT_MARKET_PARAMS.instruments).toBe(INSTRUMENT_CATALOGUE);
  });
});

describe("buildUniverse", () => {
  it("keeps everything listed by the end of the default sample, equities first", () => {
    const universe = buildUniverse(DEFAULT_MARKET_PARAMS, "2025-12-31");
    expect(universe.length).toBe(INSTRUMENT_CATALOGUE.length);
    expect(universe.slice(0, 36).every((i) => i.assetClass === "equity")).toBe(true);
    const mktx = universe.find((i) => i.ticker === "MKTIDX")!;
    expect(mktx).toMatchObject({ assetClass: "index", sector: null, marketBeta: 1, factorLoading: 0, durationYears: null });
    const bond = universe.find((i) => i.ticker === "LTBX")!;
    expect(bond.durationYears).toBe(16);
  });

  it("draws equity loadings inside the sector ranges, the same in any universe", () => {
    const full = buildUniverse(DEFAULT_MARKET_PARAMS, "2025-12-31");
    const small = buildUniverse(resolveMarketParams({ equityCount: 10 }), "2025-12-31");
    for (const inst of full.filter((i) => i.assetClass === "equity")) {
      const profile = DEFAULT_MARKET_PARAMS.sectors[inst.sector!]!;
      expect(inst.marketBeta).toBeGreaterThanOrEqual(profile.betaRange[0]);
      expect(inst.marketBeta).toBeLessThanOrEqual(profile.betaRange[1]);
      expect(inst.idiosyncraticVol).toBeGreaterThanOrEqual(profile.idiosyncraticVolRange[0]);
      expect(inst.idiosyncraticVol).toBeLessThanOrEqual(profile.idiosyncraticVolRange[1]);
      const same = small.find((i) => i.ticker === inst.ticker);
      if (same) expect(same).toEqual(inst);
    }
  });

  it("takes a sector-balanced prefix of equities with the ticker-change company first", () => {
    const small = buildUniverse(resolveMarketParams({ equityCount: 10 }), "2025-12-31");
    const equities = small.filter((i) => i.assetClass === "equity");
    expect(equities.length).toBe(10);
    expect(new Set(equities.map((e) => e.sector)).size).toBe(10);
    expect(equities.some((e) => e.ticker === "MVRX")).toBe(true);
    const one = buildUniverse(resolveMarketParams({ equityCount: 1 }), "2025-12-31");
    expect(one.filter((i) => i.assetClass === "equity").map((i) => i.ticker)).toEqual(["MVRX"]);
  });

  it("leaves out instruments that list after the sample and does not change its input", () => {
    const params = deepFreeze(resolveMarketParams({ years: 3 }));
    const universe = buildUniverse(params, "2008-12-31");
    expect(universe.some((i) => i.assetClass === "crypto")).toBe(false);
    expect(universe.some((i) => i.ticker === "HLPX")).toBe(false);
    expect(universe.every((i) => i.listingDate <= "2008-12-31")).toBe(true);
  });
});
