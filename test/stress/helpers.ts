/**
 * Test helpers for the stress layer: the fixture's 4-asset price table as a stress context.
 */
import type { DateTable } from "../../src/core/frame";
import type { InstrumentProfile } from "../../src/measures/instrument-profile";
import type { StressContext } from "../../src/stress/stress-context";
import type { StressPortfolio } from "../../src/stress/stress-portfolio";
import { readRiskExpected } from "../measures/helpers/expected";

export const expected = readRiskExpected();
const fx = expected.stress;

/** EQA, EQB (Tech equities), BND (bond, duration 7), GLD (commodity): 60 business days from 2023-01-02. */
export function fixturePrices(): DateTable {
  return { dates: [...fx.dates], tickers: [...fx.tickers], values: Float64Array.from(fx.prices) };
}

export const INSTRUMENTS: readonly InstrumentProfile[] = [
  { ticker: "EQA", assetClass: "equity", sector: "Tech" },
  { ticker: "EQB", assetClass: "equity", sector: "Tech" },
  { ticker: "BND", assetClass: "bond", sector: null, durationYears: 7 },
  { ticker: "GLD", assetClass: "commodity", sector: null },
];

export function fixtureContext(overrides: Partial<StressContext> = {}): StressContext {
  return { prices: fixturePrices(), instruments: INSTRUMENTS, ...overrides };
}

/** 30 % EQA, 20 % EQB, 40 % BND, 10 % GLD on 1,000,000. */
export function fixturePortfolio(): StressPortfolio {
  return { weights: { labels: [...fx.tickers], values: Float64Array.from(fx.weights) }, capital: fx.capital };
}

/** A price table in which every asset returns the same fixed daily return every day. */
export function constantPrices(daily: readonly number[], days: number): DateTable {
  const tickers = daily.map((_, j) => `C${j}`);
  const dates = Array.from({ length: days }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`);
  const values = new Float64Array(days * tickers.length);
  for (let i = 0; i < days; i++) for (let j = 0; j < tickers.length; j++) values[i * tickers.length + j] = 100 * (1 + daily[j]!) ** i;
  return { dates, tickers, values };
}
