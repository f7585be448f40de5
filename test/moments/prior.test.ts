import { describe, expect, it } from "vitest";
import { prior, priorOf } from "../../src/moments/prior";
import { meanHistoricalReturn } from "../../src/moments/expected-returns/mean-historical-return";
import { ledoitWolfConstantVariance } from "../../src/moments/risk-models/ledoit-wolf-constant-variance";
import { returnsFromPrices } from "../../src/core/returns-from-prices";
import { flat, maxRelativeError, readExpected, readPricesCsv } from "../optimise/helpers/fixtures";

const expected = readExpected();
const prices = readPricesCsv("prices.csv");

describe("prior", () => {
  it("holds PyPortfolioOpt's default estimates: geometric mean and sample covariance, to 1e-12", () => {
    const p = prior(prices);
    expect(p.expectedReturns.labels).toEqual(expected.tickers);
    expect(maxRelativeError(p.expectedReturns.values, expected.meanHistoricalReturn.geometric)).toBeLessThan(1e-12);
    expect(maxRelativeError(p.covariance.values, flat(expected.sampleCovariance.values))).toBeLessThan(1e-12);
    expect(p.expectedReturns.unit).toBe("fraction");
    expect(p.frequency).toBe(252);
    expect(p.volatilities.get(expected.tickers[0]!)).toBeCloseTo(Math.sqrt(p.covariance.get(expected.tickers[0]!, expected.tickers[0]!)), 15);
    expect(p.returns.values).toEqual(returnsFromPrices(prices).values);
    expect(p.description).toMatch(/^meanHistoricalReturn and sampleCovariance over /);
  });
  it("takes a window and estimators passed in, and keeps the shrinkage", () => {
    const p = prior(prices, { lookback: 250, covariance: ledoitWolfConstantVariance });
    const window = { ...prices, dates: prices.dates.slice(-251), values: prices.values.slice(-251 * prices.tickers.length) };
    expect(p.prices?.dates).toEqual(window.dates);
    expect(p.covariance.values).toEqual(ledoitWolfConstantVariance(window).values);
    expect(p.expectedReturns.values).toEqual(meanHistoricalReturn(window).values);
    expect(p.shrinkage).toBe(ledoitWolfConstantVariance(window).shrinkage);
    expect(p.description).toContain("ledoitWolfConstantVariance");
  });
  it("rejects a bad lookback and estimates that name other tickers", () => {
    expect(() => prior(prices, { lookback: 1 })).toThrow(/lookback 1 must be a whole number of periods ≥ 2/);
    const p = prior(prices);
    const shuffled = { labels: [...p.expectedReturns.labels].reverse(), values: p.expectedReturns.values };
    expect(() => priorOf({ ...p, expectedReturns: shuffled })).toThrow(/expected returns name .* first difference at position 0/);
  });
});
