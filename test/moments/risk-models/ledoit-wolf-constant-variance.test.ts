import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { fixNonpositiveSemidefinite } from "../../../src/moments/risk-models/fix-nonpositive-semidefinite";
import { ledoitWolfConstantVariance } from "../../../src/moments/risk-models/ledoit-wolf-constant-variance";
import type { RiskModel } from "../../../src/moments/risk-models/risk-model";
import { copyTable } from "../../optimise/helpers/fixtures";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";
import { expectBetweenSampleAndTarget } from "./shrinkage-targets";

const expected = readEstimatorsExpected().ledoitWolfConstantVariance;
const { prices, complete } = readEstimatorsPrices();

describe("ledoitWolfConstantVariance", () => {
  it.each([
    ["with gaps (NaN filled with 0, as PyPortfolioOpt)", "gaps"],
    ["complete data", "complete"],
  ] as const)("matches sklearn.covariance.ledoit_wolf(np.nan_to_num(X)) via CovarianceShrinkage.ledoit_wolf() to 1e-10: %s", (_name, key) => {
    const p = key === "gaps" ? prices : complete;
    const cov = ledoitWolfConstantVariance(p);
    expect(cov.labels).toEqual(p.tickers);
    expect(cov.repaired).toBe(expected[key].repaired);
    expect(relativeError([cov.shrinkage], expected[key].shrinkage)).toBeLessThan(1e-10);
    expect(relativeError(cov.values, expected[key].values)).toBeLessThan(1e-10);
  });

  it("skips the repair step only where it would change nothing: the shrunk complete fixture passes its Cholesky test", () => {
    for (const p of [complete, prices]) {
      const cov = ledoitWolfConstantVariance(p);
      const again = fixNonpositiveSemidefinite(cov);
      expect(cov.repaired).toBe(false);
      expect(cov.minEigenvalue).toBeNull();
      expect(again.repaired).toBe(false);
      expect(again.values).toEqual(cov.values);
    }
  });

  it("gives the same bits through its general path (gaps filled) as through the complete-data path", () => {
    // A missing first price only removes the first return of one asset; filled with 0 it is the table whose first
    // return of that asset is 0: the same X, so the same result, one through each path.
    const n = complete.tickers.length;
    const gap = { ...complete, values: complete.values.slice() };
    gap.values[0] = NaN; // asset 0's first return is missing → filled with 0
    const flat = { ...complete, values: complete.values.slice() };
    flat.values[0] = flat.values[n]!; // asset 0's first return is exactly 0
    const viaGeneral = ledoitWolfConstantVariance(gap);
    const viaComplete = ledoitWolfConstantVariance(flat);
    expect(viaComplete.shrinkage).toBe(viaGeneral.shrinkage);
    expect(viaComplete.values.every((v, k) => Object.is(v, viaGeneral.values[k]))).toBe(true);
  });

  it("shrinks by δ in [0, 1] to a matrix between the sample covariance and the target", () => {
    expectBetweenSampleAndTarget(ledoitWolfConstantVariance(prices), prices, "constantVariance");
    expectBetweenSampleAndTarget(ledoitWolfConstantVariance(complete), complete, "constantVariance");
  });

  it("scales with frequency and can be passed around as a RiskModel", () => {
    const weekly: RiskModel = (p) => ledoitWolfConstantVariance(p, { frequency: 52 });
    expect(relativeError(weekly(complete).values, ledoitWolfConstantVariance(complete).values.map((x) => (x * 52) / 252))).toBeLessThan(1e-13);
  });

  it("gives one asset its ddof-0 variance and δ = 0, as sklearn", () => {
    const one = { dates: ["d1", "d2", "d3"], tickers: ["A"], values: Float64Array.from([100, 110, 99]) };
    const cov = ledoitWolfConstantVariance(one, { frequency: 1 });
    expect(cov.shrinkage).toBe(0);
    expect(cov.values[0]).toBeCloseTo(0.01, 15); // returns ±0.1, mean 0: (0.01 + 0.01) / 2
  });

  it("does not modify its input", () => {
    const before = copyTable(prices);
    ledoitWolfConstantVariance(prices, { logReturns: true });
    expect(prices).toEqual(before);
  });

  it("throws InputError naming a short column, a bad price or a bad frequency", () => {
    const short = { dates: ["d1", "d2", "d3"], tickers: ["A", "IPO"], values: Float64Array.from([1, NaN, 1.1, NaN, 1.2, 5]) };
    expect(() => ledoitWolfConstantVariance(short)).toThrow(/ledoitWolfConstantVariance: column IPO has 0 return observations/);
    const negative = { dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.from([1, 1, -1, 1]) };
    expect(() => ledoitWolfConstantVariance(negative)).toThrow(/price of A on d2 is -1/);
    expect(() => ledoitWolfConstantVariance(prices, { frequency: 0 })).toThrow(InputError);
  });
});
