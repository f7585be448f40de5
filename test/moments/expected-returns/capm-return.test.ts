import { describe, expect, it } from "vitest";
import { InputError, NumericalError } from "../../../src/core/errors";
import type { DateTable } from "../../../src/core/frame";
import { capmReturn } from "../../../src/moments/expected-returns/capm-return";
import { copyTable } from "../../optimise/helpers/fixtures";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";

const expected = readEstimatorsExpected();
const { prices, market } = readEstimatorsPrices();
const table = (dates: string[], tickers: string[], values: number[]): DateTable => ({ dates, tickers, values: Float64Array.from(values) });

describe("capmReturn", () => {
  it.each([
    ["equal-weighted market (default)", {}, "equalWeightedMarket"],
    ["market prices, left-joined on the asset dates", { marketPrices: market }, "marketPrices"],
    ["market prices and a risk-free rate", { marketPrices: market, riskFreeRate: 0.02 }, "riskFree"],
    ["arithmetic market mean", { riskFreeRate: 0.02, compounding: false }, "arithmetic"],
    ["log returns", { marketPrices: market, logReturns: true }, "logReturns"],
  ] as const)("matches pypfopt's capm_return on the fixture with gaps to 1e-10: %s", (_name, options, key) => {
    const mu = capmReturn(prices, options);
    expect(mu.labels).toEqual(expected.tickers);
    expect(relativeError(mu.values, expected.capmReturn[key])).toBeLessThan(1e-10);
  });

  it("is R_f + β (E(R_m) − R_f) with β from the covariance with the market (hand example)", () => {
    // A moves 10 %, −10 %, 10 %; B half as much; the equal-weighted market 7.5 %, −7.5 %, 7.5 %: β = 4/3 and 2/3.
    const p = table(["d1", "d2", "d3", "d4"], ["A", "B"], [100, 100, 110, 105, 99, 99.75, 108.9, 104.7375]);
    const arithmetic = capmReturn(p, { frequency: 3, compounding: false, riskFreeRate: 0.01 });
    const marketMean = ((0.075 - 0.075 + 0.075) / 3) * 3;
    expect(arithmetic.values[0]).toBeCloseTo(0.01 + (4 / 3) * (marketMean - 0.01), 14);
    expect(arithmetic.values[1]).toBeCloseTo(0.01 + (2 / 3) * (marketMean - 0.01), 14);
    const geometric = capmReturn(p, { frequency: 3 });
    expect(geometric.values[0]).toBeCloseTo((4 / 3) * (1.075 * 0.925 * 1.075 - 1), 14);
  });

  it("uses a given market index, ignoring market dates the assets lack", () => {
    const p = table(["d1", "d2", "d3", "d4"], ["A"], [100, 110, 99, 108.9]);
    // The market has an extra date d2b: its return is dropped, and its d3 return is measured from d2b (pct_change on
    // the market's own dates, then a left join on the asset dates).
    const m = table(["d1", "d2", "d2b", "d3", "d4"], ["MKT"], [50, 55, 60, 49.5, 54.45]);
    const mu = capmReturn(p, { marketPrices: m, frequency: 3, compounding: false });
    const rm = [0.1, 49.5 / 60 - 1, 0.1];
    const ra = [0.1, -0.1, 0.1];
    const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
    const cov = (x: number[], y: number[]) => x.reduce((s, v, i) => s + (v - mean(x)) * (y[i]! - mean(y)), 0) / (x.length - 1);
    expect(mu.values[0]).toBeCloseTo((cov(ra, rm) / cov(rm, rm)) * mean(rm) * 3, 14);
  });

  it("does not modify its inputs", () => {
    const before = copyTable(prices);
    const marketBefore = copyTable(market);
    capmReturn(prices, { marketPrices: market, riskFreeRate: 0.02 });
    expect(prices).toEqual(before);
    expect(market).toEqual(marketBefore);
  });

  it("throws typed errors naming the bad input", () => {
    expect(() => capmReturn(prices, { marketPrices: prices })).toThrow(/capmReturn: marketPrices has 6 columns/);
    const p = table(["d1", "d2", "d3"], ["A", "B"], [100, 50, 110, 55, 121, 60]);
    const farMarket = table(["e1", "e2", "e3"], ["MKT"], [1, 2, 3]);
    expect(() => capmReturn(p, { marketPrices: farMarket })).toThrow(/the market has 0 returns on the dates of the asset returns/);
    const flat = table(["d1", "d2", "d3"], ["MKT"], [5, 5, 5]);
    expect(() => capmReturn(p, { marketPrices: flat })).toThrow(NumericalError);
    expect(() => capmReturn(p, { riskFreeRate: NaN })).toThrow(/riskFreeRate NaN is not finite/);
    expect(() => capmReturn(p, { marketPrices: table(["d1", "d2"], ["MKT"], [1, -1]) })).toThrow(/capmReturn: marketPrices: price of MKT on d2 is -1/);
    // An asset that trades only while the market index is missing has no beta.
    const late = table(["d1", "d2", "d3", "d4", "d5"], ["A", "LATE"], [100, NaN, 110, NaN, 121, 10, 133, 11, 140, 12]);
    const m = table(["d1", "d2", "d3"], ["MKT"], [10, 11, 12]);
    expect(() => capmReturn(late, { marketPrices: m })).toThrow(/LATE and the market are both observed on fewer than 2 dates/);
    expect(() => capmReturn(late, { marketPrices: m })).toThrow(InputError);
  });
});
