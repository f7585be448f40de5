import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { ledoitWolfSingleFactor } from "../../../src/moments/risk-models/ledoit-wolf-single-factor";
import type { RiskModel } from "../../../src/moments/risk-models/risk-model";
import { copyTable } from "../../optimise/helpers/fixtures";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";
import { expectBetweenSampleAndTarget } from "./shrinkage-targets";

const expected = readEstimatorsExpected().ledoitWolfSingleFactor;
const { prices, complete } = readEstimatorsPrices();

describe("ledoitWolfSingleFactor", () => {
  it.each([
    ["with gaps (NaN filled with 0, as PyPortfolioOpt)", "gaps"],
    ["complete data", "complete"],
  ] as const)("matches pypfopt's _ledoit_wolf_single_factor to 1e-10: %s", (_name, key) => {
    const p = key === "gaps" ? prices : complete;
    const cov = ledoitWolfSingleFactor(p);
    expect(cov.labels).toEqual(p.tickers);
    expect(cov.repaired).toBe(expected[key].repaired);
    expect(relativeError([cov.shrinkage], expected[key].shrinkage)).toBeLessThan(1e-10);
    expect(relativeError(cov.values, expected[key].values)).toBeLessThan(1e-10);
  });

  it("shrinks by δ in [0, 1] to a matrix between the sample covariance and the target", () => {
    expectBetweenSampleAndTarget(ledoitWolfSingleFactor(prices), prices, "singleFactor");
    expectBetweenSampleAndTarget(ledoitWolfSingleFactor(complete), complete, "singleFactor");
  });

  it("scales with frequency and can be passed around as a RiskModel", () => {
    const weekly: RiskModel = (p) => ledoitWolfSingleFactor(p, { frequency: 52 });
    expect(relativeError(weekly(complete).values, ledoitWolfSingleFactor(complete).values.map((x) => (x * 52) / 252))).toBeLessThan(1e-13);
  });

  it("needs two assets", () => {
    const one = { dates: ["d1", "d2", "d3"], tickers: ["A"], values: Float64Array.from([100, 110, 99]) };
    expect(() => ledoitWolfSingleFactor(one)).toThrow(/ledoitWolfSingleFactor: 1 asset; this shrinkage target needs at least 2/);
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    ledoitWolfSingleFactor(prices, { logReturns: true });
    expect(prices).toEqual(before);
  });

  it("throws InputError naming a short column, a bad price or a bad frequency", () => {
    const short = { dates: ["d1", "d2", "d3"], tickers: ["A", "IPO"], values: Float64Array.from([1, NaN, 1.1, NaN, 1.2, 5]) };
    expect(() => ledoitWolfSingleFactor(short)).toThrow(/ledoitWolfSingleFactor: column IPO has 0 return observations/);
    const negative = { dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.from([1, 1, -1, 1]) };
    expect(() => ledoitWolfSingleFactor(negative)).toThrow(/price of A on d2 is -1/);
    expect(() => ledoitWolfSingleFactor(prices, { frequency: 0 })).toThrow(InputError);
  });
});
