import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { DateTable } from "../../../src/core/frame";
import { exponentialCovariance } from "../../../src/moments/risk-models/exponential-covariance";
import type { RiskModel } from "../../../src/moments/risk-models/risk-model";
import { copyTable } from "../../optimise/helpers/fixtures";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";

const expected = readEstimatorsExpected().exponentialCovariance;
const { prices, complete, delisted } = readEstimatorsPrices();
const table = (dates: string[], tickers: string[], values: number[]): DateTable => ({ dates, tickers, values: Float64Array.from(values) });

describe("exponentialCovariance", () => {
  it.each([
    ["span 180 (default), with gaps", prices, {}, "span180"],
    ["span 30, with gaps", prices, { span: 30 }, "span30"],
    ["log returns, span 60", prices, { span: 60, logReturns: true }, "logReturns"],
    ["complete data, span 50", complete, { span: 50 }, "completeSpan50"],
    ["a stock delisted 760 rows before the end, span 2 (weights underflow: pandas' recursion)", delisted, { span: 2 }, "delistedSpan2"],
  ] as const)("matches pypfopt's exp_cov to 1e-10: %s", (_name, p, options, key) => {
    const cov = exponentialCovariance(p, options);
    expect(cov.labels).toEqual(p.tickers);
    expect(cov.repaired).toBe(expected[key].repaired);
    expect(relativeError(cov.values, expected[key].values)).toBeLessThan(1e-10);
  });

  it("centres each column on its own mean and weighs shared dates by position (hand example)", () => {
    // A: 0.1, −0.1, 0.1 (mean 1/30); B listed on d2: −0.1, 0.2 (mean 0.05); span 3 → weights 0.25, 0.5, 1.
    const p = table(["d1", "d2", "d3", "d4"], ["A", "B"], [100, NaN, 110, 50, 99, 45, 108.9, 54]);
    const cov = exponentialCovariance(p, { span: 3, frequency: 1 });
    const a = [0.1 - 1 / 30, -0.1 - 1 / 30, 0.1 - 1 / 30];
    const b = [-0.1 - 0.05, 0.2 - 0.05];
    expect(cov.values[0]).toBeCloseTo((0.25 * a[0]! ** 2 + 0.5 * a[1]! ** 2 + a[2]! ** 2) / 1.75, 15);
    expect(cov.values[1]).toBeCloseTo((0.5 * a[1]! * b[0]! + a[2]! * b[1]!) / 1.5, 15);
    expect(cov.values[3]).toBeCloseTo((0.5 * b[0]! ** 2 + b[1]! ** 2) / 1.5, 15);
  });

  it("can be passed around as a RiskModel", () => {
    const recent: RiskModel = (p) => exponentialCovariance(p, { span: 60 });
    expect(recent(complete).values).toEqual(exponentialCovariance(complete, { span: 60 }).values);
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    exponentialCovariance(prices, { span: 20 });
    expect(prices).toEqual(before);
  });

  it("throws InputError naming a pair never observed together, a short column, or a bad span", () => {
    const disjoint = table(["d1", "d2", "d3", "d4", "d5", "d6"], ["OLD", "NEW"], [1, NaN, 1.1, NaN, 1.2, NaN, NaN, 2, NaN, 2.1, NaN, 2.2]);
    expect(() => exponentialCovariance(disjoint)).toThrow(/NEW and OLD are never observed on the same date/);
    expect(() => exponentialCovariance(table(["d1", "d2", "d3"], ["A", "IPO"], [1, NaN, 1.1, NaN, 1.2, 5]))).toThrow(/column IPO has 0/);
    expect(() => exponentialCovariance(prices, { span: 0 })).toThrow(/exponentialCovariance: span 0/);
    expect(() => exponentialCovariance(prices, { frequency: NaN })).toThrow(InputError);
  });
});
