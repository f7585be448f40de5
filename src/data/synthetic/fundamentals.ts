/**
 * Annual company fundamentals with a planted signal, and the link that ties
 * each stock's price drift to its earnings growth.
 *
 * Per company, fiscal year y (labelled by the calendar year it ends in):
 *
 * - log revenue growth `g[y] = ḡ + φ·(g[y−1] − ḡ) + σ_g·ε`  (persistent, around a company mean ḡ)
 * - log operating margin `ln m[y] = ln m̄ + ψ·(ln m[y−1] − ln m̄) + σ_m·ε`  (slow mean reversion to m̄, always > 0)
 * - revenue `R[y] = R[y−1]·e^g[y]`, operating income `R·m`,
 *   net income `R·m·(1 − tax)·e^(σ_n·ε)`
 * - earnings growth `e[y] = ln(NI[y] / NI[y−1])`
 * - the stock's extra annual log drift during fiscal year y (from the day
 *   after the previous fiscal-year end to this one) is
 *   `λ·(clip(e[y], ±cap) − centre)`.
 *
 * So next year's earnings growth is partly predictable from this year's
 * growth (φ), margin level/change (ψ, and the one-off noise reverting), and
 * from price momentum (this year's return carries e[y]); and the forward
 * return carries e[y+1]. See docs/synthetic-market.md.
 */
import { createRng, deriveSeed, type Rng } from "../../core/index";
import { dayNumberToIso, isoToDayNumber, monthEnd } from "../../core/index";
import { nextBusinessDay } from "./calendar";
import type { MarketParams } from "./params";
import type { Instrument } from "./universe";

/**
 * One company-year of true fundamentals, as a clean feed would show it after
 * restatements. Money in USD millions, shares in millions, rounded to 3
 * decimals (thousand-dollar precision, so a raw filing in thousands converts exactly).
 *
 * @example
 * ```ts
 * const r = generateMarket().fundamentalsTruth[0];
 * // => { ticker: "QBTX", fiscalYear: 2005, periodEnd: "2005-12-31", filedDate: "2006-02-…", revenue: …, … }
 * ```
 */
export interface FundamentalsRecord {
  /** Current ticker (after any ticker change), as in the price table. */
  readonly ticker: string;
  /** Calendar year in which the fiscal year ends. */
  readonly fiscalYear: number;
  /** Month (1–12) in which the company's fiscal year ends. */
  readonly fiscalYearEndMonth: number;
  /** Last day of the fiscal year (ISO). */
  readonly periodEnd: string;
  /** Date the original 10-K became public (ISO, a business day). */
  readonly filedDate: string;
  readonly revenue: number;
  readonly operatingIncome: number;
  readonly netIncome: number;
  readonly totalAssets: number;
  readonly totalEquity: number;
  readonly sharesOutstanding: number;
  /** ln(revenue / previous revenue). */
  readonly revenueGrowth: number;
  /** operatingIncome / revenue. */
  readonly operatingMargin: number;
  /** ln(netIncome / previous netIncome). */
  readonly earningsGrowth: number;
  /** The annual log drift added to the stock during this fiscal year: λ·(clip(earningsGrowth) − centre). */
  readonly driftAlpha: number;
}

/**
 * What the price simulation needs from a company's fundamentals: the
 * drift schedule and the first price.
 */
export interface EarningsLink {
  /** Fiscal-year ends (ISO, ascending), covering the whole calendar. */
  readonly periodEnds: readonly string[];
  /** Annual log drift during the fiscal year ending at the same index. */
  readonly annualAlpha: readonly number[];
  /** Price on the company's first sample day (USD), drawn from `equities.initialPriceRange`; it equals P/E × trailing EPS. */
  readonly startPrice: number;
}

