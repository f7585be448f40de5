/**
 * The raw feeds of a generated market, in the shape the canonical build reads.
 */
import type { CanonicalInput } from "./sql/canonical-data";
import type { SyntheticMarket } from "./synthetic/index";

/**
 * A generated market's raw price rows, raw filings and ticker changes, as `buildCanonicalData` takes them (the same
 * arrays, not copies).
 *
 * @example
 * ```ts
 * const market = generateMarket({ seed: 7, years: 3, equityCount: 10 });
 * await sql.buildCanonicalData(db, rawFeeds(market)); // => { reconciliation: [...], timingsMs: {...} }
 * rawFeeds(market).prices === market.rawPrices;       // => true
 * ```
 */
export function rawFeeds(market: SyntheticMarket): Required<CanonicalInput> {
  return { prices: market.rawPrices, fundamentals: market.rawFundamentals, tickerChanges: market.tickerChanges };
}
