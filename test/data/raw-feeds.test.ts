import { describe, expect, it } from "vitest";
import { rawFeeds } from "../../src/data/raw-feeds";
import { generateMarket } from "../../src/data/synthetic/index";

describe("rawFeeds", () => {
  it("hands the market's raw rows and ticker changes to the build, as they are", () => {
    const market = generateMarket({ seed: 7, years: 3, equityCount: 8 });
    const feeds = rawFeeds(market);
    expect(feeds.prices).toBe(market.rawPrices);
    expect(feeds.fundamentals).toBe(market.rawFundamentals);
    expect(feeds.tickerChanges).toBe(market.tickerChanges);
  });
});
