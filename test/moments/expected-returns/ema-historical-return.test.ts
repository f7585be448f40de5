import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { DateTable } from "../../../src/core/frame";
import { emaHistoricalReturn } from "../../../src/moments/expected-returns/ema-historical-return";
import type { ExpectedReturnsEstimator } from "../../../src/moments/expected-returns/expected-returns-estimator";
import { copyTable } from "../../optimise/helpers/fixtures";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";

const expected = readEstimatorsExpected();
const { prices } = readEstimatorsPrices();
const table = (dates: string[], tickers: string[], values: number[]): DateTable => ({ dates, tickers, values: Float64Array.from(values) });

describe("emaHistoricalReturn", () => {
  it.each([
    ["span 500, compounded (defaults)", {}, "default"],
    ["span 60", { span: 60 }, "span60"],
    ["arithmetic", { span: 60, compounding: false }, "arithmetic"],
    ["log returns, compounded (PyPortfolioOpt's quirk)", { span: 60, logReturns: true }, "logReturns"],
    ["weekly frequency", { span: 30, frequency: 52 }, "weekly"],
  ] as const)("matches pypfopt's ema_historical_return on the fixture with gaps to 1e-10: %s", (_name, options, key) => {
    const mu = emaHistoricalReturn(prices, options);
    expect(mu.labels).toEqual(expected.tickers);
    expect(relativeError(mu.values, expected.emaHistoricalReturn[key])).toBeLessThan(1e-10);
  });

  it("weighs by position, ages across gaps and keeps a delisted stock's last average (hand example)", () => {
    // A: returns 0.1, −0.1, 0.1. B: 0.1, then a missing price (two missing returns), then 0.2 on d5 and nothing after.
    const p = table(["d1", "d2", "d3", "d4", "d5", "d6"], ["A", "B"], [100, 100, 110, 110, 99, NaN, 108.9, 120, 119.79, 144, 131.769, NaN]);
    const mu = emaHistoricalReturn(p, { span: 3, frequency: 1, compounding: false }); // decay 0.5
    // A: 0.1·0.25 … weights 0.0625, 0.125, 0.25, 0.5, 1 on returns 0.1, −0.1, 0.1, 0.1, 0.1 (d2…d6)
    const a = [110 / 100 - 1, 99 / 110 - 1, 108.9 / 99 - 1, 119.79 / 108.9 - 1, 131.769 / 119.79 - 1];
    const wa = [0.0625, 0.125, 0.25, 0.5, 1];
    expect(mu.values[0]).toBeCloseTo(a.reduce((s, r, i) => s + r * wa[i]!, 0) / wa.reduce((s, w) => s + w, 0), 15);
    // B: returns on d2 (0.1) and d5 (0.2); d6 missing. Weights as of d6: 0.0625 and 0.5 → as of d5: 0.125 and 1.
    expect(mu.values[1]).toBeCloseTo((0.1 * 0.125 + (144 / 120 - 1) * 1) / 1.125, 15);
  });

  it("can be passed around as an ExpectedReturnsEstimator", () => {
    const fast: ExpectedReturnsEstimator = (p) => emaHistoricalReturn(p, { span: 60 });
    expect(fast(prices).values).toEqual(emaHistoricalReturn(prices, { span: 60 }).values);
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    emaHistoricalReturn(prices, { span: 20, logReturns: true });
    expect(prices).toEqual(before);
  });

  it("throws InputError naming a short column, a bad span, a bad frequency or a bad price", () => {
    const p = table(["d1", "d2", "d3"], ["A", "NEWCO"], [100, NaN, 110, 20, 121, 21]);
    expect(() => emaHistoricalReturn(p)).toThrow(/emaHistoricalReturn: column NEWCO has 1 return observation/);
    expect(() => emaHistoricalReturn(prices, { span: 0.5 })).toThrow(/span 0.5 is not a number of periods ≥ 1/);
    expect(() => emaHistoricalReturn(prices, { span: NaN })).toThrow(InputError);
    expect(() => emaHistoricalReturn(prices, { frequency: -1 })).toThrow(/frequency -1/);
    expect(() => emaHistoricalReturn(table(["d1", "d2"], ["A"], [1, 0]))).toThrow(/emaHistoricalReturn: price of A on d2 is 0/);
  });
});
