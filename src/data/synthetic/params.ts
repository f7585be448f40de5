/**
 * Every parameter of the synthetic market, in one documented object, and the
 * function that merges a caller's overrides into it and validates the result.
 *
 * Units: volatilities and drifts are annual (252 business days; daily =
 * annual / 252, daily sd = annual / √252); drifts are log-return drifts;
 * yields are fractions (0.045 = 4.5%); money is USD millions.
 */
import { InputError } from "../../core/index";
import { isIsoDate } from "../../core/index";
import { ASSET_CLASSES, INSTRUMENT_CATALOGUE, type InstrumentSpec } from "./universe";

/** A closed interval `[low, high]` to draw uniformly from. */
export type Range = readonly [number, number];

/**
 * How the equities of one sector behave. Each company draws its own values
 * uniformly from the ranges, with a stream seeded by `(seed, ticker)`.
 */
export interface SectorProfile {
  /** Annual volatility of the sector factor (the sector's return net of the market), calm regime. */
  readonly factorVol: number;
  /** Range of the companies' market betas. */
  readonly betaRange: Range;
  /** Range of the companies' idiosyncratic (own) annual volatilities, calm regime. */
  readonly idiosyncraticVolRange: Range;
  /** Range of the companies' long-run mean annual log revenue growth. */
  readonly revenueGrowthRange: Range;
  /** Range of the companies' long-run operating margins (operating income / revenue). */
  readonly operatingMarginRange: Range;
  /** Annual standard deviation of log operating-margin shocks (relative: 0.08 = the margin moves ≈ 8% of itself). */
  readonly marginShockSd: number;
}

/** A window (ISO dates, inclusive) forced to the crisis regime. */
export interface CrisisWindow {
  readonly start: string;
  readonly end: string;
}

/** The ticker change planted in the fundamentals feed. */
export interface TickerChangeParams {
  /** Ticker the company files under before the change (must not be another instrument's ticker). */
  readonly oldTicker: string;
  /** Ticker after the change: an equity of `instruments`; prices use it for the whole history. */
  readonly newTicker: string;
  /** Where the change happens, as a fraction of the calendar: the business day at `floor(atFraction × (nDates − 1))`. */
  readonly atFraction: number;
}

