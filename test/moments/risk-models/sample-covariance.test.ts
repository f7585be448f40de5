import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { DateTable } from "../../../src/core/frame";
import { sampleCovariance } from "../../../src/moments/risk-models/sample-covariance";
import type { RiskModel } from "../../../src/moments/risk-models/risk-model";
import { copyTable, flat, maxRelativeError, readExpected, readPricesCsv } from "../../optimise/helpers/fixtures";

const expected = readExpected();
const prices = readPricesCsv("prices.csv");
const table = (dates: string[], tickers: string[], values: number[]): DateTable => ({ dates, tickers, values: Float64Array.from(values) });

describe("sampleCovariance", () => {
  it("matches pypfopt's sample_cov (df.cov() × 252, pairwise complete) on the fixture to 1e-10", () => {
    const cov = sampleCovariance(prices);
    expect(cov.labels).toEqual(expected.tickers);
    expect(cov.repaired).toBe(expected.sampleCovariance.repaired);
    expect(maxRelativeError(cov.values, flat(expected.sampleCovariance.values))).toBeLessThan(1e-10);
  });

  it("matches with log returns to 1e-10", () => {
    const cov = sampleCovariance(prices, { logReturns: true });
    expect(cov.repaired).toBe(expected.sampleCovariance.logRepaired);
    expect(maxRelativeError(cov.values, flat(expected.sampleCovariance.logValues))).toBeLessThan(1e-10);
  });

  it("repairs the indefinite fixture like fix_nonpositive_semidefinite and flags it", () => {
    const cov = sampleCovariance(readPricesCsv("prices-indefinite.csv"));
    expect(cov.repaired).toBe(true);
    expect(cov.minEigenvalue!).toBeCloseTo(expected.indefinite.rawMinEigenvalue, 12);
    expect(maxRelativeError(cov.values, flat(expected.indefinite.covariance))).toBeLessThan(1e-10);
  });

  it("scales linearly with frequency (hand example: 2 assets, 3 returns)", () => {
    const p = table(["d1", "d2", "d3", "d4"], ["A", "B"], [100, 50, 101, 50.5, 100, 50, 102, 51]);
    const daily = sampleCovariance(p, { frequency: 1 });
    // A: returns 0.01, −0.0099…, 0.02; B: 0.01, −0.0099…, 0.02 scaled the same → identical columns.
    const ra = [101 / 100 - 1, 100 / 101 - 1, 102 / 100 - 1];
    const mean = (ra[0]! + ra[1]! + ra[2]!) / 3;
    const variance = ra.reduce((s, r) => s + (r - mean) ** 2, 0) / 2;
    expect(daily.values[0]).toBeCloseTo(variance, 16);
    expect(daily.values[1]).toBeCloseTo(variance, 16);
    const annual = sampleCovariance(p);
    expect(annual.values[0]).toBeCloseTo(variance * 252, 14);
  });

  it("can be passed around as a RiskModel", () => {
    const weekly: RiskModel = (p) => sampleCovariance(p, { frequency: 52 });
    const cov = weekly(prices);
    expect(cov.values[0]).toBeCloseTo((flat(expected.sampleCovariance.values)[0]! * 52) / 252, 14);
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    sampleCovariance(prices);
    expect(prices).toEqual(before);
  });

  it("throws InputError for too few observations, a non-overlapping pair, bad prices and a bad frequency", () => {
    expect(() => sampleCovariance(table(["d1", "d2", "d3"], ["A", "IPO"], [1, NaN, 1.1, NaN, 1.2, 5]))).toThrow(/column IPO has 0 return observations/);
    const disjoint = table(["d1", "d2", "d3", "d4", "d5", "d6"], ["OLD", "NEW"], [1, NaN, 1.1, NaN, 1.2, NaN, 1.1, 2, NaN, 2.1, NaN, 2.2]);
    expect(() => sampleCovariance(disjoint)).toThrow(/NEW and OLD are both observed on 0 dates/);
    expect(() => sampleCovariance(table(["d1", "d2"], ["A"], [1, -1]))).toThrow(/price of A on d2 is -1/);
    expect(() => sampleCovariance(prices, { frequency: -252 })).toThrow(InputError);
  });
});
