/**
 * The synthetic market's instruments: a catalogue of fake but plausible
 * US-listed securities (every equity ticker ends in "X"), and the selection
 * of the ones a given {@link MarketParams} simulates, with their sampled
 * factor loadings.
 */
import { createRng, deriveSeed } from "../../core/index";
import type { MarketParams } from "./params";

/** Asset class of an instrument; drives which factors move it. */
export type AssetClass = "equity" | "bond" | "commodity" | "reit" | "crypto" | "index";

/** The asset classes, in the order instruments are listed. */
export const ASSET_CLASSES: readonly AssetClass[] = ["equity", "bond", "commodity", "reit", "crypto", "index"];

/**
 * One catalogue entry: what an instrument is. Equities take their factor
 * loadings from their sector's profile in {@link MarketParams.sectors};
 * every other class states them here.
 *
 * @example
 * ```ts
 * const bond: InstrumentSpec = { ticker: "LTBX", name: "Long-Term Treasury Bond Fund", assetClass: "bond",
 *   listingDate: "2002-07-22", durationYears: 16, marketBeta: 0, idiosyncraticVol: 0.01, drift: 0, initialPrice: 90 };
 * ```
 */
export interface InstrumentSpec {
  readonly ticker: string;
  readonly name: string;
  readonly assetClass: AssetClass;
  /** GICS-like sector, equities only: a key of {@link MarketParams.sectors}. */
  readonly sector?: string;
  /** First trading day (ISO). Prices are `NaN` before it; an instrument listing after the sample is left out. */
  readonly listingDate: string;
  /** Modified duration in years, bonds only: the fund loses `durationYears × Δyield` when yields move. */
  readonly durationYears?: number;
  /** Month (1–12) in which the fiscal year ends, equities only (3, 6, 9 or 12 in the catalogue). */
  readonly fiscalYearEndMonth?: number;
  /** Loading on the market factor, non-equities (equities: sampled from the sector's `betaRange`). */
  readonly marketBeta?: number;
  /** Annual volatility of the instrument's own GARCH noise, non-equities (equities: sampled from the sector). */
  readonly idiosyncraticVol?: number;
  /** Annual log drift in calm regimes beyond `marketBeta × market drift`, non-equities (0 for crisis days). */
  readonly drift?: number;
  /** Price on the first day of the sample (or the listing day), USD, non-equities (equities: P/E × EPS). */
  readonly initialPrice?: number;
}

/**
 * An instrument as simulated: its catalogue facts plus the factor loadings
 * the generator drew for it (the ground truth a beta estimate can be checked against).
 *
 * @example
 * ```ts
 * const mkt = generateMarket().instruments.find((i) => i.ticker === "MKTIDX");
 * // => { ticker: "MKTIDX", assetClass: "index", sector: null, marketBeta: 1, factorLoading: 0, … }
 * ```
 */
export interface Instrument {
  readonly ticker: string;
  readonly name: string;
  readonly assetClass: AssetClass;
  /** Sector for equities, `null` otherwise. */
  readonly sector: string | null;
  readonly listingDate: string;
  /** Modified duration (years) for bonds, `null` otherwise. */
  readonly durationYears: number | null;
  /** Fiscal-year-end month (1–12) for equities, `null` otherwise. */
  readonly fiscalYearEndMonth: number | null;
  /** Loading on the market factor. */
  readonly marketBeta: number;
  /** Loading on the sector factor (equities) or the asset-class factor (commodity, REIT, crypto); 0 for bonds and the index. */
  readonly factorLoading: number;
  /** Annual volatility of the instrument's own noise in calm regimes. */
  readonly idiosyncraticVol: number;
  /** Annual calm-regime log drift beyond `marketBeta × market drift` (equities: 0; their drift comes from earnings growth). */
  readonly drift: number;
}

const EST = "2000-01-03"; // listed long before any sensible sample start

function equity(ticker: string, name: string, sector: string, fiscalYearEndMonth: number, listingDate = EST): InstrumentSpec {
  return { ticker, name, assetClass: "equity", sector, listingDate, fiscalYearEndMonth };
}

/**
 * The default catalogue: 36 equities in 10 sectors (HLPX, GNMX, PXFX and RDQX
 * list mid-sample; MVRX filed as SLNX before its ticker change, see
 * `rawFundamentals.tickerChange`),
 * a short (2.5 y) and a long (16 y) duration bond fund, a commodity fund, a
 * REIT fund, two crypto assets listing in 2014 and 2017, and the broad-market
 * index fund MKTIDX used as benchmark: 43 instruments.
 *
 * @example
 * ```ts
 * INSTRUMENT_CATALOGUE.length; // => 43
 * INSTRUMENT_CATALOGUE.filter((i) => i.assetClass === "equity").length; // => 36
 * ```
 */
