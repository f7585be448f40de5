/**
 * `generateMarket`: the seeded synthetic market, the project's embedded default data.
 */
import type { DateTable } from "../../core/index";
import { createRng, deriveSeed } from "../../core/index";
import type { RawFundamentalRow, RawPriceRow, TickerChange } from "../raw";
import { businessDays } from "./calendar";
import type { DefectManifest } from "./defects";
import { simulateFundamentals, type FundamentalsRecord } from "./fundamentals";
import { resolveMarketParams, type MarketOverrides, type MarketParams } from "./params";
import { simulatePrices } from "./prices";
import { buildRawFundamentals } from "./raw-fundamentals";
import { buildRawPrices } from "./raw-prices";
import { regimeSpans, simulateRegimes, type RegimeSpan } from "./regimes";
import { buildUniverse, type Instrument } from "./universe";

/**
 * A complete synthetic market: clean truth, raw feeds and the manifest of
 * what is wrong with the raw feeds.
 */
export interface SyntheticMarket {
  /** The resolved, frozen parameters that produced this market. */
  readonly params: MarketParams;
  /** The simulated instruments: equities first, then bonds, commodity, REIT, crypto, index. */
  readonly instruments: readonly Instrument[];
  /** Ticker of the broad-market index fund (benchmark), or `null` when the universe has none. */
  readonly benchmark: string | null;
  /** Clean adjusted closes, USD, `nBusinessDays × nInstruments`, `NaN` before each listing date. */
  readonly prices: DateTable;
  /** Calm / crisis runs covering every business day. */
  readonly regimes: readonly RegimeSpan[];
  /** True annual fundamentals per equity and fiscal year (USD millions), after restatements. */
  readonly fundamentalsTruth: readonly FundamentalsRecord[];
  /** The raw fundamentals feed, with the defects of `defects.fundamentals`. */
  readonly rawFundamentals: readonly RawFundamentalRow[];
  /** The raw long-format price feed, with the defects of `defects.prices`. */
  readonly rawPrices: readonly RawPriceRow[];
  /** Ticker changes (also in `defects.fundamentals.tickerChanges`). */
  readonly tickerChanges: readonly TickerChange[];
  /** Every planted defect. */
  readonly defects: DefectManifest;
}

/**
 * The business days a parameter set covers: from `startDate` to 31 December
 * of year `startYear + years − 1`, Monday–Friday, no holidays.
 *
 * @example
 * ```ts
 * const dates = marketCalendar(resolveMarketParams());
 * [dates[0], dates[dates.length - 1], dates.length]; // => ["2006-01-02", "2025-12-31", 5218]
 * ```
 */
export function marketCalendar(params: MarketParams): string[] {
  const endYear = Number(params.startDate.slice(0, 4)) + params.years - 1;
  return businessDays(params.startDate, `${endYear}-12-31`);
}

/**
 * Generates the seeded synthetic market.
 *
 * Same parameters (seed included) ⇒ the same market, byte for byte; no clock
 * or `Math.random` is read. The default is 43 instruments over the business
 * days 2006-01-02 … 2025-12-31 (5,218 days) and takes ≈ 0.1–0.3 s on 2 cores.
 *
 * Steps: calendar → universe (`buildUniverse`) → regimes (`simulateRegimes`)
 * → fundamentals (`simulateFundamentals`) → prices (`simulatePrices`, with
 * each equity's drift tied to its earnings growth) → raw feeds
 * (`buildRawFundamentals`, `buildRawPrices`). See docs/synthetic-market.md.
 *
 * @param overrides - any subset of {@link MarketParams} (nested groups too); not changed.
 * @throws InputError naming the bad parameter and the accepted values.
 * @example
 * ```ts
 * const market = generateMarket();
 * market.prices.tickers.length;                 // => 43
 * market.prices.dates.length;                   // => 5218
 * const small = generateMarket({ seed: 7, years: 3, equityCount: 10 });
 * small.instruments.length;                     // => 15 (10 equities in 10 sectors, 2 bonds, commodity, REIT, index; the crypto list later)
 * generateMarket({ garch: { alpha: 0.5, beta: 0.6 } });
 * // throws InputError "generateMarket: parameter garch.beta = 0.6 is invalid; garch.alpha + garch.beta must be < 1 …"
 * ```
 */
export function generateMarket(overrides?: MarketOverrides): SyntheticMarket {
  const params = resolveMarketParams(overrides);
  const dates = marketCalendar(params);
  const lastDate = dates[dates.length - 1]!;
  const instruments = buildUniverse(params, lastDate);
  const states = simulateRegimes(dates, params.regimes, createRng(deriveSeed(params.seed, "regimes")));
  const fundamentals = simulateFundamentals(params, instruments, dates);
  const prices = simulatePrices(params, instruments, dates, states, fundamentals.links);

  const change = params.rawFundamentals.tickerChange;
  const tickerChanges: TickerChange[] =
    change !== null && instruments.some((i) => i.ticker === change.newTicker)
      ? [{ oldTicker: change.oldTicker, newTicker: change.newTicker, effectiveDate: dates[Math.floor(change.atFraction * (dates.length - 1))]! }]
      : [];
  const rawFundamentals = buildRawFundamentals(params, fundamentals.truth, tickerChanges, lastDate);

  const shares = new Map<string, number>();
  for (const r of fundamentals.truth) if (!shares.has(r.ticker)) shares.set(r.ticker, r.sharesOutstanding);
  const rawPrices = buildRawPrices(params, instruments, prices, shares);

  return {
    params,
    instruments,
    benchmark: instruments.find((i) => i.assetClass === "index")?.ticker ?? null,
    prices,
    regimes: regimeSpans(dates, states),
    fundamentalsTruth: fundamentals.truth,
    rawFundamentals: rawFundamentals.rows,
    rawPrices: rawPrices.rows,
    tickerChanges,
    defects: { prices: rawPrices.defects, fundamentals: rawFundamentals.defects },
  };
}
