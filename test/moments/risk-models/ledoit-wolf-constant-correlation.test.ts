import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { ledoitWolfConstantCorrelation } from "../../../src/moments/risk-models/ledoit-wolf-constant-correlation";
import type { RiskModel } from "../../../src/moments/risk-models/risk-model";
import { copyTable } from "../../optimise/helpers/fixtures";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";
import { expectBetweenSampleAndTarget } from "./shrinkage-targets";

const expected = readEstimatorsExpected().ledoitWolfConstantCorrelation;
const { prices, complete } = readEstimatorsPrices();

describe("ledoitWolfConstantCorrelation", () => {
  it.each([
    ["with gaps (NaN filled with 0, as PyPortfolioOpt)", "gaps"],
    ["complete data", "complete"],
  ] as const)("matches pypfopt's _ledoit_wolf_constant_correlation to 1e-10: %s", (_name, key) => {
    const p = key === "gaps" ? prices : complete;
    const cov = ledoitWolfConstantCorrelation(p);
    expect(cov.labels).toEqual(p.tickers);
    expect(cov.repaired).toBe(expected[key].repaired);
    expect(relativeError([cov.shrinkage], expected[key].shrinkage)).toBeLessThan(1e-10);
    expect(relativeError(cov.values, expected[key].values)).toBeLessThan(1e-10);
  });

  it("shrinks by δ in [0, 1] to a matrix between the sample covariance and the target", () => {
    expectBetweenSampleAndTarget(ledoitWolfConstantCorrelation(prices), prices, "constantCorrelation");
    expectBetweenSampleAndTarget(ledoitWolfConstantCorrelation(complete), complete, "constantCorrelation");
  });

  it("scales with frequency and can be passed around as a RiskModel", () => {
    const weekly: RiskModel = (p) => ledoitWolfConstantCorrelation(p, { frequency: 52 });
    expect(relativeError(weekly(complete).values, ledoitWolfConstantCorrelation(complete).values.map((x) => (x * 52) / 252))).toBeLessThan(1e-13);
  });

  it("needs two assets, and two overlapping dates per pair for its pairwise sample covariance", () => {
    const one = { dates: ["d1", "d2", "d3"], tickers: ["A"], values: Float64Array.from([100, 110, 99]) };
    expect(() => ledoitWolfConstantCorrelation(one)).toThrow(/ledoitWolfConstantCorrelation: 1 asset; this shrinkage target needs at least 2/);
    const disjoint = { dates: ["d1", "d2", "d3", "d4", "d5", "d6"], tickers: ["OLD", "NEW"],
      values: Float64Array.from([1, NaN, 1.1, NaN, 1.2, NaN, NaN, 2, NaN, 2.1, NaN, 2.2]) };
    expect(() => ledoitWolfConstantCorrelation(disjoint)).toThrow(/NEW and OLD are both observed on 0 dates/);
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    ledoitWolfConstantCorrelation(prices, { logReturns: true });
    expect(prices).toEqual(before);
  });

  it("throws InputError naming a short column, a bad price or a bad frequency", () => {
    const short = { dates: ["d1", "d2", "d3"], tickers: ["A", "IPO"], values: Float64Array.from([1, NaN, 1.1, NaN, 1.2, 5]) };
    expect(() => ledoitWolfConstantCorrelation(short)).toThrow(/ledoitWolfConstantCorrelation: column IPO has 0 return observations/);
    const negative = { dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.from([1, 1, -1, 1]) };
    expect(() => ledoitWolfConstantCorrelation(negative)).toThrow(/price of A on d2 is -1/);
    expect(() => ledoitWolfConstantCorrelation(prices, { frequency: 0 })).toThrow(InputError);
  });
});