/** The fundamentals of all equities: the reported truth and the price links. */
export interface FundamentalsSimulation {
  /** Company-years a clean feed holds, by company then fiscal year. */
  readonly truth: FundamentalsRecord[];
  /** Price drift schedule and first price per equity ticker. */
  readonly links: Map<string, EarningsLink>;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** One simulated fiscal year before the share count is scaled. */
interface YearDraft {
  readonly year: number;
  readonly periodEnd: string;
  readonly filedDate: string;
  readonly revenue: number;
  readonly operatingIncome: number;
  readonly netIncome: number;
  readonly totalAssets: number;
  readonly totalEquity: number;
  readonly shareIndex: number;
}

function logUniform(rng: Rng, range: readonly [number, number]): number {
  return Math.exp(rng.uniform(Math.log(range[0]), Math.log(range[1])));
}

/**
 * Simulates the fundamentals of the equities.
 *
 * Years simulated: from three before the first calendar year to one after the
 * last (so every business day falls in a fiscal year with a drift). A year is
 * reported (in `truth`) when its fiscal year is at least the year before the
 * calendar starts, and its 10-K is filed on or after the listing date and on
 * or before the calendar's last day. The filing date is the fiscal-year end
 * plus `rawFundamentals.filingLagDays`, moved to a business day. The first
 * price is drawn from `equities.initialPriceRange` and the share count is
 * scaled so that this price is the drawn P/E times the trailing EPS (the
 * last fiscal year ending before the first priced day). Each company draws
 * from its own stream seeded by `(seed, ticker)`.
 *
 * @param params - resolved parameters.
 * @param equities - the equities of the universe (other classes are ignored).
 * @param dates - the business-day calendar (ISO, ascending, non-empty).
 * @example
 * ```ts
 * const { truth, links } = simulateFundamentals(params, universe, dates);
 * links.get("QBTX")!.startPrice; // => a price in [15, 150] USD
 * ```
 */
export function simulateFundamentals(params: MarketParams, equities: readonly Instrument[], dates: readonly string[]): FundamentalsSimulation {
  const f = params.fundamentals;
  const firstDate = dates[0]!;
  const lastDate = dates[dates.length - 1]!;
  const firstYear = Number(firstDate.slice(0, 4));
  const lastYear = Number(lastDate.slice(0, 4));
  const truth: FundamentalsRecord[] = [];
  const links = new Map<string, EarningsLink>();
  const sdGrowth = f.revenueGrowthShockSd;

  for (const inst of equities) {
    if (inst.assetClass !== "equity") continue;
    const profile = params.sectors[inst.sector!]!;
    const month = inst.fiscalYearEndMonth ?? 12;
    const rng = createRng(deriveSeed(params.seed, `fundamentals:${inst.ticker}`));
    const meanGrowth = rng.uniform(profile.revenueGrowthRange[0], profile.revenueGrowthRange[1]);
    const meanMargin = rng.uniform(profile.operatingMarginRange[0], profile.operatingMarginRange[1]);
    const assetsToRevenue = rng.uniform(f.assetsToRevenueRange[0], f.assetsToRevenueRange[1]);
    const equityToAssets = rng.uniform(f.equityToAssetsRange[0], f.equityToAssetsRange[1]);
    const shareDrift = rng.uniform(f.shareChangeRange[0], f.shareChangeRange[1]);
    const priceEarnings = rng.uniform(params.equities.priceEarningsRange[0], params.equities.priceEarningsRange[1]);
    const startPrice = logUniform(rng, params.equities.initialPriceRange);
    let revenueRaw = logUniform(rng, f.initialRevenueRange);
    let shareIndex = 1; // share count relative to the first simulated year; scaled below
    // Stationary draws for the first year.
    let growth = meanGrowth + (sdGrowth / Math.sqrt(1 - f.revenueGrowthPersistence ** 2)) * rng.normal();
    const logMeanMargin = Math.log(meanMargin);
    let logMargin = logMeanMargin + (profile.marginShockSd / Math.sqrt(1 - f.marginPersistence ** 2)) * rng.normal();

    const years: YearDraft[] = [];
    for (let year = firstYear - 3; year <= lastYear + 1; year++) {
      if (year > firstYear - 3) {
        growth = meanGrowth + f.revenueGrowthPersistence * (growth - meanGrowth) + sdGrowth * rng.normal();
        revenueRaw *= Math.exp(growth);
        logMargin = logMeanMargin + f.marginPersistence * (logMargin - logMeanMargin) + profile.marginShockSd * rng.normal();
        shareIndex *= Math.exp(shareDrift + 0.25 * f.balanceSheetNoiseSd * rng.normal());
      }
      const margin = Math.exp(logMargin);
      const totalAssets = round3(revenueRaw * assetsToRevenue * Math.exp(f.balanceSheetNoiseSd * rng.normal()));
      const periodEnd = monthEnd(year, month);
      years.push({
        year,
        periodEnd,
        revenue: round3(revenueRaw),
        operatingIncome: round3(revenueRaw * margin),
        netIncome: round3(revenueRaw * margin * (1 - f.taxRate) * Math.exp(f.netIncomeNoiseSd * rng.normal())),
        totalAssets,
        totalEquity: round3(totalAssets * equityToAssets * Math.exp(f.balanceSheetNoiseSd * rng.normal())),
        shareIndex,
        filedDate: dayNumberToIso(
          nextBusinessDay(isoToDayNumber(periodEnd) + Math.round(rng.uniform(params.rawFundamentals.filingLagDays[0], params.rawFundamentals.filingLagDays[1]))),
        ),
      });
    }

    // Scale the share count so that, on the first day with a price, price = P/E × trailing EPS.
    const firstPriceDay = inst.listingDate > firstDate ? inst.listingDate : firstDate;
    let trailing = years[0]!;
    for (const y of years) if (y.periodEnd < firstPriceDay) trailing = y;
    const shareScale = (priceEarnings * trailing.netIncome) / (startPrice * trailing.shareIndex);

    const periodEnds: string[] = [];
    const annualAlpha: number[] = [];
    for (let k = 1; k < years.length; k++) {
      const y = years[k]!;
      const prev = years[k - 1]!;
      const earningsGrowth = Math.log(y.netIncome / prev.netIncome);
      const clipped = Math.max(-f.earningsGrowthCap, Math.min(f.earningsGrowthCap, earningsGrowth));
      const driftAlpha = f.earningsDriftLoading * (clipped - f.earningsGrowthCentre);
      periodEnds.push(y.periodEnd);
      annualAlpha.push(driftAlpha);
      if (y.year >= firstYear - 1 && y.periodEnd <= lastDate && y.filedDate <= lastDate && y.filedDate >= inst.listingDate) {
        truth.push({
          ticker: inst.ticker,
          fiscalYear: y.year,
          fiscalYearEndMonth: month,
          periodEnd: y.periodEnd,
          filedDate: y.filedDate,
          revenue: y.revenue,
          operatingIncome: y.operatingIncome,
          netIncome: y.netIncome,
          totalAssets: y.totalAssets,
          totalEquity: y.totalEquity,
          sharesOutstanding: round3(y.shareIndex * shareScale),
          revenueGrowth: Math.log(y.revenue / prev.revenue),
          operatingMargin: y.operatingIncome / y.revenue,
          earningsGrowth,
          driftAlpha,
        });
      }
    }
    links.set(inst.ticker, { periodEnds, annualAlpha, startPrice });
  }
  return { truth, links };
}
