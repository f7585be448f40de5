import { generateMarket, type Instrument, type MarketOverrides, type SyntheticMarket } from "./synthetic/index";
import { buildCanonicalData } from "./sql/canonical-data";
import { readFundamentals, type FundamentalsRow } from "./sql/read-fundamentals";
import { readPrices } from "./sql/read-prices";
import { WorkbookDatabase } from "./sql/workbook-database";
import { frame, type Frame } from "../core/index";

/** Who each ticker of a market is: its asset class and sector, for grouping weights and risk. */
export interface Universe {
  /** Every instrument, in the market's order (equities first). */
  readonly instruments: readonly Instrument[];
  /** Asset class by ticker: `equity`, `bond`, `commodity`, `reit`, `crypto`, `index`. */
  readonly assetClassOf: Readonly<Record<string, string>>;
  /** Sector by ticker for equities; the asset class for the others, so every ticker has a group. */
  readonly sectorOf: Readonly<Record<string, string>>;
  /** The equity sectors, in order of first appearance (the groups of `sectorOf` that are sectors, not asset classes). */
  readonly equitySectors: readonly string[];
  /** The broad-market index fund (the benchmark), or `null`. */
  readonly benchmark: string | null;
}

/** The embedded market as the notebooks use it: clean canonical tables and the universe. */
export interface EmbeddedMarket {
  /** Adjusted closes, USD, dates × tickers, read back from the canonical DuckDB table (`NaN` before a listing). */
  readonly prices: Frame;
  /** Annual fundamentals as filed, from the canonical table. */
  readonly fundamentals: readonly FundamentalsRow[];
  readonly universe: Universe;
  /** The generated market itself: raw feeds, planted defects, regimes, the true fundamentals. */
  readonly market: SyntheticMarket;
  /** The in-memory database the tables were built in, open, when `keepDatabase` was asked for (close it when done). */
  readonly db?: WorkbookDatabase;
}

/** Options of {@link loadEmbeddedMarket}: the market's parameters, and whether to keep its database open. */
export interface EmbeddedMarketOptions extends MarketOverrides {
  /** Keep the in-memory DuckDB database open and return it (to query it in SQL, read volumes…). Default false. */
  readonly keepDatabase?: boolean;
}

/**
 * The universe of a generated market: asset class and sector of every ticker.
 *
 * @example
 * ```ts
 * const u = universeOf(generateMarket({ seed: 7, years: 3, equityCount: 10 }));
 * u.assetClassOf["STBX"]; // => "bond"
 * u.sectorOf["STBX"];     // => "bond" (not an equity: its asset class)
 * u.equitySectors.includes("bond"); // => false
 * ```
 */
export function universeOf(market: SyntheticMarket): Universe {
  return {
    instruments: market.instruments,
    assetClassOf: Object.fromEntries(market.instruments.map((i) => [i.ticker, i.assetClass])),
    sectorOf: Object.fromEntries(market.instruments.map((i) => [i.ticker, i.sector ?? i.assetClass])),
    equitySectors: [...new Set(market.instruments.flatMap((i) => (i.sector === null ? [] : [i.sector])))],
    benchmark: market.benchmark,
  };
}

/**
 * The embedded (synthetic) market in one call, as a notebook starts: generates it (same seed, same market),
 * cleans its raw feeds into the canonical DuckDB tables (every raw row accounted for), and reads back prices
 * and fundamentals, with the universe.
 *
 * @param options the market's parameters (`seed`, `years`, `equityCount`, …, as {@link generateMarket}) and
 *   `keepDatabase`.
 * @example
 * ```ts
 * const { prices, universe } = await loadEmbeddedMarket({ seed: 20240607, years: 5, equityCount: 12 });
 * prices.tickers.length;                 // => 17 (12 equities, bonds, a commodity, a REIT, the index…)
 * universe.sectorOf[prices.tickers[0]!]; // => "Industrials"
 * ```
 * @throws InputError for an invalid market parameter (named, as {@link generateMarket}).
 */
export async function loadEmbeddedMarket(options: EmbeddedMarketOptions & { readonly keepDatabase: true }): Promise<EmbeddedMarket & { readonly db: WorkbookDatabase }>;
export async function loadEmbeddedMarket(options?: EmbeddedMarketOptions): Promise<EmbeddedMarket>;
export async function loadEmbeddedMarket(options: EmbeddedMarketOptions = {}): Promise<EmbeddedMarket> {
  const { keepDatabase = false, ...overrides } = options;
  const market = generateMarket(overrides);
  const db = await WorkbookDatabase.open(":memory:");
  let ok = false;
  try {
    await buildCanonicalData(db, { prices: market.rawPrices, fundamentals: market.rawFundamentals, tickerChanges: market.tickerChanges });
    const prices = frame(await readPrices(db), { unit: "money" });
    const fundamentals = await readFundamentals(db);
    ok = true;
    return { prices, fundamentals, universe: universeOf(market), market, ...(keepDatabase ? { db } : {}) };
  } finally {
    if (!keepDatabase || !ok) db.close();
  }
}
