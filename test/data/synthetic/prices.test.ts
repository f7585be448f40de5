import { describe, expect, it } from "vitest";
import { isoToDayNumber } from "../../../src/core/dates";
import { weekday, businessDays } from "../../../src/data/synthetic/calendar";
import type { EarningsLink } from "../../../src/data/synthetic/fundamentals";
import { resolveMarketParams, type MarketParams } from "../../../src/data/synthetic/params";
import { simulatePrices } from "../../../src/data/synthetic/prices";
import type { Instrument } from "../../../src/data/synthetic/universe";
import {
  annualVol,
  autocorrelation,
  correlation,
  crisisMask,
  defaultMarket,
  excessKurtosis,
  finite,
  logReturns,
  mean,
  median,
} from "./helpers";

const market = defaultMarket();
const { prices, instruments } = market;
const ofClass = (c: string): string[] => instruments.filter((i) => i.assetClass === c).map((i) => i.ticker);
const equities = ofClass("equity");
const returns = new Map(instruments.map((i) => [i.ticker, logReturns(market, i.ticker)]));
const r = (t: string): Float64Array => returns.get(t)!;
const mask = crisisMask(market);
const only = (x: Float64Array, crisis: 0 | 1): Float64Array => x.map((v, i) => (mask[i] === crisis ? v : Number.NaN));

describe("simulatePrices on the default market: shape", () => {
  it("covers ≥ 15 years of Monday–Friday business days, 2006-01-02 … 2025-12-31", () => {
    expect(prices.dates[0]).toBe("2006-01-02");
    expect(prices.dates[prices.dates.length - 1]).toBe("2025-12-31");
    expect(prices.dates.length).toBe(5218);
    expect(prices.dates.length / 261).toBeGreaterThanOrEqual(15);
    const wrong: string[] = [];
    for (let i = 0; i < prices.dates.length; i++) {
      const day = isoToDayNumber(prices.dates[i]!);
      const gap = i > 0 ? day - isoToDayNumber(prices.dates[i - 1]!) : 1;
      if (weekday(day) < 1 || weekday(day) > 5 || (i > 0 && gap !== (weekday(day) === 1 ? 3 : 1))) wrong.push(prices.dates[i]!);
    }
    expect(wrong).toEqual([]);
  });

  it("has one column per instrument and values.length = nDates × nTickers", () => {
    expect(prices.tickers).toEqual(instruments.map((i) => i.ticker));
    expect(prices.values.length).toBe(prices.dates.length * prices.tickers.length);
    expect(instruments.length).toBeGreaterThanOrEqual(40);
    expect(new Set(instruments.filter((i) => i.sector).map((i) => i.sector)).size).toBeGreaterThanOrEqual(8);
    expect(equities.length).toBeGreaterThanOrEqual(30);
    expect(ofClass("bond").length).toBe(2);
    expect(ofClass("commodity").length).toBe(1);
    expect(ofClass("reit").length).toBe(1);
    expect(ofClass("crypto").length).toBeGreaterThanOrEqual(2);
    expect(market.benchmark).toBe("MKTIDX");
  });

  it("is NaN exactly before each listing date and positive from it on", () => {
    const m = prices.tickers.length;
    const wrong: string[] = [];
    instruments.forEach((inst, j) => {
      for (let i = 0; i < prices.dates.length; i++) {
        const v = prices.values[i * m + j]!;
        const ok = prices.dates[i]! < inst.listingDate ? Number.isNaN(v) : v > 0 && Number.isFinite(v);
        if (!ok) wrong.push(`${inst.ticker} ${prices.dates[i]} ${v}`);
      }
    });
    expect(wrong).toEqual([]);
    const late = instruments.filter((i) => i.listingDate > prices.dates[0]!);
    expect(late.filter((i) => i.assetClass === "equity").length).toBeGreaterThanOrEqual(3);
    expect(late.filter((i) => i.assetClass === "crypto").length).toBe(2);
  });
});