/** All parameters of {@link generateMarket}. See {@link DEFAULT_MARKET_PARAMS} for values and calibration. */
export interface MarketParams {
  /** Seed of every random stream; same seed ⇒ byte-identical market. Any safe integer. */
  readonly seed: number;
  /** First calendar date (ISO); the first business day on or after it is the first row. */
  readonly startDate: string;
  /** Number of calendar years: the calendar ends on 31 December of year `startYear + years − 1`. Integer 1–100. */
  readonly years: number;
  /** Number of equities simulated, at most the equities of `instruments` listed before the calendar ends. */
  readonly equityCount: number;
  /** The instrument catalogue to draw from (replace it wholesale to simulate another universe). */
  readonly instruments: readonly InstrumentSpec[];
  /** Behaviour of each sector's equities, keyed by the `sector` of the instruments. */
  readonly sectors: Readonly<Record<string, SectorProfile>>;
  /** The market factor, calm regime. */
  readonly market: {
    /** Annual volatility. */
    readonly vol: number;
    /** Annual log drift. */
    readonly drift: number;
  };
  /** The rates factor: one yield that shifts the whole curve in parallel. */
  readonly rates: {
    /** Annual volatility of yield changes (0.008 = 80 bp a year ≈ 5 bp a day), calm regime. */
    readonly vol: number;
    /** Yield on the first day. */
    readonly initialYield: number;
    /** Level the yield mean-reverts to. */
    readonly longRunYield: number;
    /** Mean-reversion speed per year (Vasicek κ; half-life ln 2 / κ years). */
    readonly meanReversion: number;
    /** Lowest yield; the yield is floored here. */
    readonly floor: number;
    /** Correlation of yield changes with the market factor, calm regime. */
    readonly marketCorrelation: number;
  };
  /** Asset-class factors (each instrument of the class loads 1 on it), annual volatilities, calm regime. */
  readonly assetClassFactors: {
    readonly commodityVol: number;
    readonly reitVol: number;
    readonly cryptoVol: number;
  };
  /** Equity-wide settings. */
  readonly equities: {
    /** Range of the companies' loadings on their sector factor. */
    readonly sectorLoadingRange: Range;
    /** Range of the companies' price/earnings ratio on their first priced day (trailing EPS). */
    readonly priceEarningsRange: Range;
    /** Range of the companies' first price, USD (drawn log-uniformly); the share count is set so that price = P/E × EPS. */
    readonly initialPriceRange: Range;
  };
  /** Degrees of freedom of the Student-t innovations (scaled to unit variance); lower = fatter tails; > 2. */
  readonly tails: {
    /** Market, sector, rates, commodity and REIT factors. */
    readonly factorDf: number;
    /** Idiosyncratic noise of equities, bonds, funds. */
    readonly idiosyncraticDf: number;
    /** Crypto factor and crypto idiosyncratic noise. */
    readonly cryptoDf: number;
  };
  /** GARCH(1,1) on every factor and idiosyncratic series: `h[t+1] = (1 − α − β) + α·u[t]² + β·h[t]`, unit long-run variance. */
  readonly garch: {
    readonly alpha: number;
    readonly beta: number;
  };
  /** Two-state Markov regime (calm / crisis), one step per business day. */
  readonly regimes: {
    /** Daily probability of moving from calm to crisis. */
    readonly calmToCrisis: number;
    /** Daily probability of moving from crisis to calm (mean crisis length = 1 / this, in business days). */
    readonly crisisToCalm: number;
    /** Windows forced to crisis whatever the chain draws (ignored where outside the calendar); the chain restarts calm after each. */
    readonly forcedCrises: readonly CrisisWindow[];
    /** Multiplier of the market factor's volatility in crisis. */
    readonly marketVolMultiplier: number;
    /** Multiplier of sector, commodity, REIT, crypto and rates factor volatilities in crisis. */
    readonly factorVolMultiplier: number;
    /** Multiplier of idiosyncratic volatilities in crisis (below the market's, so correlations rise). */
    readonly idiosyncraticVolMultiplier: number;
    /** Annual log drift of the market factor in crisis (non-equities' own `drift` is 0 in crisis). */
    readonly crisisMarketDrift: number;
    /** Correlation of yield changes with the market factor in crisis (flight to quality). */
    readonly ratesMarketCorrelation: number;
  };
  /** Annual company fundamentals and the planted signal (see docs/synthetic-market.md). */
  readonly fundamentals: {
    /** AR(1) coefficient φ of log revenue growth around the company mean. */
    readonly revenueGrowthPersistence: number;
    /** Standard deviation of the annual revenue-growth shock. */
    readonly revenueGrowthShockSd: number;
    /** AR(1) coefficient ψ of the log operating margin around the company's log mean margin. */
    readonly marginPersistence: number;
    /** Tax rate: net income = operating income × (1 − taxRate) × exp(noise). */
    readonly taxRate: number;
    /** Standard deviation of the log one-off items in net income. */
    readonly netIncomeNoiseSd: number;
    /** λ: the stock's annual log drift during fiscal year y is λ · (clip(earnings growth_y) − centre). */
    readonly earningsDriftLoading: number;
    /** Earnings growth that gives zero extra drift (about the mean company's growth). */
    readonly earningsGrowthCentre: number;
    /** Earnings growth is clipped to ±this before it sets the drift. */
    readonly earningsGrowthCap: number;
    /** First-year revenue range, USD millions (drawn log-uniformly). */
    readonly initialRevenueRange: Range;
    /** Total assets / revenue range. */
    readonly assetsToRevenueRange: Range;
    /** Total equity / total assets range. */
    readonly equityToAssetsRange: Range;
    /** Range of the companies' mean annual log change in share count (negative = buybacks). */
    readonly shareChangeRange: Range;
    /** Standard deviation of the yearly log noise on total assets and total equity; the share count gets a quarter of it. */
    readonly balanceSheetNoiseSd: number;
  };
  /** The raw long-format price feed: volume model and planted defects. */
  readonly rawPrices: {
    /** Equity daily volume as a fraction of shares outstanding. */
    readonly equityDailyTurnover: number;
    /** Typical daily volume of a fund (bond, commodity, REIT, index), shares. */
    readonly fundDailyVolume: number;
    /** Typical daily volume of a crypto asset, units. */
    readonly cryptoDailyVolume: number;
    /** Standard deviation of the daily log volume noise. */
    readonly volumeNoiseSd: number;
    /** Volume rises by `1 + this × |daily return|`. */
    readonly volumeMoveSensitivity: number;
    /** Number of rows delivered twice. */
    readonly duplicateRows: number;
    /** Number of rows with a zero or negative price. */
    readonly badPrices: number;
    /** Number of stale stretches (price repeated). */
    readonly staleRuns: number;
    /** Business days in a stale stretch. */
    readonly staleRunLength: number;
    /** Number of equities with a split left unadjusted in `close`. */
    readonly unadjustedSplits: number;
    /** Split ratio (2 = two-for-one: the quoted close halves on the split date). */
    readonly splitRatio: number;
    /** Number of rows missing from the feed. */
    readonly missingRows: number;
  };
  /** The raw fundamentals feed: filing delays and planted defects. */
  readonly rawFundamentals: {
    /** Calendar days from fiscal-year end to the 10-K filing. */
    readonly filingLagDays: Range;
    /** Calendar days from the 10-K to its 10-K/A restatement. */
    readonly amendmentLagDays: Range;
    /** Fraction of filings delivered twice (at least one when > 0). */
    readonly duplicateRate: number;
    /** Fraction of filings later restated (at least one when > 0). */
    readonly restatementRate: number;
    /** Range of the relative error of a restated figure in the original filing. */
    readonly restatementSize: Range;
    /** Fraction of filings in thousands rather than millions (at least one when > 0). */
    readonly thousandsRate: number;
    /** Fraction of company-years missing from the feed (at least one when > 0). */
    readonly missingYearRate: number;
    /** The planted ticker change, or `null` for none. */
    readonly tickerChange: TickerChangeParams | null;
  };
}

