/**
 * Daily adjusted closes from a factor model with GARCH volatility
 * clustering, Student-t tails and calm / crisis regimes.
 *
 * Daily log return of instrument i on day t (vol multipliers `k` apply in crisis only):
 *
 * | class     | return                                                                   |
 * |-----------|--------------------------------------------------------------------------|
 * | equity    | β·M + γ·S(sector) + α(fiscal year)/252 + σ_i·k_idio·u_i                   |
 * | bond      | y[t−1]/252 − D·Δy + σ_i·k_idio·u_i                                       |
 * | commodity | β·M + C + drift/252 (calm) + σ_i·k_idio·u_i                              |
 * | reit      | β·M + F + drift/252 (calm) + σ_i·k_idio·u_i                              |
 * | crypto    | β·M + X + drift/252 (calm) + σ_i·k_idio·u_i                              |
 * | index     | β·M + drift/252 (calm) + σ_i·k_idio·u_i                                  |
 *
 * with the market factor `M = μ(regime)/252 + σ_M·k_M·u_M/√252`, sector and
 * asset-class factors `σ·k_f·u/√252`, the yield change
 * `Δy = κ(θ − y)/252 + σ_y·k_f·(ρ(regime)·u_M + √(1 − ρ²)·u_y)/√252` (floored
 * yield), and every `u` an independent unit-variance GARCH(1,1) series with
 * Student-t innovations (the crypto factor and crypto noise use `tails.cryptoDf`).
 */
import type { DateTable } from "../../core/index";
import { createRng, deriveSeed } from "../../core/index";
import type { EarningsLink } from "./fundamentals";
import { garchShocks } from "./garch";
import type { MarketParams } from "./params";
import { CRISIS } from "./regimes";
import type { Instrument } from "./universe";

const DAYS = 252;
const ROOT_DAYS = Math.sqrt(DAYS);

/**
 * Simulates the clean adjusted-close table.
 *
 * Each factor and each instrument's noise draws from its own stream seeded by
 * `(seed, label)`, so an instrument's path does not depend on which other
 * instruments are simulated. An instrument's first price (on its listing day,
 * or the first calendar day) is its `initialPrice` (equities: the link's
 * `startPrice`); earlier rows are `NaN`.
 *
 * @param params - resolved parameters.
 * @param instruments - the universe (see `buildUniverse`).
 * @param dates - the business-day calendar (ISO, ascending).
 * @param states - regime per date (see `simulateRegimes`).
 * @param earnings - drift schedule and first price per equity ticker (see `simulateFundamentals`).
 * @returns prices, USD, shape `dates.length × instruments.length`, `NaN` before listing.
 * @example
 * ```ts
 * const prices = simulatePrices(params, universe, dates, states, fundamentals.links);
 * cell(prices, 0, prices.tickers.indexOf("MKTIDX")); // => 100
 * ```
 */
export function simulatePrices(
  params: MarketParams,
  instruments: readonly Instrument[],
  dates: readonly string[],
  states: Uint8Array,
  earnings: ReadonlyMap<string, EarningsLink>,
): DateTable {
  const n = dates.length;
  const m = instruments.length;
  const { garch, tails, regimes } = params;
  const shocks = (label: string, df: number): Float64Array =>
    garchShocks(n, garch.alpha, garch.beta, df, createRng(deriveSeed(params.seed, label)));
  const factorMultiplier = (t: number): number => (states[t] === CRISIS ? regimes.factorVolMultiplier : 1);

  // Market factor.
  const uMarket = shocks("factor:market", tails.factorDf);
  const market = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const crisis = states[t] === CRISIS;
    market[t] =
      (crisis ? regimes.crisisMarketDrift : params.market.drift) / DAYS +
      (params.market.vol / ROOT_DAYS) * (crisis ? regimes.marketVolMultiplier : 1) * uMarket[t]!;
  }

  // Zero-mean factors, built on first use.
  const factorCache = new Map<string, Float64Array>();
  const factor = (label: string, annualVol: number, df: number): Float64Array => {
    let series = factorCache.get(label);
    if (!series) {
      const u = shocks(`factor:${label}`, df);
      series = new Float64Array(n);
      for (let t = 0; t < n; t++) series[t] = (annualVol / ROOT_DAYS) * factorMultiplier(t) * u[t]!;
      factorCache.set(label, series);
    }
    return series;
  };

  // Rates: carry (yesterday's yield / 252) and yield change per day.
  const carry = new Float64Array(n);
  const yieldChange = new Float64Array(n);
  {
    const r = params.rates;
    const uRates = shocks("factor:rates", tails.factorDf);
    let y = r.initialYield;
    for (let t = 0; t < n; t++) {
      const rho = states[t] === CRISIS ? regimes.ratesMarketCorrelation : r.marketCorrelation;
      const shock = (r.vol / ROOT_DAYS) * factorMultiplier(t) * (rho * uMarket[t]! + Math.sqrt(1 - rho * rho) * uRates[t]!);
      const next = Math.max(r.floor, y + (r.meanReversion * (r.longRunYield - y)) / DAYS + shock);
      carry[t] = y / DAYS;
      yieldChange[t] = next - y;
      y = next;
    }
  }

  const values = new Float64Array(n * m).fill(NaN);
  const specByTicker = new Map(params.instruments.map((s) => [s.ticker, s]));
  for (let j = 0; j < m; j++) {
    const inst = instruments[j]!;
    const isCrypto = inst.assetClass === "crypto";
    const u = shocks(`idio:${inst.ticker}`, isCrypto ? tails.cryptoDf : tails.idiosyncraticDf);
    const idioSd = inst.idiosyncraticVol / ROOT_DAYS;
    let classFactor: Float64Array | null = null;
    if (inst.assetClass === "equity") classFactor = factor(`sector:${inst.sector}`, params.sectors[inst.sector!]!.factorVol, tails.factorDf);
    else if (inst.assetClass === "commodity") classFactor = factor("commodity", params.assetClassFactors.commodityVol, tails.factorDf);
    else if (inst.assetClass === "reit") classFactor = factor("reit", params.assetClassFactors.reitVol, tails.factorDf);
    else if (isCrypto) classFactor = factor("crypto", params.assetClassFactors.cryptoVol, tails.cryptoDf);
    const link = inst.assetClass === "equity" ? earnings.get(inst.ticker) : undefined;
    const startPrice = link ? link.startPrice : (specByTicker.get(inst.ticker)?.initialPrice ?? 100);
    const duration = inst.durationYears ?? 0;
    const ownDrift = inst.drift / DAYS;

    let first = 0;
    while (first < n && dates[first]! < inst.listingDate) first++;
    if (first === n) continue;
    let k = 0; // index into link.periodEnds
    let price = startPrice;
    values[first * m + j] = price;
    for (let t = first + 1; t < n; t++) {
      const crisis = states[t] === CRISIS;
      let r = (inst.idiosyncraticVol === 0 ? 0 : idioSd * (crisis ? regimes.idiosyncraticVolMultiplier : 1) * u[t]!) + inst.marketBeta * market[t]!;
      if (classFactor) r += inst.factorLoading * classFactor[t]!;
      if (link) {
        const date = dates[t]!;
        while (k < link.periodEnds.length - 1 && link.periodEnds[k]! < date) k++;
        r += link.annualAlpha[k]! / DAYS;
      } else if (!crisis) {
        r += ownDrift;
      }
      if (inst.assetClass === "bond") r += carry[t]! - duration * yieldChange[t]!;
      price *= Math.exp(r);
      values[t * m + j] = price;
    }
  }
  return { dates: dates.slice(), tickers: instruments.map((i) => i.ticker), values };
}