describe("simulatePrices on the default market: realised statistics (docs/synthetic-market.md)", () => {
  it("equity annual vols: each in 15–50%, median in 20–40%", () => {
    const vols = equities.map((t) => annualVol(r(t)));
    for (const v of vols) {
      expect(v).toBeGreaterThan(0.15);
      expect(v).toBeLessThan(0.5);
    }
    expect(median(vols)).toBeGreaterThan(0.2);
    expect(median(vols)).toBeLessThan(0.4);
  });

  it("other classes' annual vols: short bond 2–5%, long bond 8–15%, commodity 12–30%, REIT 12–35%, crypto 50–100%, index 12–25%", () => {
    const by = (t: string): number => annualVol(r(t));
    const [short, long] = ofClass("bond").sort((a, b) => by(a) - by(b));
    expect(by(short!)).toBeGreaterThan(0.02);
    expect(by(short!)).toBeLessThan(0.05);
    expect(by(long!)).toBeGreaterThan(0.08);
    expect(by(long!)).toBeLessThan(0.15);
    for (const t of ofClass("commodity")) expect(by(t)).toBeGreaterThan(0.12), expect(by(t)).toBeLessThan(0.3);
    for (const t of ofClass("reit")) expect(by(t)).toBeGreaterThan(0.12), expect(by(t)).toBeLessThan(0.35);
    for (const t of ofClass("crypto")) expect(by(t)).toBeGreaterThan(0.5), expect(by(t)).toBeLessThan(1);
    expect(by("MKTIDX")).toBeGreaterThan(0.12);
    expect(by("MKTIDX")).toBeLessThan(0.25);
  });

  it("equity–equity correlation averages 0.3–0.6 and rises in crises", () => {
    const all: number[] = [];
    const calm: number[] = [];
    const crisis: number[] = [];
    for (let a = 0; a < equities.length; a++) {
      for (let b = a + 1; b < equities.length; b++) {
        all.push(correlation(r(equities[a]!), r(equities[b]!)));
        if ((a + b) % 4 === 0) {
          calm.push(correlation(only(r(equities[a]!), 0), only(r(equities[b]!), 0)));
          crisis.push(correlation(only(r(equities[a]!), 1), only(r(equities[b]!), 1)));
        }
      }
    }
    expect(mean(all)).toBeGreaterThan(0.3);
    expect(mean(all)).toBeLessThan(0.6);
    expect(mean(crisis)).toBeGreaterThan(mean(calm) + 0.1);
  });

  it("equity–bond correlation is low or negative in calm markets; bonds move with duration", () => {
    const long = ofClass("bond").find((t) => instruments.find((i) => i.ticker === t)!.durationYears! > 10)!;
    const calm = equities.map((t) => correlation(only(r(t), 0), only(r(long), 0)));
    expect(mean(calm)).toBeLessThan(0.05);
    expect(correlation(r("MKTIDX"), r(long))).toBeLessThan(0);
    expect(correlation(r("STBX"), r("LTBX"))).toBeGreaterThan(0.5);
  });

  it("crypto assets move together; the index tracks the market", () => {
    const [a, b] = ofClass("crypto");
    expect(correlation(r(a!), r(b!))).toBeGreaterThan(0.4);
    const eqMean = new Float64Array(prices.dates.length).map((_, i) => mean(equities.map((t) => r(t)[i]!).filter(Number.isFinite)));
    expect(correlation(eqMean, r("MKTIDX"))).toBeGreaterThan(0.8);
  });

  it("has fat tails: excess kurtosis of every equity's daily returns > 1", () => {
    for (const t of equities) expect(excessKurtosis(r(t))).toBeGreaterThan(1);
    expect(excessKurtosis(r("MKTIDX"))).toBeGreaterThan(1);
  });

  it("has volatility clustering: lag-1 autocorrelation of squared returns > 0.05", () => {
    const squared = (t: string): number[] => finite(r(t)).map((v) => v * v);
    expect(autocorrelation(squared("MKTIDX"), 1)).toBeGreaterThan(0.05);
    expect(median(equities.map((t) => autocorrelation(squared(t), 1)))).toBeGreaterThan(0.05);
  });

  it("crisis days are more volatile than calm days for every instrument but the bonds' carry", () => {
    expect(annualVol(only(r("MKTIDX"), 1))).toBeGreaterThan(1.5 * annualVol(only(r("MKTIDX"), 0)));
    for (const t of [...equities, ...ofClass("commodity"), ...ofClass("reit")]) {
      expect(annualVol(only(r(t), 1))).toBeGreaterThan(annualVol(only(r(t), 0)));
    }
  });

  it("has at least two crisis episodes, around 2008 and 2020", () => {
    const crises = market.regimes.filter((s) => s.kind === "crisis");
    expect(crises.length).toBeGreaterThanOrEqual(2);
    expect(crises.some((s) => s.start <= "2008-10-31" && s.end >= "2008-10-01")).toBe(true);
    expect(crises.some((s) => s.start <= "2020-03-31" && s.end >= "2020-03-01")).toBe(true);
    expect(market.regimes[0]!.start).toBe(prices.dates[0]);
    expect(market.regimes[market.regimes.length - 1]!.end).toBe(prices.dates[prices.dates.length - 1]);
  });
});