/**
 * Overrides accepted by {@link resolveMarketParams} and `generateMarket`:
 * any subset of {@link MarketParams}, nested groups included; arrays
 * (`instruments`, `forcedCrises`, ranges) replace the default whole.
 */
export type MarketOverrides = DeepPartial<MarketParams>;

/** Every field optional, recursively; arrays are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/**
 * The default market: 43 instruments, business days 2006-01-02 … 2025-12-31,
 * seed 20240607. Deeply frozen. Each value's comment gives its real-world
 * calibration; "ref. 2006–2020" means measured on daily adjusted closes of
 * 20 S&P 500 stocks and SPY over 2006–2020 (median stock vol 28%, mean
 * pairwise correlation 0.42, SPY vol 19%, SPY lag-1 autocorrelation of
 * squared returns 0.18).
 *
 * @example
 * ```ts
 * DEFAULT_MARKET_PARAMS.years;        // => 20
 * DEFAULT_MARKET_PARAMS.market.vol;   // => 0.16
 * ```
 */
export const DEFAULT_MARKET_PARAMS: MarketParams = deepFreeze<MarketParams>({
  seed: 20240607, // arbitrary; fixed so the notebooks' embedded data never changes
  startDate: "2006-01-02", // first business day of 2006: the sample spans the 2008 and 2020 crises
  years: 20, // 2006–2025, ≈ 5,200 business days: long enough for 15-year backtests plus a warm-up
  equityCount: 36, // the whole equity catalogue: 10 sectors, 4 late listings
  instruments: INSTRUMENT_CATALOGUE, // 36 equities + 2 bond funds + commodity + REIT + 2 crypto + index = 43
  sectors: {
    // factorVol: sector-ETF residual vol vs SPY (SPDR sector funds 2006–2020, 5–18%); betas: sector-ETF betas vs SPY;
    // idiosyncratic vols: stock residual vols vs sector (ref. 2006–2020: KO/PG ≈ 12%, AMD ≈ 45%);
    // growth and margins: Damodaran industry data (Jan 2020), operating margins before tax.
    "Information Technology": { factorVol: 0.1, betaRange: [1.05, 1.3], idiosyncraticVolRange: [0.16, 0.26], revenueGrowthRange: [0.04, 0.14], operatingMarginRange: [0.15, 0.3], marginShockSd: 0.08 }, // high growth, high margins
    "Health Care": { factorVol: 0.08, betaRange: [0.7, 1.0], idiosyncraticVolRange: [0.15, 0.26], revenueGrowthRange: [0.03, 0.1], operatingMarginRange: [0.12, 0.28], marginShockSd: 0.06 }, // defensive beta, pharma margins
    Financials: { factorVol: 0.12, betaRange: [1.0, 1.3], idiosyncraticVolRange: [0.13, 0.21], revenueGrowthRange: [0.0, 0.07], operatingMarginRange: [0.2, 0.35], marginShockSd: 0.08 }, // XLF residual vol ≈ 12% (2008)
    Industrials: { factorVol: 0.07, betaRange: [0.95, 1.2], idiosyncraticVolRange: [0.13, 0.21], revenueGrowthRange: [0.02, 0.07], operatingMarginRange: [0.08, 0.16], marginShockSd: 0.06 }, // cyclical, mid margins
    "Consumer Discretionary": { factorVol: 0.08, betaRange: [1.0, 1.25], idiosyncraticVolRange: [0.16, 0.26], revenueGrowthRange: [0.03, 0.1], operatingMarginRange: [0.05, 0.14], marginShockSd: 0.08 }, // retail/autos: thin margins
    "Communication Services": { factorVol: 0.08, betaRange: [0.8, 1.15], idiosyncraticVolRange: [0.15, 0.25], revenueGrowthRange: [0.02, 0.12], operatingMarginRange: [0.12, 0.3], marginShockSd: 0.07 }, // platforms + telecoms
    "Consumer Staples": { factorVol: 0.07, betaRange: [0.55, 0.75], idiosyncraticVolRange: [0.11, 0.16], revenueGrowthRange: [0.01, 0.05], operatingMarginRange: [0.1, 0.2], marginShockSd: 0.04 }, // KO/PG/PEP vol ≈ 19% (ref. 2006–2020)
    Energy: { factorVol: 0.18, betaRange: [0.9, 1.25], idiosyncraticVolRange: [0.16, 0.26], revenueGrowthRange: [-0.01, 0.06], operatingMarginRange: [0.06, 0.18], marginShockSd: 0.15 }, // XLE residual vol ≈ 18%, oil-driven margins
    Utilities: { factorVol: 0.09, betaRange: [0.45, 0.65], idiosyncraticVolRange: [0.1, 0.15], revenueGrowthRange: [0.01, 0.04], operatingMarginRange: [0.12, 0.2], marginShockSd: 0.04 }, // XLU beta ≈ 0.5, regulated margins
    Materials: { factorVol: 0.1, betaRange: [0.95, 1.25], idiosyncraticVolRange: [0.15, 0.23], revenueGrowthRange: [0.01, 0.06], operatingMarginRange: [0.08, 0.16], marginShockSd: 0.09 }, // commodity-linked, cyclical
  },
  market: {
    vol: 0.16, // S&P 500 calm-period vol ≈ 13–17%; with crises the realised vol is ≈ 19% (SPY 2006–2020: 18.8%)
    drift: 0.12, // calm log drift; with crisis days (−0.5) the long-run log return is ≈ 7–8%/yr (S&P 500 1990–2020)
  },
  rates: {
    vol: 0.0075, // 10-year UST yield changes ≈ 5–6 bp/day ≈ 0.8–0.95%/yr (FRED DGS10 2006–2020); TLT (duration 17) vol ≈ 14%
    initialYield: 0.045, // 10-year UST yield, January 2006 ≈ 4.4%
    longRunYield: 0.035, // 10-year UST average 2006–2020 ≈ 2.9%, pre-2008 ≈ 4.5%
    meanReversion: 0.15, // Vasicek κ of long yields ≈ 0.1–0.2/yr (half-life ≈ 4.6 y)
    floor: 0.002, // 10-year UST low: 0.5% (Aug 2020); keeps the yield positive
    marketCorrelation: 0.35, // stock–yield correlation ≈ +0.3 in 2000–2020, so stock–bond correlation ≈ −0.2…−0.4
  },
  assetClassFactors: {
    commodityVol: 0.18, // broad commodity index (BCOM, DBC) vol ≈ 15–25% (2006–2020)
    reitVol: 0.12, // VNQ residual vol vs SPY ≈ 10–14%; VNQ total vol ≈ 22–28% incl. 2008
    cryptoVol: 0.55, // shared crypto factor: BTC/ETH daily return correlation ≈ 0.7–0.8, BTC vol ≈ 60–80% (2015–2022)
  },
  equities: {
    sectorLoadingRange: [0.8, 1.2], // stocks load ≈ 1 on their sector's residual factor (sector ETF regressions)
    priceEarningsRange: [12, 24], // S&P 500 trailing P/E ranged ≈ 12–25 over 2006–2020
    initialPriceRange: [15, 150], // most S&P 500 share prices were $15–150 in 2006 (median ≈ $40); implies ≈ 50 m–5 bn shares
  },
  tails: {
    factorDf: 6, // t-GARCH fits of index daily returns: ν ≈ 5–8 (Bollerslev 1987; ref. 2006–2020 SPY kurtosis 14)
    idiosyncraticDf: 4.5, // single stocks have fatter tails than indexes (ν ≈ 3–5; ref. 2006–2020 median kurtosis 12)
    cryptoDf: 4, // BTC daily returns: ν ≈ 2.5–4 in t fits (2014–2022); 4 keeps sample vols stable
  },
  garch: {
    alpha: 0.08, // GARCH(1,1) on S&P 500 daily returns: α ≈ 0.07–0.10
    beta: 0.9, // β ≈ 0.88–0.92 (persistence α + β ≈ 0.98, half-life of a vol shock ≈ 35 days)
  },
  regimes: {
    calmToCrisis: 0.0005, // mean calm spell ≈ 2,000 business days ≈ 8 years: ≈ 2–3 random crises in 20 years besides the forced ones
    crisisToCalm: 1 / 90, // mean crisis ≈ 90 business days ≈ 4 months (NBER bear phases 2–17 months)
    forcedCrises: [
      { start: "2008-09-15", end: "2009-03-09" }, // Lehman bankruptcy to the S&P 500 low
      { start: "2020-02-20", end: "2020-04-30" }, // COVID crash and the first rebound
    ],
    marketVolMultiplier: 2.5, // VIX ≈ 40–80 in 2008 and 2020 vs ≈ 15 in calm markets
    factorVolMultiplier: 1.6, // sector and asset-class dispersion rises less than market vol in crises
    idiosyncraticVolMultiplier: 1.3, // stock-specific vol rises least, so average correlation rises (≈ 0.3 → 0.6 in 2008)
    crisisMarketDrift: -0.5, // S&P 500 fell ≈ 45% from Sep 2008 to Mar 2009 (≈ 120 business days)
    ratesMarketCorrelation: 0.5, // flight to quality: Treasuries rallied as stocks fell in 2008 and Mar 2020
  },
  fundamentals: {
    revenueGrowthPersistence: 0.6, // AR(1) of annual sales growth ≈ 0.3–0.6 in US panels (Chan, Karceski & Lakonishok 2003); upper end so the signal is findable
    revenueGrowthShockSd: 0.08, // sd of firm-level annual sales growth ≈ 10–20% (Compustat large caps)
    marginPersistence: 0.8, // profitability mean-reverts ≈ 20–40% a year (Fama & French 2000); log scale keeps margins > 0
    taxRate: 0.21, // US federal corporate tax rate since 2018 (35% before)
    netIncomeNoiseSd: 0.04, // one-off items move net income ≈ 3–8% around operating income after tax
    earningsDriftLoading: 1.5, // planted: 10 pts more earnings growth ⇒ 15 pts more annual drift (annual returns–earnings R² ≈ 0.2–0.3 here, 0.1–0.2 in Easton & Harris 1991)
    earningsGrowthCentre: 0.05, // ≈ mean company revenue growth (S&P 500 EPS growth ≈ 5–7%/yr long run)
    earningsGrowthCap: 0.5, // a ±65% earnings swing is treated as ±50% in the drift: keeps drifts plausible
    initialRevenueRange: [1000, 60000], // S&P 500 revenues: ≈ $1 bn to $100 bn+, median ≈ $10 bn (2006)
    assetsToRevenueRange: [0.8, 2.5], // asset turnover ≈ 0.4–1.25 for non-financials (Damodaran 2020)
    equityToAssetsRange: [0.25, 0.6], // book equity / assets ≈ 0.3–0.5 for US large caps
    shareChangeRange: [-0.03, 0.02], // net buybacks ≈ 1–3% of shares a year for mature firms; issuers dilute ≈ 1–2%
    balanceSheetNoiseSd: 0.04, // year-to-year wobble of balance-sheet ratios
  },
  rawPrices: {
    equityDailyTurnover: 0.008, // US large caps trade ≈ 0.5–1% of their shares a day
    fundDailyVolume: 3_000_000, // mid-sized ETFs trade ≈ 1–10 m shares a day
    cryptoDailyVolume: 20_000_000, // arbitrary units of the coin
    volumeNoiseSd: 0.4, // day-to-day log volume sd ≈ 0.3–0.5
    volumeMoveSensitivity: 20, // volume roughly doubles on a 5% move
    duplicateRows: 12, // vendor re-deliveries: a handful per instrument-decade
    badPrices: 6, // zero or negative closes: rare vendor glitches
    staleRuns: 2, // a stale feed repeats the last price for days
    staleRunLength: 6, // about a week
    unadjustedSplits: 1, // one split whose `close` the vendor did not adjust (adjClose is right)
    splitRatio: 2, // two-for-one, the most common US split ratio
    missingRows: 4, // days dropped by the vendor
  },
  rawFundamentals: {
    filingLagDays: [40, 85], // SEC 10-K deadlines: 60 days (large accelerated), 75, 90 days after fiscal-year end
    amendmentLagDays: [60, 300], // restatements come months after the original (Audit Analytics)
    duplicateRate: 0.03, // vendors re-deliver a few percent of filings
    restatementRate: 0.04, // ≈ 3–8% of US filers restated in a year in 2005–2015 (Audit Analytics)
    restatementSize: [0.01, 0.08], // typical restatement moves revenue/income by 1–8%
    thousandsRate: 0.15, // XBRL/feeds mix scales: some issuers report in thousands, most large caps in millions
    missingYearRate: 0.03, // coverage gaps in vendor fundamentals histories
    tickerChange: { oldTicker: "SLNX", newTicker: "MVRX", atFraction: 0.8 }, // a rebrand (like FB → META, 2022): files as SLNX before, MVRX after
  },
});

