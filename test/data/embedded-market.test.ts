import { describe, expect, it } from "vitest";
import { buildCanonicalData, generateMarket, loadEmbeddedMarket, readFundamentals, readPrices, WorkbookDatabase } from "../../src/data/index";

const params = { seed: 11, years: 3, equityCount: 8 };

describe("loadEmbeddedMarket", () => {
  it("gives the tables the long way gives: generate, build the canonical tables, read back", async () => {
    const loaded = await loadEmbeddedMarket(params);
    const market = generateMarket(params);
    const db = await WorkbookDatabase.open(":memory:");
    await buildCanonicalData(db, { prices: market.rawPrices, fundamentals: market.rawFundamentals, tickerChanges: market.tickerChanges });
    const prices = await readPrices(db);
    const fundamentals = await readFundamentals(db);
    db.close();
    expect(loaded.prices.tickers).toEqual(prices.tickers);
    expect(loaded.prices.dates).toEqual(prices.dates);
    expect(Array.from(loaded.prices.values)).toEqual(Array.from(prices.values));
    expect(loaded.fundamentals).toEqual(fundamentals);
    expect(loaded.db).toBeUndefined();
  });

  it("names the asset class and a group of every ticker: the sector of an equity, the asset class otherwise", async () => {
    const { prices, universe, market } = await loadEmbeddedMarket(params);
    for (const t of prices.tickers) {
      const instrument = market.instruments.find((i) => i.ticker === t)!;
      expect(universe.assetClassOf[t]).toBe(instrument.assetClass);
      expect(universe.sectorOf[t]).toBe(instrument.assetClass === "equity" ? instrument.sector : instrument.assetClass);
    }
    expect(universe.benchmark).toBe(market.benchmark);
  });

  it("keeps its database open on request, for SQL", async () => {
    const { db, prices } = await loadEmbeddedMarket({ ...params, keepDatabase: true });
    const again = await readPrices(db); // typed as present: no "!" needed
    expect(again.dates.length).toBe(prices.dates.length);
    db.close();
  });

  it("refuses an invalid parameter by name", async () => {
    await expect(loadEmbeddedMarket({ years: 0 })).rejects.toThrowError(/years/);
  });
});
