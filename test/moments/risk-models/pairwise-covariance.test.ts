import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { DateTable } from "../../../src/core/frame";
import { pairwiseCovariance } from "../../../src/moments/risk-models/pairwise-covariance";
import { returnsFromPrices } from "../../../src/core/returns-from-prices";
import { copyTable, flat, maxRelativeError, readExpected, readPricesCsv } from "../../optimise/helpers/fixtures";

const table = (dates: string[], tickers: string[], values: number[]): DateTable => ({ dates, tickers, values: Float64Array.from(values) });

describe("pairwiseCovariance", () => {
  it("uses each pair's common rows with their own means and ddof 1 (hand example, pandas DataFrame.cov)", () => {
    // A: 0.01, 0.03, 0.02; B: 0.02, NaN, 0.00.
    // var(A) over 3 rows = 1e-4; var(B) over 2 rows = 2e-4; cov over rows 1 and 3: means 0.015 and 0.01 → (−0.005·0.01 + 0.005·−0.01)/1 = −1e-4.
    const r = table(["d1", "d2", "d3"], ["A", "B"], [0.01, 0.02, 0.03, NaN, 0.02, 0.0]);
    const cov = pairwiseCovariance(r);
    expect(cov.labels).toEqual(["A", "B"]);
    expect(cov.values[0]).toBeCloseTo(1e-4, 16);
    expect(cov.values[1]).toBeCloseTo(-1e-4, 16);
    expect(cov.values[2]).toBeCloseTo(-1e-4, 16);
    expect(cov.values[3]).toBeCloseTo(2e-4, 16);
  });

  it("matches df.cov() × 252 on the fixture (before any repair) to 1e-10", () => {
    const expected = readExpected();
    const cov = pairwiseCovariance(returnsFromPrices(readPricesCsv("prices.csv")));
    const annual = cov.values.map((x) => x * 252);
    expect(maxRelativeError(annual, flat(expected.sampleCovariance.values))).toBeLessThan(1e-10);
    const raw = pairwiseCovariance(returnsFromPrices(readPricesCsv("prices-indefinite.csv")));
    expect(maxRelativeError(raw.values.map((x) => x * 252), flat(expected.indefinite.rawCovariance))).toBeLessThan(1e-10);
  });

  it("is exactly symmetric and does not modify its input", () => {
    const r = returnsFromPrices(readPricesCsv("prices.csv"));
    const before = copyTable(r);
    const cov = pairwiseCovariance(r);
    const n = cov.labels.length;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(cov.values[i * n + j]).toBe(cov.values[j * n + i]);
    expect(r).toEqual(before);
  });

  it("throws InputError for a pair that overlaps on fewer than 2 dates (pandas would give NaN)", () => {
    const r = table(["d1", "d2", "d3", "d4"], ["OLD", "NEW"], [0.01, NaN, 0.02, NaN, -0.01, 0.03, NaN, 0.01]);
    expect(() => pairwiseCovariance(r)).toThrow(/NEW and OLD are both observed on 1 date/);
  });

  it("throws InputError for a column with fewer than 2 observations and for an infinite return", () => {
    expect(() => pairwiseCovariance(table(["d1", "d2"], ["A", "B"], [0.1, NaN, 0.2, 0.3]))).toThrow(/column B has 1 return observation/);
    expect(() => pairwiseCovariance(table(["d1", "d2"], ["A"], [0.1, Infinity]))).toThrow(/return of A on d2 is Infinity/);
    expect(() => pairwiseCovariance(table(["d1", "d2"], ["A"], [0.1]))).toThrow(InputError);
  });
});