const SECTOR_PROFILE_KEYS: readonly (keyof SectorProfile)[] = [
  "factorVol",
  "betaRange",
  "idiosyncraticVolRange",
  "revenueGrowthRange",
  "operatingMarginRange",
  "marginShockSd",
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function bad(path: string, value: unknown, want: string): InputError {
  const shown = typeof value === "string" || Array.isArray(value) || isPlainObject(value) ? JSON.stringify(value) : String(value);
  return new InputError("BAD_PARAMETER", `generateMarket: parameter ${path} = ${shown} is invalid; ${want}`, { parameter: path, value });
}

/** Deep-merges `overrides` into `defaults`; unknown keys throw (except new sector names). */
function merge(defaults: unknown, overrides: unknown, path: string, openKeys: boolean): unknown {
  if (overrides === undefined) return defaults;
  if (!isPlainObject(defaults) || !isPlainObject(overrides)) return overrides;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    const sub = path ? `${path}.${key}` : key;
    if (!(key in defaults) && !openKeys) {
      const known = Object.keys(defaults);
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
      throw new InputError(
        "UNKNOWN_PARAMETER",
        `generateMarket: unknown parameter ${sub}; ${near ? `did you mean ${path ? `${path}.` : ""}${near}? ` : ""}known ${path ? `keys of ${path}` : "parameters"}: ${known.join(", ")}`,
        { parameter: sub },
      );
    }
    out[key] = merge(defaults[key], value, sub, sub === "sectors");
  }
  return out;
}

