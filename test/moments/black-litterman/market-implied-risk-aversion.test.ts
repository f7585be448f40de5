import { describe, expect, it } from "vitest";
import { InputError, NumericalError } from "../../../src/core/errors";
import { marketImpliedRiskAversion } from "../../../src/moments/black-litterman/market-implied-risk-aversion";
import { copyTable } from "../../optimise/helpers/fixtures";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";

const expected = readEstimatorsExpected().blackLitterman;
const { market, prices } = readEstimatorsPrices();

describe("marketImpliedRiskAversion", () => {
  it("matches pypfopt's market_implied_risk_aversion to 1e-8", () => {
    expect(relativeError([marketImpliedRiskAversion(market, { riskFreeRate: 0.02 })], expected.riskAversion)).toBeLessThan(1e-8);
    expect(relativeError([marketImpliedRiskAversion(market)], expected.riskAversionNoRiskFree)).toBeLessThan(1e-8);
    expect(relativeError([marketImpliedRiskAversion(market, { frequency: 52, riskFreeRate: 0.001 })], expected.riskAversionWeekly)).toBeLessThan(1e-8);
  });

  it("is (mean·f − r_f) / (var·f) with ddof 1 (hand example), and may be negative", () => {
    const spy = { dates: ["d1", "d2", "d3", "d4"], tickers: ["SPY"], values: Float64Array.from([100, 102, 100.98, 102.9996]) };
    expect(marketImpliedRiskAversion(spy, { frequency: 1 })).toBeCloseTo(0.01 / 0.0003, 10);
    const falling = { dates: ["d1", "d2", "d3"], tickers: ["SPY"], values: Float64Array.from([100, 98, 97]) };
    expect(marketImpliedRiskAversion(falling)).toBeLessThan(0);
  });

  it("does not modify its input", () => {
    const before = copyTable(market);
    marketImpliedRiskAversion(market, { riskFreeRate: 0.02 });
    expect(market).toEqual(before);
  });

  it("throws typed errors for several columns, too few returns, a flat market or a bad rate", () => {
    expect(() => marketImpliedRiskAversion(prices)).toThrow(/marketPrices has 6 columns/);
    const two = { dates: ["d1", "d2"], tickers: ["SPY"], values: Float64Array.from([100, 101]) };
    expect(() => marketImpliedRiskAversion(two)).toThrow(/the market has 1 return; pass at least 3 prices/);
    const flat = { dates: ["d1", "d2", "d3"], tickers: ["SPY"], values: Float64Array.from([100, 100, 100]) };
    expect(() => marketImpliedRiskAversion(flat)).toThrow(NumericalError);
    expect(() => marketImpliedRiskAversion(market, { riskFreeRate: Infinity })).toThrow(InputError);
    expect(() => marketImpliedRiskAversion(market, { frequency: 0 })).toThrow(/frequency 0/);
  });
});
