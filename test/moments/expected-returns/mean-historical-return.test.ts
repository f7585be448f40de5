import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { DateTable } from "../../../src/core/frame";
import { meanHistoricalReturn } from "../../../src/moments/expected-returns/mean-historical-return";
import type { ExpectedReturnsEstimator } from "../../../src/moments/expected-returns/expected-returns-estimator";
import { copyTable, maxRelativeError, readExpected, readPricesCsv } from "../../optimise/helpers/fixtures";

const expected = readExpected();
const prices = readPricesCsv("prices.csv");
const table = (dates: string[], tickers: string[], values: number[]): DateTable => ({ dates, tickers, values: Float64Array.from(values) });

describe("meanHistoricalReturn", () => {
  it.each([
    ["geometric (default)", {}, "geometric"],
    ["arithmetic", { compounding: false }, "arithmetic"],
    ["log returns, compounded (PyPortfolioOpt's quirk)", { logReturns: true }, "logGeometric"],
    ["log returns, arithmetic", { logReturns: true, compounding: false }, "logArithmetic"],
    ["weekly frequency", { frequency: 52 }, "weekly"],
  ] as const)("matches pypfopt's formula on the fixture to 1e-10: %s", (_name, options, key) => {
    const mu = meanHistoricalReturn(prices, options);
    expect(mu.labels).toEqual(expected.tickers);
    expect(maxRelativeError(mu.values, Float64Array.from(expected.meanHistoricalReturn[key]))).toBeLessThan(1e-10);
  });

  it("compounds over each column's own observations (hand example with a late lister)", () => {
    // A: +10 % each period; B lists on d2, then +10 % and −10 %.
    const p = table(["d1", "d2", "d3"], ["A"], [100, 110, 121]);
    const q = table(["d1", "d2", "d3", "d4"], ["A", "B"], [100, NaN, 110, 50, 121, 55, 133.1, 49.5]);
    expect(meanHistoricalReturn(p, { frequency: 2 }).values[0]).toBeCloseTo(0.21, 14);
    const mu = meanHistoricalReturn(q, { frequency: 4 });
    expect(mu.values[0]).toBeCloseTo(1.1 ** 4 - 1, 13); // 3 returns of 10 %, annualised to 4 periods
    expect(mu.values[1]).toBeCloseTo((1.1 * 0.9) ** (4 / 2) - 1, 13); // B: 2 returns
    const arithmetic = meanHistoricalReturn(q, { frequency: 4, compounding: false });
    expect(arithmetic.values[1]).toBeCloseTo(((0.1 - 0.1) / 2) * 4, 13);
  });

  it("can be passed around as an ExpectedReturnsEstimator", () => {
    const estimators: ExpectedReturnsEstimator[] = [meanHistoricalReturn, (p) => meanHistoricalReturn(p, { compounding: false })];
    expect(estimators.map((f) => f(prices).labels)).toEqual([expected.tickers, expected.tickers]);
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    meanHistoricalReturn(prices);
    meanHistoricalReturn(prices, { logReturns: true, compounding: false });
    expect(prices).toEqual(before);
  });

  it("throws InputError naming a column with fewer than 2 returns", () => {
    const p = table(["d1", "d2", "d3"], ["A", "NEWCO"], [100, NaN, 110, 20, 121, 21]);
    expect(() => meanHistoricalReturn(p)).toThrow(/column NEWCO has 1 return observation; pass at least 2/);
    const q = table(["d1", "d2", "d3"], ["A", "LAST"], [100, NaN, 110, NaN, 121, 21]);
    expect(() => meanHistoricalReturn(q)).toThrow(/column LAST has 0 return observations/);
  });

  it("throws InputError for an all-NaN column, a bad price or a bad frequency", () => {
    expect(() => meanHistoricalReturn(table(["d1", "d2"], ["A", "B"], [1, NaN, 2, NaN]))).toThrow(/column B has no prices/);
    expect(() => meanHistoricalReturn(table(["d1", "d2"], ["A"], [1, 0]))).toThrow(InputError);
    expect(() => meanHistoricalReturn(prices, { frequency: 0 })).toThrow(/frequency 0/);
    expect(() => meanHistoricalReturn(prices, { frequency: NaN })).toThrow(InputError);
  });
});