describe("simulatePrices: known answers", () => {
  // A noiseless market: every volatility 0, so each log return is its drift.
  const base = resolveMarketParams();
  const quiet: MarketParams = {
    ...base,
    market: { vol: 0, drift: 0.0252 },
    rates: { ...base.rates, vol: 0, meanReversion: 0, initialYield: 0.0504 },
    regimes: { ...base.regimes, crisisMarketDrift: -0.252 },
    sectors: { Energy: { ...base.sectors.Energy!, factorVol: 0 } },
    instruments: [
      { ticker: "IDXX", name: "Index", assetClass: "index", listingDate: "2000-01-03", marketBeta: 1, initialPrice: 100 },
      { ticker: "BNDX", name: "Bond", assetClass: "bond", listingDate: "2000-01-03", durationYears: 10, initialPrice: 50 },
    ],
  };
  const inst = (ticker: string, assetClass: Instrument["assetClass"], over: Partial<Instrument>): Instrument => ({
    ticker, name: ticker, assetClass, sector: null, listingDate: "2000-01-03", durationYears: null, fiscalYearEndMonth: null,
    marketBeta: 0, factorLoading: 0, idiosyncraticVol: 0, drift: 0, ...over,
  });
  const universe: Instrument[] = [
    inst("EQX", "equity", { sector: "Energy", listingDate: "2024-01-04", marketBeta: 2, factorLoading: 1, fiscalYearEndMonth: 12 }),
    inst("BNDX", "bond", { durationYears: 10 }),
    inst("IDXX", "index", { marketBeta: 1 }),
  ];
  const dates = businessDays("2024-01-01", "2024-01-12");
  const links = new Map<string, EarningsLink>([["EQX", { periodEnds: ["2024-12-31"], annualAlpha: [0.252], startPrice: 40 }]]);

  it("compounds the drifts exactly, with NaN before listing", () => {
    const calm = new Uint8Array(dates.length);
    const table = simulatePrices(quiet, universe, dates, calm, links);
    const m = 3;
    dates.forEach((_, t) => {
      expect(table.values[t * m + 2]).toBeCloseTo(100 * Math.exp(0.0001 * t), 10); // index: 0.0252 / 252
      expect(table.values[t * m + 1]).toBeCloseTo(50 * Math.exp(0.0002 * t), 10); // bond: carry 0.0504 / 252, no yield change
      if (t < 3) expect(table.values[t * m]).toBeNaN(); // listed on the 4th business day
      else expect(table.values[t * m]).toBeCloseTo(40 * Math.exp((2 * 0.0001 + 0.001) * (t - 3)), 10); // 2β·market + α/252
    });
  });

  it("uses the crisis drift on crisis days and does not change its inputs", () => {
    const states = new Uint8Array(dates.length).fill(1);
    const frozenDates = Object.freeze(dates.slice());
    const table = simulatePrices(quiet, universe, frozenDates, states, links);
    expect(table.values[3 * 3 + 2]).toBeCloseTo(100 * Math.exp(-0.001 * 3), 10);
    expect(Array.from(states).every((s) => s === 1)).toBe(true);
    expect(links.get("EQX")!.annualAlpha).toEqual([0.252]);
  });
});