function checkNumber(path: string, value: unknown, low: number, high: number, opts: { lowOpen?: boolean; highOpen?: boolean; integer?: boolean } = {}): void {
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (opts.lowOpen ? value > low : value >= low) &&
    (opts.highOpen ? value < high : value <= high) &&
    (!opts.integer || Number.isInteger(value));
  if (!ok) {
    const interval = `${opts.lowOpen ? "(" : "["}${low}, ${high}${opts.highOpen ? ")" : "]"}`;
    throw bad(path, value, `pass ${opts.integer ? "an integer" : "a finite number"} in ${interval}`);
  }
}

function checkRange(path: string, value: unknown, low: number, high: number, opts: { lowOpen?: boolean } = {}): void {
  if (!Array.isArray(value) || value.length !== 2) throw bad(path, value, `pass a pair [low, high] within [${low}, ${high}]`);
  checkNumber(`${path}[0]`, value[0], low, high, opts);
  checkNumber(`${path}[1]`, value[1], low, high, opts);
  if (value[0] > value[1]) throw bad(path, value, "the low end must not exceed the high end");
}

function checkDate(path: string, value: unknown): void {
  if (!isIsoDate(value)) throw bad(path, value, "pass a valid ISO date YYYY-MM-DD, e.g. 2006-01-02");
}