export const INSTRUMENT_CATALOGUE: readonly InstrumentSpec[] = [
  equity("QBTX", "Qubitron Systems", "Information Technology", 12),
  equity("NVLX", "Novalith Semiconductor", "Information Technology", 9),
  equity("CRDX", "Cordance Software", "Information Technology", 6),
  equity("HLPX", "Helipath Cloud", "Information Technology", 12, "2010-06-29"),
  equity("MDVX", "Medivane Pharmaceuticals", "Health Care", 12),
  equity("CRLX", "Curalis Biotech", "Health Care", 12),
  equity("ORHX", "Orthelia Devices", "Health Care", 9),
  equity("GNMX", "Genomira Therapeutics", "Health Care", 12, "2013-03-14"),
  equity("HRBX", "Harborview Bancorp", "Financials", 12),
  equity("LDGX", "Ledgerline Financial", "Financials", 12),
  equity("ICAX", "Ironclad Assurance Group", "Financials", 12),
  equity("TRVX", "Trevane Capital Markets", "Financials", 6),
  equity("AXLX", "Axlebridge Industries", "Industrials", 12),
  equity("FRTX", "Freightora Logistics", "Industrials", 12),
  equity("AERX", "Aerovance Aerospace", "Industrials", 12),
  equity("GRDX", "Gridwell Machinery", "Industrials", 9),
  equity("VNTX", "Ventora Retail", "Consumer Discretionary", 3),
  equity("DRVX", "Drivelane Motors", "Consumer Discretionary", 12),
  equity("LXRX", "Luxara Apparel", "Consumer Discretionary", 6),
  equity("RDQX", "Ridequick Mobility", "Consumer Discretionary", 12, "2019-05-10"),
  equity("MVRX", "Metaverra Platforms (formerly Socialink, SLNX)", "Communication Services", 12),
  equity("SGWX", "Signalwave Telecom", "Communication Services", 12),
  equity("STMX", "Streamora Media", "Communication Services", 12),
  equity("PXFX", "Pixelforge Games", "Communication Services", 3, "2012-05-18"),
  equity("GRCX", "Grocera Foods", "Consumer Staples", 6),
  equity("BVRX", "Beveron Beverages", "Consumer Staples", 12),
  equity("HMSX", "Homestead Household Products", "Consumer Staples", 6),
  equity("PTLX", "Petrolux Energy", "Energy", 12),
  equity("DRMX", "Drillmark Services", "Energy", 12),
  equity("RFNX", "Refinex Partners", "Energy", 12),
  equity("VLRX", "Voltaris Power", "Utilities", 12),
  equity("AQVX", "Aquaven Water", "Utilities", 3),
  equity("GSLX", "Gasline Utilities", "Utilities", 9),
  equity("FRCX", "Ferrocrest Steel", "Materials", 12),
  equity("CHMX", "Chemora Specialty Chemicals", "Materials", 12),
  equity("PKWX", "Packwell Containers", "Materials", 9),
  { ticker: "STBX", name: "Short-Term Treasury Bond Fund", assetClass: "bond", listingDate: "2002-07-22",
    durationYears: 2.5, marketBeta: 0, idiosyncraticVol: 0.012, drift: 0, initialPrice: 80 },
  { ticker: "LTBX", name: "Long-Term Treasury Bond Fund", assetClass: "bond", listingDate: "2002-07-22",
    durationYears: 16, marketBeta: 0, idiosyncraticVol: 0.01, drift: 0, initialPrice: 90 },
  { ticker: "CMDX", name: "Broad Commodity Fund", assetClass: "commodity", listingDate: "2004-06-14",
    marketBeta: 0.35, idiosyncraticVol: 0.04, drift: 0, initialPrice: 25 },
  { ticker: "REIX", name: "US REIT Index Fund", assetClass: "reit", listingDate: "2004-09-23",
    marketBeta: 0.9, idiosyncraticVol: 0.03, drift: 0.02, initialPrice: 60 },
  { ticker: "SATX", name: "Satoshi Coin", assetClass: "crypto", listingDate: "2014-09-17",
    marketBeta: 0.4, idiosyncraticVol: 0.3, drift: 0.35, initialPrice: 450 },
  { ticker: "ETRX", name: "Etherion", assetClass: "crypto", listingDate: "2017-01-03",
    marketBeta: 0.5, idiosyncraticVol: 0.45, drift: 0.3, initialPrice: 8 },
  { ticker: "MKTIDX", name: "Broad Market Index Fund", assetClass: "index", listingDate: "1993-01-29",
    marketBeta: 1, idiosyncraticVol: 0.005, drift: 0, initialPrice: 100 },
];

