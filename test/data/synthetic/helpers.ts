/**
 * Shared helpers of the synthetic-market tests: the default market (built
 * once per test file), a byte-exact digest, and small statistics.
 */
import { createHash } from "node:crypto";
import { generateMarket, type SyntheticMarket } from "../../../src/data/synthetic";

let cached: SyntheticMarket | null = null;

/** The default market, generated once per test file. */
export function defaultMarket(): SyntheticMarket {
  cached ??= generateMarket();
  return cached;
}

/** Serialises every output of a market as CSV-like lines (full double precision), in a fixed order. */
export function* marketLines(market: SyntheticMarket): Generator<string> {
  const { prices } = market;
  const m = prices.tickers.length;
  yield `date,${prices.tickers.join(",")}`;
  for (let i = 0; i < prices.dates.length; i++) {
    let line = prices.dates[i]!;
    for (let j = 0; j < m; j++) line += `,${prices.values[i * m + j]}`;
    yield line;
  }
  for (const r of market.rawPrices) yield `${r.source},${r.line},${r.ticker},${r.date},${r.close},${r.adjClose},${r.volume}`;
  for (const r of market.rawFundamentals) yield Object.values(r).join(",");
  for (const r of market.fundamentalsTruth) yield Object.values(r).join(",");
  yield JSON.stringify(market.instruments);
  yield JSON.stringify(market.regimes);
  yield JSON.stringify(market.tickerChanges);
  yield JSON.stringify(market.defects);
}

/** SHA-256 (hex) of the CSV text of {@link marketLines} (lines joined by "\n"), hashed in chunks. */
export function marketDigest(market: SyntheticMarket): string {
  const hash = createHash("sha256");
  let chunk: string[] = [];
  let firstLine = true;
  for (const line of marketLines(market)) {
    chunk.push(firstLine ? line : `\n${line}`);
    firstLine = false;
    if (chunk.length === 4096) {
      hash.update(chunk.join(""));
      chunk = [];
    }
  }
  hash.update(chunk.join(""));
  return hash.digest("hex");
}

/** Daily log returns of one column (`NaN` where either price is missing); index 0 is `NaN`. */
export function logReturns(market: SyntheticMarket, ticker: string): Float64Array {
  const { prices } = market;
  const j = prices.tickers.indexOf(ticker);
  if (j < 0) throw new Error(`no column ${ticker}`);
  const m = prices.tickers.length;
  const n = prices.dates.length;
  const out = new Float64Array(n).fill(NaN);
  for (let i = 1; i < n; i++) out[i] = Math.log(prices.values[i * m + j]! / prices.values[(i - 1) * m + j]!);
  return out;
}

/** The finite values. */
export function finite(x: ArrayLike<number>): number[] {
  return Array.from(x).filter((v) => Number.isFinite(v));
}

export function mean(x: readonly number[]): number {
  return x.reduce((a, b) => a + b, 0) / x.length;
}

/** Sample standard deviation (ddof 1). */
export function std(x: readonly number[]): number {
  const mu = mean(x);
  return Math.sqrt(x.reduce((a, b) => a + (b - mu) ** 2, 0) / (x.length - 1));
}

/** Annualised volatility of daily log returns (√252 · sd). */
export function annualVol(returns: ArrayLike<number>): number {
  return std(finite(returns)) * Math.sqrt(252);
}

/** Excess kurtosis (population moments). */
export function excessKurtosis(returns: ArrayLike<number>): number {
  const x = finite(returns);
  const mu = mean(x);
  const m2 = x.reduce((a, b) => a + (b - mu) ** 2, 0) / x.length;
  const m4 = x.reduce((a, b) => a + (b - mu) ** 4, 0) / x.length;
  return m4 / (m2 * m2) - 3;
}

/** Lag-`lag` autocorrelation of a series (finite values, in order). */
export function autocorrelation(series: ArrayLike<number>, lag: number): number {
  const x = finite(series);
  const mu = mean(x);
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    den += (x[i]! - mu) ** 2;
    if (i >= lag) num += (x[i]! - mu) * (x[i - lag]! - mu);
  }
  return num / den;
}

/** Pearson correlation over the indices where both are finite. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) {
      x.push(a[i]!);
      y.push(b[i]!);
    }
  }
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export function median(x: readonly number[]): number {
  const s = x.slice().sort((p, q) => p - q);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

/** 1 for crisis days, 0 for calm days, per row of the price table. */
export function crisisMask(market: SyntheticMarket): Uint8Array {
  const dates = market.prices.dates;
  const mask = new Uint8Array(dates.length);
  let i = 0;
  for (const span of market.regimes) {
    while (i < dates.length && dates[i]! <= span.end) mask[i++] = span.kind === "crisis" ? 1 : 0;
  }
  return mask;
}

/** Deep-freezes a value (to check that a function does not change its input). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