function checkInstruments(p: MarketParams): void {
  const list: unknown = p.instruments;
  if (!Array.isArray(list) || list.length === 0) throw bad("instruments", list, "pass a non-empty array of InstrumentSpec");
  const seen = new Set<string>();
  list.forEach((raw: unknown, k) => {
    const at = `instruments[${k}]`;
    if (!isPlainObject(raw)) throw bad(at, raw, "pass an InstrumentSpec object");
    const spec = raw as unknown as InstrumentSpec;
    if (typeof spec.ticker !== "string" || !/^[A-Z0-9.\-]{1,12}$/.test(spec.ticker)) {
      throw bad(`${at}.ticker`, spec.ticker, "pass 1–12 upper-case letters, digits, '.' or '-'");
    }
    if (seen.has(spec.ticker)) throw bad(`${at}.ticker`, spec.ticker, "tickers must be unique; rename one");
    seen.add(spec.ticker);
    if (typeof spec.name !== "string") throw bad(`${at}.name`, spec.name, "pass a string");
    if (!ASSET_CLASSES.includes(spec.assetClass)) throw bad(`${at}.assetClass`, spec.assetClass, `pass one of ${ASSET_CLASSES.join(", ")}`);
    checkDate(`${at}.listingDate`, spec.listingDate);
    if (spec.assetClass === "equity") {
      if (typeof spec.sector !== "string" || !Object.prototype.hasOwnProperty.call(p.sectors, spec.sector)) {
        throw bad(`${at}.sector`, spec.sector, `pass a key of sectors (${Object.keys(p.sectors).join(", ")}) or add a profile under sectors`);
      }
      if (spec.fiscalYearEndMonth !== undefined) checkNumber(`${at}.fiscalYearEndMonth`, spec.fiscalYearEndMonth, 1, 12, { integer: true });
    } else {
      if (spec.assetClass === "bond") checkNumber(`${at}.durationYears`, spec.durationYears, 0, 40, { lowOpen: true });
      checkNumber(`${at}.marketBeta`, spec.marketBeta ?? 0, -5, 5);
      checkNumber(`${at}.idiosyncraticVol`, spec.idiosyncraticVol ?? 0, 0, 5);
      checkNumber(`${at}.drift`, spec.drift ?? 0, -2, 2);
      checkNumber(`${at}.initialPrice`, spec.initialPrice, 0, 1e9, { lowOpen: true });
    }
  });
}

