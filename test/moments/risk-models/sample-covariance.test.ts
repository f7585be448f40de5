import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { DateTable } from "../../../src/core/frame";
import { returnsFromPrices } from "../../../src/core/returns-from-prices";
import { fixNonpositiveSemidefinite } from "../../../src/moments/risk-models/fix-nonpositive-semidefinite";
import { pairwiseCovariance } from "../../../src/moments/risk-models/pairwise-covariance";
import { sampleCovariance } from "../../../src/moments/risk-models/sample-covariance";
import { readEstimatorsPrices } from "../../fixtures/allocation/estimators/read-expected";
import { normal, seededRandom } from "../../optimise/helpers/random";
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

describe("sampleCovariance without a missing price (returns written straight into the cross product)", () => {
  // 5 dates × 3 tickers; known answers from numpy: np.cov(r, rowvar=False) * 252, r = p[1:] / p[:-1] − 1 (or np.log(p[1:] / p[:-1]))
  const p = table(["d1", "d2", "d3", "d4", "d5"], ["A", "B", "C"], [100, 50, 20, 101, 50.5, 21, 100, 51, 20.5, 102, 50, 20.7, 103.5, 49, 21.2]);
  it("matches numpy's np.cov × 252, simple and log returns", () => {
    const simple = [0.042961585759453, -0.04307775280868387, 0.0641021416220595, -0.04307775280868387, 0.07437419667452393, -0.00957805634284356, 0.0641021416220595, -0.00957805634284356, 0.23876845433172514];
    const log = [0.04262350012187143, -0.04303768191149532, 0.06424488798297852, -0.04303768191149532, 0.07512396480438426, -0.01109541641168095, 0.06424488798297852, -0.01109541641168095, 0.2332069688544855];
    const cov = sampleCovariance(p);
    expect(cov.labels).toEqual(["A", "B", "C"]);
    expect(cov.repaired).toBe(false);
    expect(maxRelativeError(cov.values, simple)).toBeLessThan(1e-13);
    expect(maxRelativeError(sampleCovariance(p, { logReturns: true }).values, log)).toBeLessThan(1e-13);
  });

  it.each([false, true])("is bit for bit the general path pairwiseCovariance(returnsFromPrices(p)) × 252 (logReturns %s)", (logReturns) => {
    const gauss = normal(seededRandom(11));
    const [days, n] = [1300, 37]; // several row chunks; 37 is not a multiple of the kernel's 4 columns
    const values = new Float64Array(days * n);
    for (let j = 0; j < n; j++) values[j] = 10 + j;
    for (let i = 1; i < days; i++) for (let j = 0; j < n; j++) values[i * n + j] = values[(i - 1) * n + j]! * (1 + 0.01 * gauss());
    const random = { dates: Array.from({ length: days }, (_, i) => `d${String(i).padStart(5, "0")}`), tickers: Array.from({ length: n }, (_, j) => `T${j}`), values };
    for (const prices of [random, readEstimatorsPrices().complete]) {
      const general = pairwiseCovariance(returnsFromPrices(prices, { logReturns })).values.map((x) => x * 252);
      const cov = sampleCovariance(prices, { logReturns });
      expect(cov.values.every((v, k) => Object.is(v, general[k]))).toBe(true);
      expect(fixNonpositiveSemidefinite(cov).repaired).toBe(false); // semidefinite by construction: nothing to repair
    }
  });
});
