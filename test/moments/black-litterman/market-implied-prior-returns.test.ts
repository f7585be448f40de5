import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { marketImpliedPriorReturns } from "../../../src/moments/black-litterman/market-implied-prior-returns";
import { sampleCovariance } from "../../../src/moments/risk-models/sample-covariance";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";

const expected = readEstimatorsExpected().blackLitterman;
const cov = sampleCovariance(readEstimatorsPrices().prices);

describe("marketImpliedPriorReturns", () => {
  it("matches pypfopt's market_implied_prior_returns to 1e-8", () => {
    const withRiskFree = marketImpliedPriorReturns(expected.marketCaps, cov, { riskAversion: expected.riskAversion, riskFreeRate: 0.02 });
    expect(withRiskFree.labels).toEqual(cov.labels);
    expect(relativeError(withRiskFree.values, expected.prior)).toBeLessThan(1e-8);
    const plain = marketImpliedPriorReturns(new Map(Object.entries(expected.marketCaps).reverse()), cov, { riskAversion: 2.5 });
    expect(relativeError(plain.values, expected.priorRiskAversion2_5)).toBeLessThan(1e-8);
  });

  it("is δ·Σ·w_mkt + r_f (hand example), from any cap container, without modifying its inputs", () => {
    const small = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) };
    const caps = { labels: ["B", "A"], values: Float64Array.from([1, 3]) };
    const prior = marketImpliedPriorReturns(caps, small, { riskAversion: 2, riskFreeRate: 0.02 });
    expect(prior.values[0]).toBeCloseTo(2 * (0.75 * 0.04 + 0.25 * 0.01) + 0.02, 15);
    expect(prior.values[1]).toBeCloseTo(2 * (0.75 * 0.01 + 0.25 * 0.09) + 0.02, 15);
    expect(Array.from(caps.values)).toEqual([1, 3]);
    expect(Array.from(small.values)).toEqual([0.04, 0.01, 0.01, 0.09]);
  });

  it("throws InputError naming an unknown or missing ticker, a bad cap or a bad risk aversion", () => {
    const caps = { ...expected.marketCaps };
    expect(() => marketImpliedPriorReturns({ ...caps, AAPX: 1e9 }, cov, { riskAversion: 2 })).toThrow(/marketCaps has AAPX, which is not in the covariance/);
    const { EMBR: _dropped, ...missing } = caps;
    expect(() => marketImpliedPriorReturns(missing, cov, { riskAversion: 2 })).toThrow(/EMBR is in the covariance but has no market cap/);
    expect(() => marketImpliedPriorReturns({ ...caps, BOLT: -1 }, cov, { riskAversion: 2 })).toThrow(/the market cap of BOLT is -1/);
    expect(() => marketImpliedPriorReturns(caps, cov, { riskAversion: -0.67 })).toThrow(/riskAversion -0.67 is not a positive number/);
    expect(() => marketImpliedPriorReturns(caps, cov, { riskAversion: 2, riskFreeRate: NaN })).toThrow(InputError);
    const zeros = Object.fromEntries(Object.keys(caps).map((t) => [t, 0]));
    expect(() => marketImpliedPriorReturns(zeros, cov, { riskAversion: 2 })).toThrow(/the market caps sum to 0/);
  });
});