function validate(p: MarketParams): void {
  if (typeof p.seed !== "number" || !Number.isSafeInteger(p.seed)) throw bad("seed", p.seed, "pass a whole number (a safe integer), e.g. 42");
  checkDate("startDate", p.startDate);
  checkNumber("years", p.years, 1, 100, { integer: true });
  if (!isPlainObject(p.sectors)) throw bad("sectors", p.sectors, "pass an object of SectorProfile keyed by sector name");
  for (const [name, profile] of Object.entries(p.sectors)) {
    const at = `sectors.${name}`;
    if (!isPlainObject(profile)) throw bad(at, profile, "pass a SectorProfile object");
    for (const key of SECTOR_PROFILE_KEYS) {
      if (!(key in profile)) throw bad(`${at}.${key}`, undefined, `a new sector needs every field: ${SECTOR_PROFILE_KEYS.join(", ")}`);
    }
    checkNumber(`${at}.factorVol`, profile.factorVol, 0, 2);
    checkRange(`${at}.betaRange`, profile.betaRange, -3, 5);
    checkRange(`${at}.idiosyncraticVolRange`, profile.idiosyncraticVolRange, 0, 3);
    checkRange(`${at}.revenueGrowthRange`, profile.revenueGrowthRange, -0.5, 1);
    checkRange(`${at}.operatingMarginRange`, profile.operatingMarginRange, 0, 0.9, { lowOpen: true });
    checkNumber(`${at}.marginShockSd`, profile.marginShockSd, 0, 0.5);
  }
  checkInstruments(p);
  const equityCount = p.instruments.filter((s) => s.assetClass === "equity").length;
  if (equityCount === 0) throw bad("instruments", `${p.instruments.length} instruments`, "include at least one equity");
  checkNumber("equityCount", p.equityCount, 1, equityCount, { integer: true });

  checkNumber("market.vol", p.market.vol, 0, 2, { lowOpen: true });
  checkNumber("market.drift", p.market.drift, -2, 2);
  checkNumber("rates.vol", p.rates.vol, 0, 0.1);
  checkNumber("rates.initialYield", p.rates.initialYield, -0.05, 0.5);
  checkNumber("rates.longRunYield", p.rates.longRunYield, -0.05, 0.5);
  checkNumber("rates.meanReversion", p.rates.meanReversion, 0, 10);
  checkNumber("rates.floor", p.rates.floor, -0.05, 0.5);
  checkNumber("rates.marketCorrelation", p.rates.marketCorrelation, -1, 1);
  checkNumber("assetClassFactors.commodityVol", p.assetClassFactors.commodityVol, 0, 3);
  checkNumber("assetClassFactors.reitVol", p.assetClassFactors.reitVol, 0, 3);
  checkNumber("assetClassFactors.cryptoVol", p.assetClassFactors.cryptoVol, 0, 5);
  checkRange("equities.sectorLoadingRange", p.equities.sectorLoadingRange, -3, 5);
  checkRange("equities.priceEarningsRange", p.equities.priceEarningsRange, 0, 1000, { lowOpen: true });
  checkRange("equities.initialPriceRange", p.equities.initialPriceRange, 0, 1e6, { lowOpen: true });
  for (const key of ["factorDf", "idiosyncraticDf", "cryptoDf"] as const) {
    const df = p.tails[key];
    if (!(typeof df === "number" && df > 2)) throw bad(`tails.${key}`, df, "pass a number > 2 (Infinity for normal innovations); the t is scaled to unit variance, which needs df > 2");
  }
  checkNumber("garch.alpha", p.garch.alpha, 0, 1, { highOpen: true });
  checkNumber("garch.beta", p.garch.beta, 0, 1, { highOpen: true });
  if (p.garch.alpha + p.garch.beta >= 1) {
    throw bad("garch.beta", p.garch.beta, `garch.alpha + garch.beta must be < 1 for a finite long-run variance (now ${p.garch.alpha + p.garch.beta}); lower one of them`);
  }
  const r = p.regimes;
  checkNumber("regimes.calmToCrisis", r.calmToCrisis, 0, 1);
  checkNumber("regimes.crisisToCalm", r.crisisToCalm, 0, 1);
  if (!Array.isArray(r.forcedCrises)) throw bad("regimes.forcedCrises", r.forcedCrises, "pass an array of { start, end } ISO-date windows (or [])");
  r.forcedCrises.forEach((w, k) => {
    checkDate(`regimes.forcedCrises[${k}].start`, w?.start);
    checkDate(`regimes.forcedCrises[${k}].end`, w?.end);
    if (w.end < w.start) throw bad(`regimes.forcedCrises[${k}]`, w, "end must not be before start");
  });
  checkNumber("regimes.marketVolMultiplier", r.marketVolMultiplier, 0, 20, { lowOpen: true });
  checkNumber("regimes.factorVolMultiplier", r.factorVolMultiplier, 0, 20, { lowOpen: true });
  checkNumber("regimes.idiosyncraticVolMultiplier", r.idiosyncraticVolMultiplier, 0, 20, { lowOpen: true });
  checkNumber("regimes.crisisMarketDrift", r.crisisMarketDrift, -5, 5);
  checkNumber("regimes.ratesMarketCorrelation", r.ratesMarketCorrelation, -1, 1);
  const f = p.fundamentals;
  checkNumber("fundamentals.revenueGrowthPersistence", f.revenueGrowthPersistence, -1, 1, { lowOpen: true, highOpen: true });
  checkNumber("fundamentals.revenueGrowthShockSd", f.revenueGrowthShockSd, 0, 1);
  checkNumber("fundamentals.marginPersistence", f.marginPersistence, -1, 1, { lowOpen: true, highOpen: true });
  checkNumber("fundamentals.taxRate", f.taxRate, 0, 1, { highOpen: true });
  checkNumber("fundamentals.netIncomeNoiseSd", f.netIncomeNoiseSd, 0, 1);
  checkNumber("fundamentals.earningsDriftLoading", f.earningsDriftLoading, -10, 10);
  checkNumber("fundamentals.earningsGrowthCentre", f.earningsGrowthCentre, -1, 1);
  checkNumber("fundamentals.earningsGrowthCap", f.earningsGrowthCap, 0, 5, { lowOpen: true });
  checkRange("fundamentals.initialRevenueRange", f.initialRevenueRange, 0, 1e7, { lowOpen: true });
  checkRange("fundamentals.assetsToRevenueRange", f.assetsToRevenueRange, 0, 100, { lowOpen: true });
  checkRange("fundamentals.equityToAssetsRange", f.equityToAssetsRange, 0, 1, { lowOpen: true });
  checkRange("fundamentals.shareChangeRange", f.shareChangeRange, -0.5, 0.5);
  checkNumber("fundamentals.balanceSheetNoiseSd", f.balanceSheetNoiseSd, 0, 1);
  const rp = p.rawPrices;
  checkNumber("rawPrices.equityDailyTurnover", rp.equityDailyTurnover, 0, 1);
  checkNumber("rawPrices.fundDailyVolume", rp.fundDailyVolume, 0, 1e12);
  checkNumber("rawPrices.cryptoDailyVolume", rp.cryptoDailyVolume, 0, 1e12);
  checkNumber("rawPrices.volumeNoiseSd", rp.volumeNoiseSd, 0, 3);
  checkNumber("rawPrices.volumeMoveSensitivity", rp.volumeMoveSensitivity, 0, 1000);
  for (const key of ["duplicateRows", "badPrices", "staleRuns", "unadjustedSplits", "missingRows"] as const) {
    checkNumber(`rawPrices.${key}`, rp[key], 0, 1000, { integer: true });
  }
  checkNumber("rawPrices.staleRunLength", rp.staleRunLength, 1, 250, { integer: true });
  checkNumber("rawPrices.splitRatio", rp.splitRatio, 1, 1000, { lowOpen: true });
  const rf = p.rawFundamentals;
  checkRange("rawFundamentals.filingLagDays", rf.filingLagDays, 0, 365);
  checkRange("rawFundamentals.amendmentLagDays", rf.amendmentLagDays, 1, 1000);
  checkNumber("rawFundamentals.duplicateRate", rf.duplicateRate, 0, 1, { highOpen: true });
  checkNumber("rawFundamentals.restatementRate", rf.restatementRate, 0, 1, { highOpen: true });
  checkRange("rawFundamentals.restatementSize", rf.restatementSize, 0, 1, { lowOpen: true });
  checkNumber("rawFundamentals.thousandsRate", rf.thousandsRate, 0, 1);
  checkNumber("rawFundamentals.missingYearRate", rf.missingYearRate, 0, 1, { highOpen: true });
  const tc = rf.tickerChange;
  if (tc !== null) {
    if (!isPlainObject(tc)) throw bad("rawFundamentals.tickerChange", tc, "pass { oldTicker, newTicker, atFraction } or null");
    const target = p.instruments.find((s) => s.ticker === tc.newTicker);
    if (!target || target.assetClass !== "equity") {
      throw bad("rawFundamentals.tickerChange.newTicker", tc.newTicker, "pass the ticker of an equity in instruments, or set tickerChange to null");
    }
    if (typeof tc.oldTicker !== "string" || !/^[A-Z0-9.\-]{1,12}$/.test(tc.oldTicker) || p.instruments.some((s) => s.ticker === tc.oldTicker)) {
      throw bad("rawFundamentals.tickerChange.oldTicker", tc.oldTicker, "pass an upper-case ticker that no instrument uses");
    }
    checkNumber("rawFundamentals.tickerChange.atFraction", tc.atFraction, 0, 1, { lowOpen: true, highOpen: true });
  }
}