/**
 * Orders equities round-robin across sectors (first of each sector, then the
 * second of each…), keeping catalogue order within a sector, with `first`
 * (if present) at the front. Taking a prefix keeps the sectors balanced.
 */
function roundRobinBySector(equities: readonly InstrumentSpec[], first: string | null): InstrumentSpec[] {
  const bySector = new Map<string, InstrumentSpec[]>();
  for (const e of equities) {
    const key = e.sector ?? "";
    const list = bySector.get(key);
    if (list) list.push(e);
    else bySector.set(key, [e]);
  }
  const ordered: InstrumentSpec[] = [];
  const lists = [...bySector.values()];
  for (let round = 0; ordered.length < equities.length; round++) {
    for (const list of lists) if (round < list.length) ordered.push(list[round]!);
  }
  const k = ordered.findIndex((e) => e.ticker === first);
  if (k > 0) ordered.unshift(...ordered.splice(k, 1));
  return ordered;
}

/**
 * The instruments a market simulates, with sampled loadings.
 *
 * Keeps the catalogue entries listed on or before `lastDate`; takes the first
 * `params.equityCount` equities in round-robin sector order (the company of
 * `rawFundamentals.tickerChange` first), so a small universe still spans
 * sectors; keeps every listed non-equity. Output order: equities, then the
 * other classes, each in catalogue order. Equity loadings are drawn from the
 * sector profile with a stream seeded by `(seed, ticker)`, so an equity has
 * the same loadings in every universe that contains it.
 *
 * @param params - resolved parameters (see `resolveMarketParams`).
 * @param lastDate - last date of the calendar (ISO).
 * @example
 * ```ts
 * const universe = buildUniverse(resolveMarketParams({ equityCount: 10 }), "2025-12-31");
 * universe.filter((i) => i.assetClass === "equity").length; // => 10 (one per sector)
 * ```
 */
export function buildUniverse(params: MarketParams, lastDate: string): Instrument[] {
  const listed = params.instruments.filter((spec) => spec.listingDate <= lastDate);
  const changer = params.rawFundamentals.tickerChange?.newTicker ?? null;
  const chosen = new Set(
    roundRobinBySector(listed.filter((s) => s.assetClass === "equity"), changer)
      .slice(0, params.equityCount)
      .map((s) => s.ticker),
  );
  const out: Instrument[] = [];
  for (const assetClass of ASSET_CLASSES) {
    for (const spec of listed) {
      if (spec.assetClass !== assetClass) continue;
      if (assetClass === "equity") {
        if (!chosen.has(spec.ticker)) continue;
        const profile = params.sectors[spec.sector!]!;
        const rng = createRng(deriveSeed(params.seed, `universe:${spec.ticker}`));
        out.push({
          ticker: spec.ticker,
          name: spec.name,
          assetClass,
          sector: spec.sector!,
          listingDate: spec.listingDate,
          durationYears: null,
          fiscalYearEndMonth: spec.fiscalYearEndMonth ?? 12,
          marketBeta: rng.uniform(profile.betaRange[0], profile.betaRange[1]),
          factorLoading: rng.uniform(params.equities.sectorLoadingRange[0], params.equities.sectorLoadingRange[1]),
          idiosyncraticVol: rng.uniform(profile.idiosyncraticVolRange[0], profile.idiosyncraticVolRange[1]),
          drift: 0,
        });
      } else {
        out.push({
          ticker: spec.ticker,
          name: spec.name,
          assetClass,
          sector: null,
          listingDate: spec.listingDate,
          durationYears: assetClass === "bond" ? spec.durationYears! : null,
          fiscalYearEndMonth: null,
          marketBeta: spec.marketBeta ?? 0,
          factorLoading: assetClass === "commodity" || assetClass === "reit" || assetClass === "crypto" ? 1 : 0,
          idiosyncraticVol: spec.idiosyncraticVol ?? 0,
          drift: spec.drift ?? 0,
        });
      }
    }
  }
  return out;
}
