import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { DateTable } from "../../../src/core/frame";
import { semicovariance } from "../../../src/moments/risk-models/semicovariance";
import type { RiskModel } from "../../../src/moments/risk-models/risk-model";
import { copyTable } from "../../optimise/helpers/fixtures";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";

const expected = readEstimatorsExpected().semicovariance;
const { prices } = readEstimatorsPrices();
const table = (dates: string[], tickers: string[], values: number[]): DateTable => ({ dates, tickers, values: Float64Array.from(values) });

describe("semicovariance", () => {
  it.each([
    ["benchmark 0 (default)", {}, "benchmark0"],
    ["PyPortfolioOpt's default benchmark 0.000079", { benchmark: 0.000079 }, "pypfoptDefault"],
    ["weekly, benchmark 0.001", { benchmark: 0.001, frequency: 52 }, "weekly"],
  ] as const)("matches pypfopt's semicovariance on the fixture with gaps to 1e-10: %s", (_name, options, key) => {
    const cov = semicovariance(prices, options);
    expect(cov.labels).toEqual(prices.tickers);
    expect(cov.repaired).toBe(expected[key].repaired);
    expect(relativeError(cov.values, expected[key].values)).toBeLessThan(1e-10);
  });

  it("averages products of shortfalls over all T rows, a missing return counting as no shortfall (hand example)", () => {
    // A: −0.1, 0.1, −0.05; B: missing, −0.1, −0.2 (listed on d2). T = 3 rows.
    const p = table(["d1", "d2", "d3", "d4"], ["A", "B"], [100, NaN, 90, 50, 99, 45, 94.05, 36]);
    const cov = semicovariance(p, { frequency: 1 });
    expect(cov.values[0]).toBeCloseTo((0.01 + 0 + 0.0025) / 3, 15);
    expect(cov.values[1]).toBeCloseTo((0 + 0 + -0.05 * -0.2) / 3, 15);
    expect(cov.values[3]).toBeCloseTo((0 + 0.01 + 0.04) / 3, 15);
    // Against a benchmark of 0.05, A falls short by 0.15, 0 and 0.1.
    const above = semicovariance(p, { frequency: 1, benchmark: 0.05 });
    expect(above.values[0]).toBeCloseTo((0.0225 + 0 + 0.01) / 3, 15);
  });

  it("can be passed around as a RiskModel", () => {
    const downside: RiskModel = (p) => semicovariance(p, { benchmark: 0.000079 });
    expect(downside(prices).values).toEqual(semicovariance(prices, { benchmark: 0.000079 }).values);
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    semicovariance(prices, { benchmark: 0.001, logReturns: true });
    expect(prices).toEqual(before);
  });

  it("throws InputError naming a short column, a bad benchmark or frequency, or a bad price", () => {
    expect(() => semicovariance(table(["d1", "d2", "d3"], ["A", "IPO"], [1, NaN, 1.1, NaN, 1.2, 5]))).toThrow(/semicovariance: column IPO has 0/);
    expect(() => semicovariance(prices, { benchmark: NaN })).toThrow(/benchmark NaN is not finite/);
    expect(() => semicovariance(prices, { frequency: 0 })).toThrow(InputError);
    expect(() => semicovariance(table(["d1", "d2"], ["A"], [1, Infinity]))).toThrow(/price of A on d2 is Infinity/);
  });
});