/**
 * Merges overrides into {@link DEFAULT_MARKET_PARAMS}, validates every value,
 * and returns a new, deeply frozen parameter object. Neither the overrides
 * nor the defaults are changed.
 *
 * When `instruments` is overridden and `equityCount` is not, `equityCount`
 * becomes the number of equities in the new list; and when the new list lacks
 * the default ticker change's company, `rawFundamentals.tickerChange` becomes `null`.
 *
 * @throws InputError (`UNKNOWN_PARAMETER`, `BAD_PARAMETER`) naming the parameter and the accepted values.
 * @example
 * ```ts
 * const p = resolveMarketParams({ seed: 7, years: 3, equityCount: 10, garch: { alpha: 0.05 } });
 * p.garch; // => { alpha: 0.05, beta: 0.9 }
 * resolveMarketParams({ years: 0 });
 * // throws InputError "generateMarket: parameter years = 0 is invalid; pass an integer in [1, 100]"
 * ```
 */
export function resolveMarketParams(overrides: MarketOverrides = {}): MarketParams {
  if (!isPlainObject(overrides)) {
    throw new InputError("BAD_PARAMETER", `generateMarket: parameters must be an object such as { seed: 7, years: 3 }, got ${String(overrides)}`, {});
  }
  let merged = merge(DEFAULT_MARKET_PARAMS, overrides, "", false) as MarketParams;
  if (overrides.instruments !== undefined && overrides.equityCount === undefined && Array.isArray(overrides.instruments)) {
    merged = { ...merged, equityCount: overrides.instruments.filter((s) => s?.assetClass === "equity").length };
  }
  if (
    overrides.instruments !== undefined &&
    overrides.rawFundamentals?.tickerChange === undefined &&
    Array.isArray(merged.instruments) &&
    !merged.instruments.some((s) => s?.ticker === merged.rawFundamentals.tickerChange?.newTicker)
  ) {
    merged = { ...merged, rawFundamentals: { ...merged.rawFundamentals, tickerChange: null } };
  }
  validate(merged);
  // A structured clone detaches the result from the caller's objects before freezing.
  return deepFreeze(structuredClone(merged));
}
